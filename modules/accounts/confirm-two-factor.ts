import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { confirmTwoFactorInput, type ConfirmTwoFactorInput } from "./inputs.ts";
import { isBetterAuthError } from "./sign-up.ts";
import { twoFactorError } from "./two-factor-errors.ts";

/**
 * Finishes turning on two-factor sign-in with a code from the app set up by enableTwoFactor().
 * Better Auth replaces the session: the returned headers set its new cookie.
 */
export async function confirmTwoFactor(
  ctx: ServiceContext & { auth: Auth },
  raw: ConfirmTwoFactorInput,
  requestHeaders: Headers,
): Promise<{ headers: Headers }> {
  const parsed = confirmTwoFactorInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const session = await ctx.auth.api.getSession({ headers: requestHeaders });
  if (!session) throw new AppError("unauthorized", "error.signInRequired");
  if ((session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) throw new AppError("conflict", "error.twoFactor.alreadyOn");
  try {
    const { headers } = await ctx.auth.api.verifyTOTP({ body: { code: parsed.data.code }, headers: requestHeaders, returnHeaders: true });
    // The server puts the client's address in this header (server/security.ts).
    await recordAuditEvent(ctx.db, { kind: "two_factor_enabled", actorUserId: session.user.id, ipAddress: requestHeaders.get("x-pares-client-ip") });
    return { headers };
  } catch (err) {
    if (isBetterAuthError(err, "INVALID_CODE")) throw new AppError("invalid", "error.invalid.detail", { code: ["i18n:validation.totpCodeWrong"] });
    throw twoFactorError(err);
  }
}

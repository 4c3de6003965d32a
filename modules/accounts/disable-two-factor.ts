import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { passwordConfirmationInput, type PasswordConfirmationInput } from "./inputs.ts";
import { twoFactorError } from "./two-factor-errors.ts";

/**
 * Turns two-factor sign-in off after the password (when the account has one): the key and
 * backup codes are deleted. Better Auth replaces the session: the returned headers set its new
 * cookie.
 */
export async function disableTwoFactor(
  ctx: ServiceContext & { auth: Auth },
  raw: PasswordConfirmationInput,
  requestHeaders: Headers,
): Promise<{ headers: Headers }> {
  const parsed = passwordConfirmationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { password } = parsed.data;
  const session = await ctx.auth.api.getSession({ headers: requestHeaders });
  if (!session) throw new AppError("unauthorized", "error.signInRequired");
  if (!(session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) throw new AppError("conflict", "error.twoFactor.notOn");
  try {
    const { headers } = await ctx.auth.api.disableTwoFactor({ body: { password }, headers: requestHeaders, returnHeaders: true });
    // The server puts the client's address in this header (server/security.ts).
    await recordAuditEvent(ctx.db, { kind: "two_factor_disabled", actorUserId: session.user.id, ipAddress: requestHeaders.get("x-pares-client-ip") });
    return { headers };
  } catch (err) {
    throw twoFactorError(err, password);
  }
}

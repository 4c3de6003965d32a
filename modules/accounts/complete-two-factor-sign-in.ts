import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { twoFactorCodeInput, type TwoFactorCodeInput } from "./inputs.ts";
import { isBetterAuthError } from "./sign-up.ts";
import { twoFactorError } from "./two-factor-errors.ts";

/**
 * The second step of signing in, after signIn() (or single sign-on) answered that a second factor
 * is needed: six digits are checked as a code from the authenticator app, anything else as a
 * backup code (used up on success). Returns the headers that set the session cookie.
 * Better Auth limits the guesses: five per sign-in, and ten in a row lock the account's second
 * factor for fifteen minutes.
 */
export async function completeTwoFactorSignIn(
  ctx: ServiceContext & { auth: Auth },
  raw: TwoFactorCodeInput,
  requestHeaders: Headers,
): Promise<{ headers: Headers }> {
  const parsed = twoFactorCodeInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { code } = parsed.data;
  try {
    const app = /^\d{6}$/.test(code);
    const { headers, response } = app
      ? await ctx.auth.api.verifyTOTP({ body: { code }, headers: requestHeaders, returnHeaders: true })
      : await ctx.auth.api.verifyBackupCode({ body: { code }, headers: requestHeaders, returnHeaders: true });
    const userId = (response as { user?: { id?: string } }).user?.id;
    if (userId) {
      await recordAuditEvent(ctx.db, {
        kind: "sign_in",
        actorUserId: userId,
        ipAddress: requestHeaders.get("x-pares-client-ip"),
        details: { method: "second_factor", factor: app ? "totp" : "backup_code" },
      });
    }
    return { headers };
  } catch (err) {
    if (isBetterAuthError(err, "INVALID_CODE") || isBetterAuthError(err, "INVALID_BACKUP_CODE")) {
      await recordAuditEvent(ctx.db, { kind: "sign_in_failed", ipAddress: requestHeaders.get("x-pares-client-ip"), details: { reason: "invalid_second_factor" } });
      throw invalid({ code: ["i18n:validation.twoFactorCode"] });
    }
    throw twoFactorError(err);
  }
}

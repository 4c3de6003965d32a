import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { confirmTwoFactorInput, type ConfirmTwoFactorInput } from "./inputs.ts";
import { personalAccessTokens, sessions } from "./schema.ts";
import { isBetterAuthError } from "./sign-up.ts";
import { twoFactorError } from "./two-factor-errors.ts";

/**
 * Finishes turning on two-factor sign-in with a code from the app set up by enableTwoFactor().
 * Better Auth replaces the session: the returned headers set its new cookie. Every other session
 * ends and every API token is revoked: they were opened with the password alone, and must not
 * gain the powers a role reserves for people who sign in with a second factor.
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
    const keep = newSessionToken(headers);
    const userId = session.user.id;
    await ctx.db.transaction(async (tx) => {
      await tx.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.token, keep)) : eq(sessions.userId, userId));
      await tx
        .update(personalAccessTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)));
      // The server puts the client's address in this header (server/security.ts).
      await recordAuditEvent(tx, { kind: "two_factor_enabled", actorUserId: userId, ipAddress: requestHeaders.get("x-pares-client-ip") });
    });
    return { headers };
  } catch (err) {
    if (isBetterAuthError(err, "INVALID_CODE")) throw new AppError("invalid", "error.invalid.detail", { code: ["i18n:validation.totpCodeWrong"] });
    throw twoFactorError(err);
  }
}

/** The token of the session Better Auth just opened, from its (signed) cookie: "<token>.<signature>". */
function newSessionToken(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (!pair!.slice(0, eq).endsWith("session_token")) continue;
    const value = decodeURIComponent(pair!.slice(eq + 1));
    if (value) return value.slice(0, value.lastIndexOf(".") > 0 ? value.lastIndexOf(".") : undefined);
  }
  return undefined;
}

import { randomUUID } from "node:crypto";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { signInInput, type SignInInput } from "./inputs.ts";
import { signInFailures, users } from "./schema.ts";
import { isBetterAuthError } from "./sign-up.ts";

/** Failed attempts allowed per address within the window; the next one is refused with 429. */
export const signInFailureLimit = 5;
const windowSeconds = 60;

/**
 * Signs a person in with e-mail and password and returns the headers that set the session
 * cookie. Wrong address and wrong password get the same answer (Better Auth also hashes a
 * password for unknown addresses, so the timing does not tell them apart).
 * For an account with two-factor sign-in, there is no session yet: `twoFactorRequired` is true
 * and the headers set the cookie of the pending sign-in that completeTwoFactorSignIn() finishes.
 */
export async function signIn(
  ctx: ServiceContext & { auth: Auth },
  raw: SignInInput,
  requestHeaders: Headers,
): Promise<{ headers: Headers; twoFactorRequired: boolean }> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { email, password } = parsed.data;
  // The attempt is written before it is checked, so a burst of parallel attempts cannot all
  // slip under the limit; a successful sign-in clears the address's record.
  await ctx.db.insert(signInFailures).values({ id: randomUUID(), email });
  const since = sql`now() - ${`${windowSeconds} seconds`}::interval`;
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.failedAt, since)));
  const ipAddress = requestHeaders.get("x-pares-client-ip");
  if ((recent?.n ?? 0) > signInFailureLimit) {
    await recordFailure(ctx, email, ipAddress, "rate_limited");
    throw new AppError("rate_limited", "error.signIn.rateLimited");
  }
  try {
    const { headers, response } = await ctx.auth.api.signInEmail({ body: { email, password }, headers: requestHeaders, returnHeaders: true });
    await ctx.db.delete(signInFailures).where(eq(signInFailures.email, email));
    // The two-factor plugin replaces the answer; Better Auth's types do not know it.
    const twoFactorRequired = (response as { twoFactorRedirect?: boolean }).twoFactorRedirect === true;
    const userId = (response as { user?: { id?: string } }).user?.id;
    if (!twoFactorRequired && userId) await recordAuditEvent(ctx.db, { kind: "sign_in", actorUserId: userId, ipAddress, details: { method: "password" } });
    return { headers, twoFactorRequired };
  } catch (err) {
    await ctx.db.delete(signInFailures).where(lt(signInFailures.failedAt, sql`now() - interval '1 hour'`));
    if (isBetterAuthError(err, "EMAIL_NOT_VERIFIED")) throw new AppError("forbidden", "error.signIn.unverified");
    if (isBetterAuthError(err, "INVALID_EMAIL_OR_PASSWORD")) {
      await recordFailure(ctx, email, ipAddress, "invalid_credentials");
      throw new AppError("unauthorized", "error.signIn.invalid");
    }
    throw err;
  }
}

/**
 * A failed sign-in in the audit log: for an existing account, whose account it was; for an
 * unknown address, only that the address is unknown (the address itself is not kept).
 */
async function recordFailure(ctx: ServiceContext, email: string, ipAddress: string | null, reason: string): Promise<void> {
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  await recordAuditEvent(ctx.db, { kind: "sign_in_failed", subjectUserId: user?.id ?? null, ipAddress, details: { reason, knownAccount: Boolean(user) } });
}

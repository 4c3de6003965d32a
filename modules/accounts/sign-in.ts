import { randomUUID } from "node:crypto";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { signInInput, type SignInInput } from "./inputs.ts";
import { signInFailures } from "./schema.ts";
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
  if ((recent?.n ?? 0) > signInFailureLimit) throw new AppError("rate_limited", "error.signIn.rateLimited");
  try {
    const { headers, response } = await ctx.auth.api.signInEmail({ body: { email, password }, headers: requestHeaders, returnHeaders: true });
    await ctx.db.delete(signInFailures).where(eq(signInFailures.email, email));
    // The two-factor plugin replaces the answer; Better Auth's types do not know it.
    const twoFactorRequired = (response as { twoFactorRedirect?: boolean }).twoFactorRedirect === true;
    return { headers, twoFactorRequired };
  } catch (err) {
    await ctx.db.delete(signInFailures).where(lt(signInFailures.failedAt, sql`now() - interval '1 hour'`));
    if (isBetterAuthError(err, "EMAIL_NOT_VERIFIED")) throw new AppError("forbidden", "error.signIn.unverified");
    if (isBetterAuthError(err, "INVALID_EMAIL_OR_PASSWORD")) throw new AppError("unauthorized", "error.signIn.invalid");
    throw err;
  }
}

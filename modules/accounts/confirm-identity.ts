// Before a change that could take an account over or erase it (a new e-mail address, deletion),
// the person at the keyboard proves they hold it: a stolen session alone is not enough.
import { randomUUID } from "node:crypto";
import { and, count, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { Auth } from "../../platform/auth.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import type { IdentityProof } from "./inputs.ts";
import { accounts, signInFailures } from "./schema.ts";
import { signInFailureLimit } from "./sign-in.ts";

export type ProofKind = "password" | "email";

/** How the person confirms: their password, or (an account signed into elsewhere, without one) their address. */
export async function proofKindOf(ctx: ServiceContext, userId: string): Promise<ProofKind> {
  const [credential] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential"), isNotNull(accounts.password)));
  return credential ? "password" : "email";
}

/**
 * Throws unless the proof holds, naming the field. Wrong passwords count towards the address's
 * sign-in limit (written before checking, as sign-in does), so a stolen session cannot be used
 * to guess the password.
 */
export async function confirmIdentity(
  ctx: ServiceContext & { auth: Auth },
  user: { id: string; email: string },
  proof: IdentityProof,
): Promise<void> {
  if ((await proofKindOf(ctx, user.id)) === "email") {
    if (proof.confirmEmail?.trim().toLowerCase() !== user.email) throw invalid({ confirmEmail: ["i18n:validation.confirmEmail"] });
    return;
  }
  if (!proof.password) throw invalid({ password: ["i18n:validation.required"] });
  await ctx.db.insert(signInFailures).values({ id: randomUUID(), email: user.email });
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, user.email), gt(signInFailures.failedAt, sql`now() - interval '60 seconds'`)));
  if ((recent?.n ?? 0) > signInFailureLimit) throw new AppError("rate_limited", "error.signIn.rateLimited");
  const [credential] = await ctx.db
    .select({ hash: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, user.id), eq(accounts.providerId, "credential")));
  const auth = await ctx.auth.$context;
  const matches = !!credential?.hash && (await auth.password.verify({ hash: credential.hash, password: proof.password }));
  if (!matches) throw invalid({ password: ["i18n:validation.currentPassword"] });
  await ctx.db.delete(signInFailures).where(eq(signInFailures.email, user.email));
}

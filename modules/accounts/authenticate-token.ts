import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { hashSecret } from "../../platform/tokens.ts";
import { tokenPrefix } from "./create-token.ts";
import { personalAccessTokens, type TokenScope } from "./schema.ts";

export interface TokenIdentity {
  tokenId: string;
  userId: string;
  scope: TokenScope;
  expiresAt: Date;
}

/** The owner and scope of a bearer token that is valid now, or null (unknown, expired or revoked). */
export async function authenticateToken(ctx: ServiceContext, bearer: string): Promise<TokenIdentity | null> {
  if (!bearer.startsWith(tokenPrefix) || bearer.length > 100) return null;
  const [row] = await ctx.db
    .select({ tokenId: personalAccessTokens.id, userId: personalAccessTokens.userId, scope: personalAccessTokens.scope, expiresAt: personalAccessTokens.expiresAt })
    .from(personalAccessTokens)
    .where(and(eq(personalAccessTokens.tokenHash, hashSecret(bearer)), isNull(personalAccessTokens.revokedAt), gt(personalAccessTokens.expiresAt, sql`now()`)));
  if (!row) return null;
  // "Last used" is kept to the minute: one write per token per minute at most, not per request.
  await ctx.db
    .update(personalAccessTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(personalAccessTokens.id, row.tokenId),
        or(isNull(personalAccessTokens.lastUsedAt), lt(personalAccessTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return row;
}

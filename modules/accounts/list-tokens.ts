import { desc, eq } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Actor } from "../organizations/actor.ts";
import { accountPolicy } from "./policy.ts";
import { personalAccessTokens, type TokenScope } from "./schema.ts";

export interface TokenSummary {
  id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  status: "active" | "expired" | "revoked";
}

/** The person's tokens, newest first; never the secret (it is not stored). */
export async function listTokens(ctx: ServiceContext, actor: Actor): Promise<TokenSummary[]> {
  requireSignedIn(actor);
  authorize(accountPolicy.seeOwnTokens(actor));
  const rows = await ctx.db
    .select()
    .from(personalAccessTokens)
    .where(eq(personalAccessTokens.userId, actor.userId))
    .orderBy(desc(personalAccessTokens.createdAt));
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.scope,
    prefix: r.prefix,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    status: r.revokedAt ? "revoked" : r.expiresAt <= now ? "expired" : "active",
  }));
}

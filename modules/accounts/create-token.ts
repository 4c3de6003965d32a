import { and, count, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { hashSecret, newSecret } from "../../platform/tokens.ts";
import { createTokenInput, type CreateTokenInput } from "./inputs.ts";
import { accountPolicy } from "./policy.ts";
import { personalAccessTokens } from "./schema.ts";

/** Tokens start with this, so secret scanners and people recognise them. */
export const tokenPrefix = "pares_";
export const maxActiveTokens = 25;

export interface CreatedToken {
  id: string;
  name: string;
  scope: "read" | "write";
  expiresAt: Date;
  /** The token itself: shown once, never stored. */
  token: string;
}

/**
 * Creates a personal access token for /api/v1, acting as its owner within its scope. A token
 * cannot create one that outlives it or may do more than it may.
 */
export async function createToken(ctx: ServiceContext, actor: Actor, raw: CreateTokenInput, callerTokenExpiresAt?: Date): Promise<CreatedToken> {
  requireSignedIn(actor);
  authorize(accountPolicy.manageOwnTokens(actor));
  const parsed = createTokenInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { name, scope, expiresInDays } = parsed.data;
  let expiresAt = new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000);
  if (actor.via === "token" && callerTokenExpiresAt && expiresAt > callerTokenExpiresAt) expiresAt = callerTokenExpiresAt;
  const token = `${tokenPrefix}${newSecret()}`;
  return ctx.db.transaction(async (tx) => {
    const [active] = await tx
      .select({ n: count() })
      .from(personalAccessTokens)
      .where(and(eq(personalAccessTokens.userId, actor.userId), isNull(personalAccessTokens.revokedAt), gt(personalAccessTokens.expiresAt, new Date())));
    if ((active?.n ?? 0) >= maxActiveTokens) throw new AppError("conflict", "error.token.tooMany");
    const [row] = await tx
      .insert(personalAccessTokens)
      .values({ userId: actor.userId, name, scope, tokenHash: hashSecret(token), prefix: token.slice(0, tokenPrefix.length + 6), expiresAt })
      .returning({ id: personalAccessTokens.id });
    await recordAuditEvent(tx, { kind: "token_created", actorUserId: actor.userId, ipAddress: actor.ipAddress, details: { tokenId: row!.id, name, scope } });
    return { id: row!.id, name, scope, expiresAt, token };
  });
}

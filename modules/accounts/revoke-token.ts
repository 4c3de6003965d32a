import { and, eq, isNull } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { assertUuid } from "../organizations/find-organization.ts";
import { accountPolicy } from "./policy.ts";
import { personalAccessTokens } from "./schema.ts";

/** Revokes one of the person's own tokens at once. Someone else's token is "not found". */
export async function revokeToken(ctx: ServiceContext, actor: Actor, tokenId: string): Promise<void> {
  requireSignedIn(actor);
  authorize(accountPolicy.manageOwnTokens(actor));
  assertUuid(tokenId, "error.token.notFound");
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(personalAccessTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(personalAccessTokens.id, tokenId), eq(personalAccessTokens.userId, actor.userId), isNull(personalAccessTokens.revokedAt)))
      .returning({ id: personalAccessTokens.id });
    if (revoked.length === 0) throw notFound("error.token.notFound");
    await recordAuditEvent(tx, { kind: "token_revoked", actorUserId: actor.userId, ipAddress: actor.ipAddress, details: { tokenId } });
  });
}

import { and, eq } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { factsOf, findCandidacy } from "./find.ts";
import { governancePolicy } from "./policy.ts";
import { networkCandidacies } from "./schema.ts";

/** The candidate organization's focal point withdraws a candidacy not yet decided. Withdrawing twice changes nothing. */
export async function withdrawCandidacy(ctx: ServiceContext, actor: Actor, networkSlug: string, candidacyId: string): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const candidacy = await findCandidacy(ctx.db, network.id, candidacyId);
  const visible = governancePolicy.seeCandidacies(actor, factsOf(network)) || governancePolicy.seeOwnCandidacy(actor, candidacy.organizationId);
  authorize(governancePolicy.withdrawCandidacy(actor, candidacy.organizationId), { visible });
  await ctx.db.transaction(async (tx) => {
    const [withdrawn] = await tx
      .update(networkCandidacies)
      .set({ status: "withdrawn" })
      .where(and(eq(networkCandidacies.id, candidacy.id), eq(networkCandidacies.status, "submitted")))
      .returning({ id: networkCandidacies.id });
    if (!withdrawn) {
      const [current] = await tx.select({ status: networkCandidacies.status }).from(networkCandidacies).where(eq(networkCandidacies.id, candidacy.id));
      if (current?.status === "withdrawn") return;
      throw new AppError("conflict", "governance.error.candidacyDecided");
    }
    await recordAuditEvent(tx, {
      kind: "candidacy_withdrawn",
      actorUserId: actor.userId,
      organizationId: candidacy.organizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, candidacyId: candidacy.id, bodyId: candidacy.bodyId, termId: candidacy.termId },
    });
  });
}

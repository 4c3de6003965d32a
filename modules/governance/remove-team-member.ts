import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { teamOrganization } from "./add-team-member.ts";
import { findBody } from "./find.ts";
import { participationInput, type ParticipationInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { networkBodyParticipants } from "./schema.ts";

/** A person leaves their organization's team in a unit, or its focal point takes them off. Removing twice changes nothing. */
export async function removeTeamMember(ctx: ServiceContext, actor: Actor, networkSlug: string, bodySlug: string, userId: string, raw: ParticipationInput = {}): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const body = await findBody(ctx.db, network.id, bodySlug);
  const parsed = participationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const rows = await ctx.db
    .select({ organizationId: networkBodyParticipants.organizationId })
    .from(networkBodyParticipants)
    .where(and(eq(networkBodyParticipants.bodyId, body.id), eq(networkBodyParticipants.userId, userId)));
  // Not (or no longer) in the team: nothing to do for the person themselves.
  if (rows.length === 0 && !parsed.data.organization && actor.userId === userId) return;
  const organizationId = await teamOrganization(ctx.db, actor, userId, parsed.data.organization, rows.length ? rows.map((r) => r.organizationId) : [...actor.memberships.keys()]);
  authorize(governancePolicy.manageTeam(actor, organizationId, userId));
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(networkBodyParticipants)
      .where(and(eq(networkBodyParticipants.bodyId, body.id), eq(networkBodyParticipants.organizationId, organizationId), eq(networkBodyParticipants.userId, userId)))
      .returning({ userId: networkBodyParticipants.userId });
    if (removed.length === 0) return;
    await recordAuditEvent(tx, {
      kind: "team_member_removed",
      actorUserId: actor.userId,
      subjectUserId: userId,
      organizationId,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: body.id },
    });
  });
}

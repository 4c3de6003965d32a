import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { today } from "./dates.ts";
import { findBody, organizationActedFor } from "./find.ts";
import { participationInput, type ParticipationInput } from "./inputs.ts";
import { participatingOrganizations } from "./participation.ts";
import { governancePolicy } from "./policy.ts";
import { lockNetworkRoles } from "./rules.ts";
import { networkBodyParticipants, networkRoles } from "./schema.ts";

/**
 * An organization leaves a unit: its member role ends today (kept in the history). When it holds
 * no other role there, its people leave the unit's team. Leaving again changes nothing.
 */
export async function leaveUnit(ctx: ServiceContext, actor: Actor, networkSlug: string, bodySlug: string, raw: ParticipationInput = {}): Promise<void> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const body = await findBody(ctx.db, network.id, bodySlug);
  const parsed = participationInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const organization = await organizationActedFor(ctx.db, actor, parsed.data.organization);
  authorize(governancePolicy.joinUnit(actor, organization.id));
  const day = today();
  await ctx.db.transaction(async (tx) => {
    await lockNetworkRoles(tx, network.id);
    const ended = await tx
      .update(networkRoles)
      .set({ endsOn: day })
      .where(
        and(
          eq(networkRoles.bodyId, body.id),
          eq(networkRoles.organizationId, organization.id),
          eq(networkRoles.role, "member"),
          lte(networkRoles.startsOn, day),
          or(isNull(networkRoles.endsOn), gt(networkRoles.endsOn, day)),
        ),
      )
      .returning({ id: networkRoles.id });
    if (ended.length === 0) return;
    if (!(await participatingOrganizations(tx, body.id, day)).includes(organization.id)) {
      await tx.delete(networkBodyParticipants).where(and(eq(networkBodyParticipants.bodyId, body.id), eq(networkBodyParticipants.organizationId, organization.id)));
    }
    await recordAuditEvent(tx, {
      kind: "unit_left",
      actorUserId: actor.userId,
      organizationId: organization.id,
      ipAddress: actor.ipAddress,
      details: { networkId: network.id, bodyId: body.id, roleIds: ended.map((r) => r.id) },
    });
  });
}

import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import type { MembershipStatus } from "../networks/schema.ts";
import { lockNetworkRoles } from "./rules.ts";
import { networkBodies, networkBodyParticipants, networkCandidacies, networkRoles } from "./schema.ts";

/** Statuses that end an organization's part in a network's bodies. */
export const departingStatuses: readonly MembershipStatus[] = ["suspended", "withdrawn"];

export interface DepartureEffects {
  rolesEnded: number;
  futureRolesCancelled: number;
  teamMembersRemoved: number;
  candidaciesWithdrawn: number;
}

/**
 * An organization suspended from a network, or leaving it, stops holding its roles there: roles
 * held on the effective date end that day (history kept), roles not yet begun (an approved
 * candidacy for the next term) are cancelled with their candidacy, its people leave the bodies'
 * technical teams, and candidacies awaiting a decision are withdrawn. Runs in the caller's
 * transaction, under the network's role lock, so no role can be assigned meanwhile.
 */
export async function endRolesOfOrganization(
  tx: Database,
  args: { networkId: string; organizationId: string; effectiveOn: string },
): Promise<DepartureEffects> {
  const { networkId, organizationId, effectiveOn } = args;
  await lockNetworkRoles(tx, networkId);
  const mine = and(eq(networkRoles.networkId, networkId), eq(networkRoles.organizationId, organizationId));
  const ended = await tx
    .update(networkRoles)
    .set({ endsOn: effectiveOn })
    .where(and(mine, lte(networkRoles.startsOn, effectiveOn), or(isNull(networkRoles.endsOn), gt(networkRoles.endsOn, effectiveOn))))
    .returning({ id: networkRoles.id });
  const cancelled = await tx
    .delete(networkRoles)
    .where(and(mine, gt(networkRoles.startsOn, effectiveOn)))
    .returning({ id: networkRoles.id, candidacyId: networkRoles.candidacyId });
  const withdrawn = await tx
    .update(networkCandidacies)
    .set({ status: "withdrawn", roleId: null })
    .where(
      and(
        eq(networkCandidacies.networkId, networkId),
        eq(networkCandidacies.organizationId, organizationId),
        or(
          eq(networkCandidacies.status, "submitted"),
          cancelled.length ? inArray(networkCandidacies.id, cancelled.flatMap((r) => (r.candidacyId ? [r.candidacyId] : []))) : sql`false`,
        ),
      ),
    )
    .returning({ id: networkCandidacies.id });
  const removed = await tx
    .delete(networkBodyParticipants)
    .where(
      and(
        eq(networkBodyParticipants.organizationId, organizationId),
        inArray(networkBodyParticipants.bodyId, tx.select({ id: networkBodies.id }).from(networkBodies).where(eq(networkBodies.networkId, networkId))),
      ),
    )
    .returning({ userId: networkBodyParticipants.userId });
  return { rolesEnded: ended.length, futureRolesCancelled: cancelled.length, teamMembersRemoved: removed.length, candidaciesWithdrawn: withdrawn.length };
}

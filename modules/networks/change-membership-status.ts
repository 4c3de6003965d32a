import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { departingStatuses, endRolesOfOrganization } from "../governance/end-roles-of-organization.ts";
import { findNetwork } from "./find-network.ts";
import { changeMembershipStatusInput, type ChangeMembershipStatusInput, today } from "./inputs.ts";
import { authorizeManagement, categoryIdOf, lockMembership, recordMembershipChange } from "./membership-history.ts";
import { networkMemberships } from "./schema.ts";

/**
 * The secretariat changes a member's status (active, inactive, suspended, withdrawn) and/or
 * category, with a reason and the date it takes effect. Applications are decided, not changed
 * here. A change to what already is (a double submit) records nothing.
 */
export async function changeMembershipStatus(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  membershipId: string,
  raw: ChangeMembershipStatusInput,
): Promise<{ changed: boolean }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, slug);
  await authorizeManagement(ctx.db, actor, network, membershipId);
  const parsed = changeMembershipStatusInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const row = await lockMembership(tx, network.id, membershipId);
    if (row.status === "applicant" || row.status === "declined") throw new AppError("conflict", "error.membership.decideFirst");
    let categoryId = row.categoryId;
    if (input.category) {
      const id = await categoryIdOf(tx, network.id, input.category);
      if (!id) throw invalid({ category: ["i18n:validation.category"] });
      categoryId = id;
    }
    const statusChanges = input.status !== row.status;
    if (!statusChanges && categoryId === row.categoryId) return { changed: false };
    const effectiveOn = input.effectiveOn ?? today();
    // Membership starts again on re-admission after leaving. An unknown start (null) stays
    // unknown: becoming active again after a suspension is not the day it began.
    const restarts = input.status === "active" && row.status === "withdrawn";
    await tx
      .update(networkMemberships)
      .set({
        status: input.status,
        categoryId,
        ...(statusChanges ? { statusChangedAt: effectiveOn === today() ? new Date() : new Date(`${effectiveOn}T00:00:00Z`) } : {}),
        ...(restarts ? { since: effectiveOn } : {}),
      })
      .where(eq(networkMemberships.id, row.id));
    const departure =
      statusChanges && departingStatuses.includes(input.status)
        ? await endRolesOfOrganization(tx, { networkId: network.id, organizationId: row.organizationId, effectiveOn })
        : undefined;
    await recordMembershipChange(tx, {
      membershipId: row.id,
      networkId: network.id,
      organizationId: row.organizationId,
      from: row.status,
      to: input.status,
      categoryId,
      reason: input.reason,
      effectiveOn,
      actor,
      audit: "network_membership_changed",
      details: { categoryChanged: categoryId !== row.categoryId, ...departure },
    });
    return { changed: true };
  });
}

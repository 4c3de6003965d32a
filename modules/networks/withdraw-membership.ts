import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { assertUuid } from "../organizations/find-organization.ts";
import { endRolesOfOrganization } from "../governance/end-roles-of-organization.ts";
import { findNetwork } from "./find-network.ts";
import { today, withdrawMembershipInput, type WithdrawMembershipInput } from "./inputs.ts";
import { lockMembership, recordMembershipChange } from "./membership-history.ts";
import { networkPolicy } from "./policy.ts";
import { networkMemberships } from "./schema.ts";

/**
 * The organization's focal point cancels its application or leaves the network (hosted or
 * external). Withdrawing what is already withdrawn changes nothing.
 */
export async function withdrawMembership(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  membershipId: string,
  raw: WithdrawMembershipInput = {},
): Promise<{ changed: boolean }> {
  requireSignedIn(actor);
  assertUuid(membershipId, "error.membership.notFound");
  const network = await findNetwork(ctx.db, slug);
  const [found] = await ctx.db
    .select({ organizationId: networkMemberships.organizationId })
    .from(networkMemberships)
    .where(and(eq(networkMemberships.id, membershipId), eq(networkMemberships.networkId, network.id)));
  const visible = !!found && (networkPolicy.seeOwnMembership(actor, found.organizationId) || networkPolicy.seeMembership(actor, network));
  authorize(!!found && networkPolicy.withdrawFor(actor, found.organizationId), { visible });
  const parsed = withdrawMembershipInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  return ctx.db.transaction(async (tx) => {
    const row = await lockMembership(tx, network.id, membershipId);
    if (row.status === "withdrawn") return { changed: false };
    if (row.status === "declined") throw new AppError("conflict", "error.membership.notCurrent");
    await tx.update(networkMemberships).set({ status: "withdrawn", statusChangedAt: new Date() }).where(eq(networkMemberships.id, row.id));
    const departure = await endRolesOfOrganization(tx, { networkId: network.id, organizationId: row.organizationId, effectiveOn: today() });
    await recordMembershipChange(tx, {
      membershipId: row.id,
      networkId: network.id,
      organizationId: row.organizationId,
      from: row.status,
      to: "withdrawn",
      categoryId: row.categoryId,
      reason: parsed.data.reason ?? null,
      effectiveOn: today(),
      actor,
      audit: "network_membership_withdrawn",
      details: { application: row.status === "applicant", ...departure },
    });
    return { changed: true };
  });
}

import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { findNetwork } from "./find-network.ts";
import { joinExternalNetworkInput, type JoinExternalNetworkInput } from "./inputs.ts";
import { recordMembershipChange } from "./membership-history.ts";
import { networkPolicy } from "./policy.ts";
import { networkMemberships } from "./schema.ts";

/**
 * An organization's focal point records that it belongs to a network not hosted here (for its
 * portfolio). Recording it again changes nothing; after leaving, it records a new start.
 */
export async function joinExternalNetwork(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  raw: JoinExternalNetworkInput,
): Promise<{ membershipId: string; changed: boolean }> {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, slug);
  const parsed = joinExternalNetworkInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  // A hosted network is joined by applying to its secretariat.
  if (network.hosted) throw new AppError("conflict", "error.network.hostedApply");
  const organizationId = await actingOrganizationFor(ctx.db, actor, parsed.data.organization);
  authorize(networkPolicy.joinFor(actor, network, organizationId));
  return ctx.db.transaction((tx) => recordOwnExternalMembership(tx, actor, network.id, organizationId, parsed.data.since));
}

/**
 * The organization the actor acts for, or the one named, as its id: an error on the field when
 * there is none. Whether the actor may act for it is the caller's policy check.
 */
export async function actingOrganizationFor(db: Database, actor: Actor, slug: string | undefined): Promise<string> {
  if (slug === undefined) {
    if (!actor.actingOrganizationId) throw invalid({ organization: ["i18n:validation.actingOrganization"] });
    return actor.actingOrganizationId;
  }
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.slug, slug), isNull(organizations.mergedIntoId)));
  if (!org) throw invalid({ organization: ["i18n:validation.organizationUnknown"] });
  return org.id;
}

/**
 * The organization's membership of an external network: active from `since`, kept as it is when
 * already active. Without `since` the start is unknown and stays so (null): it is never taken
 * to be today.
 */
export async function recordOwnExternalMembership(
  tx: Database,
  actor: Actor & { userId: string },
  networkId: string,
  organizationId: string,
  since: string | undefined,
): Promise<{ membershipId: string; changed: boolean }> {
  const start = since ?? null;
  const change = { networkId, organizationId, to: "active" as const, effectiveOn: start, actor, audit: "network_membership_changed" as const, details: { external: true } };
  const [created] = await tx
    .insert(networkMemberships)
    .values({ networkId, organizationId, status: "active", since: start })
    .onConflictDoNothing({ target: [networkMemberships.networkId, networkMemberships.organizationId] })
    .returning({ id: networkMemberships.id });
  if (created) {
    await recordMembershipChange(tx, { ...change, membershipId: created.id, from: null });
    return { membershipId: created.id, changed: true };
  }
  const [row] = await tx
    .select()
    .from(networkMemberships)
    .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.organizationId, organizationId)))
    .for("update");
  if (row!.status === "active") return { membershipId: row!.id, changed: false };
  await tx
    .update(networkMemberships)
    .set({ status: "active", since: start, statusChangedAt: new Date() })
    .where(eq(networkMemberships.id, row!.id));
  await recordMembershipChange(tx, { ...change, membershipId: row!.id, from: row!.status });
  return { membershipId: row!.id, changed: true };
}

// What every change of a membership shares: the row locked while it changes, the history event
// (who, when, why) and the audit event, both written in the transaction of the change.
import { and, eq, isNull, or } from "drizzle-orm";
import { recordAuditEvent, type AuditEventKind } from "../../platform/audit/record-audit-event.ts";
import type { Database } from "../../platform/db/client.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { authorize } from "../../platform/authz.ts";
import type { Actor } from "../organizations/actor.ts";
import { assertUuid } from "../organizations/find-organization.ts";
import { type NetworkFacts, networkPolicy } from "./policy.ts";
import { users } from "../accounts/schema.ts";
import { organizationMembers } from "../organizations/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { networkCategories, networkMembershipEvents, networkMemberships, networks, type MembershipStatus } from "./schema.ts";

export type MembershipRow = typeof networkMemberships.$inferSelect;

/**
 * Membership changes share the network's row lock that a member import takes exclusively: a
 * change waits for an import in progress (and the import for the changes), so neither
 * overwrites the other nor trips over a row the other just created.
 */
export async function shareNetworkLock(tx: Database, networkId: string): Promise<void> {
  await tx.select({ id: networks.id }).from(networks).where(eq(networks.id, networkId)).for("share");
}

/** The membership of this network with this id, locked until the transaction ends (else not found). */
export async function lockMembership(tx: Database, networkId: string, membershipId: string): Promise<MembershipRow> {
  await shareNetworkLock(tx, networkId);
  const [row] = await tx
    .select()
    .from(networkMemberships)
    .where(and(eq(networkMemberships.id, membershipId), eq(networkMemberships.networkId, networkId)))
    .for("update");
  if (!row) throw notFound("error.membership.notFound");
  return row;
}

/** The id of the network's category with this key, or undefined when it has none such. */
export async function categoryIdOf(tx: Database, networkId: string, key: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: networkCategories.id })
    .from(networkCategories)
    .where(and(eq(networkCategories.networkId, networkId), eq(networkCategories.key, key)));
  return row?.id;
}

export interface MembershipChange {
  membershipId: string;
  networkId: string;
  organizationId: string;
  from: MembershipStatus | null;
  to: MembershipStatus;
  categoryId?: string | null;
  reason?: string | null;
  /** When the change takes effect: left out, today; null, not known. */
  effectiveOn?: string | null;
  actor: { userId: string | null; ipAddress?: string | null };
  audit: AuditEventKind;
  details?: Record<string, unknown>;
}

/** Writes the history event and the audit event of a change already made to the row; returns the event's id. */
export async function recordMembershipChange(tx: Database, change: MembershipChange): Promise<string> {
  const [event] = await tx.insert(networkMembershipEvents).values({
    membershipId: change.membershipId,
    fromStatus: change.from,
    toStatus: change.to,
    categoryId: change.categoryId ?? null,
    reason: change.reason ?? null,
    changedBy: change.actor.userId,
    ...(change.effectiveOn !== undefined ? { effectiveOn: change.effectiveOn } : {}),
  }).returning({ id: networkMembershipEvents.id });
  await recordAuditEvent(tx, {
    kind: change.audit,
    actorUserId: change.actor.userId,
    organizationId: change.organizationId,
    ipAddress: change.actor.ipAddress,
    details: {
      networkId: change.networkId,
      membershipId: change.membershipId,
      from: change.from,
      to: change.to,
      ...(change.effectiveOn !== undefined ? { effectiveOn: change.effectiveOn } : {}),
      ...change.details,
    },
  });
  return event!.id;
}

/** The people to tell about a membership: an organization's members (optionally only its focal points), with their language. */
export async function recipientsOf(tx: Database, organizationId: string, focalPointsOnly: boolean) {
  const rows = await tx
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId));
  return rows
    .filter((r) => !focalPointsOnly || r.role === "focal_point")
    .map((r) => ({ userId: r.userId, email: r.email, name: r.name, locale: isLocale(r.locale) ? r.locale : ("es" as const) }));
}

/**
 * The platform's administrators, with their language: they decide the applications to a hosted
 * network that has no secretariat organization.
 */
export async function administratorsOf(tx: Database) {
  const rows = await tx
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "admin"), or(isNull(users.banned), eq(users.banned, false))));
  return rows.map((r) => ({ userId: r.userId, email: r.email, name: r.name, locale: isLocale(r.locale) ? r.locale : ("es" as const) }));
}

/**
 * Lets the network's secretariat (or an administrator) manage a membership; anyone else is
 * refused, and told it does not exist unless they may see it (the organization's own members).
 */
export async function authorizeManagement(db: Database, actor: Actor, network: NetworkFacts, membershipId: string): Promise<void> {
  assertUuid(membershipId, "error.membership.notFound");
  if (networkPolicy.manageMembers(actor, network)) return;
  const [row] = await db
    .select({ organizationId: networkMemberships.organizationId })
    .from(networkMemberships)
    .where(and(eq(networkMemberships.id, membershipId), eq(networkMemberships.networkId, network.id)));
  const visible = !!row && (networkPolicy.seeMembership(actor, network) || networkPolicy.seeOwnMembership(actor, row.organizationId));
  authorize(false, { visible });
}

import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { users } from "../accounts/schema.ts";
import { networks } from "../networks/schema.ts";
import type { Actor } from "./actor.ts";
import { lockMembers } from "./change-member-role.ts";
import { findOrganization } from "./find-organization.ts";
import { organizationPolicy } from "./policy.ts";
import { invitations, joinRequests, organizationMembers, organizations } from "./schema.ts";

const rank = { focal_point: 0, authority: 1, staff: 2 } as const;

/**
 * Merges a duplicate into the organization that stays: members move (keeping the stronger role
 * when someone belongs to both), open invitations and pending requests move, networks it runs
 * move, and the duplicate's page redirects to the one that stays.
 */
export async function mergeOrganizations(ctx: ServiceContext, actor: Actor, input: { duplicate: string; into: string }): Promise<void> {
  requireSignedIn(actor);
  authorize(organizationPolicy.merge(actor), { visible: false });
  if (input.duplicate === input.into) throw invalid({ into: ["i18n:error.merge.same"] });
  const duplicate = await findOrganization(ctx.db, input.duplicate).catch(() => {
    throw invalid({ duplicate: ["i18n:error.organization.notFound"] });
  });
  const into = await findOrganization(ctx.db, input.into).catch(() => {
    throw invalid({ into: ["i18n:error.organization.notFound"] });
  });
  if (duplicate.mergedIntoId) throw invalid({ duplicate: ["i18n:error.merge.alreadyMerged"] });
  if (into.mergedIntoId) throw invalid({ into: ["i18n:error.merge.alreadyMerged"] });
  await ctx.db.transaction(async (tx) => {
    // Both rows locked (in a fixed order) and checked again: two merges at once cannot make a cycle.
    const locked = await tx
      .select({ id: organizations.id, mergedIntoId: organizations.mergedIntoId })
      .from(organizations)
      .where(inArray(organizations.id, [duplicate.id, into.id]))
      .orderBy(organizations.id)
      .for("update");
    if (locked.some((o) => o.mergedIntoId)) throw invalid({ duplicate: ["i18n:error.merge.alreadyMerged"] });
    for (const id of [duplicate.id, into.id].sort()) await lockMembers(tx, id);
    const moving = await tx.select().from(organizationMembers).where(eq(organizationMembers.organizationId, duplicate.id));
    const staying = await tx.select().from(organizationMembers).where(eq(organizationMembers.organizationId, into.id));
    const roles = new Map(staying.map((m) => [m.userId, m.role]));
    for (const member of moving) {
      const current = roles.get(member.userId);
      if (!current) {
        await tx.insert(organizationMembers).values({ organizationId: into.id, userId: member.userId, role: member.role, createdAt: member.createdAt });
      } else if (rank[member.role] < rank[current]) {
        await tx
          .update(organizationMembers)
          .set({ role: member.role })
          .where(and(eq(organizationMembers.organizationId, into.id), eq(organizationMembers.userId, member.userId)));
      }
    }
    await tx.delete(organizationMembers).where(eq(organizationMembers.organizationId, duplicate.id));
    await tx.update(users).set({ actingOrganizationId: into.id }).where(eq(users.actingOrganizationId, duplicate.id));
    // Open invitations move unless the address is already invited there; the rest are withdrawn.
    await tx.execute(sql`
      update invitations set organization_id = ${into.id}
      where organization_id = ${duplicate.id} and accepted_at is null and revoked_at is null
        and email not in (select email from invitations where organization_id = ${into.id} and accepted_at is null and revoked_at is null)`);
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.organizationId, duplicate.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const pendingThere = await tx
      .select({ userId: joinRequests.userId })
      .from(joinRequests)
      .where(and(eq(joinRequests.organizationId, into.id), eq(joinRequests.status, "pending")));
    const skip = new Set([...roles.keys(), ...moving.map((m) => m.userId), ...pendingThere.map((r) => r.userId)]);
    const pending = await tx.select().from(joinRequests).where(and(eq(joinRequests.organizationId, duplicate.id), eq(joinRequests.status, "pending")));
    const moveIds = pending.filter((r) => !skip.has(r.userId)).map((r) => r.id);
    if (moveIds.length > 0) await tx.update(joinRequests).set({ organizationId: into.id }).where(inArray(joinRequests.id, moveIds));
    await tx
      .update(joinRequests)
      .set({ status: "withdrawn" })
      .where(and(eq(joinRequests.organizationId, duplicate.id), eq(joinRequests.status, "pending")));
    await tx.update(networks).set({ secretariatOrganizationId: into.id }).where(eq(networks.secretariatOrganizationId, duplicate.id));
    await tx.update(organizations).set({ mergedIntoId: into.id, updatedAt: new Date() }).where(eq(organizations.id, duplicate.id));
    // Anything merged into the duplicate earlier now points at the one that stays.
    await tx
      .update(organizations)
      .set({ mergedIntoId: into.id })
      .where(and(eq(organizations.mergedIntoId, duplicate.id), ne(organizations.id, into.id)));
    await recordAuditEvent(tx, {
      kind: "organization_merged",
      actorUserId: actor.userId,
      organizationId: into.id,
      ipAddress: actor.ipAddress,
      details: { duplicateId: duplicate.id, duplicateName: duplicate.name, membersMoved: moving.length },
    });
  });
}

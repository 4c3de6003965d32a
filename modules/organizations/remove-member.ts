import { and, eq } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "./actor.ts";
import { focalPointCount, lockMembers } from "./change-member-role.ts";
import { findOrganization } from "./find-organization.ts";
import { organizationPolicy } from "./policy.ts";
import { organizationMembers } from "./schema.ts";

/**
 * Removes a member (a focal point removing someone) or lets a member leave. The last focal
 * point cannot go: they hand the role over first (an organization nobody manages could not
 * answer requests to join it).
 */
export async function removeMember(ctx: ServiceContext, actor: Actor, slug: string, userId: string): Promise<void> {
  requireSignedIn(actor);
  const org = await findOrganization(ctx.db, slug);
  const leaving = userId === actor.userId;
  authorize(leaving ? organizationPolicy.leave(actor, org) : organizationPolicy.manageMembers(actor, org), {
    visible: organizationPolicy.listMembers(actor, org),
  });
  await ctx.db.transaction(async (tx) => {
    await lockMembers(tx, org.id);
    const [member] = await tx
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, userId)));
    if (!member) throw notFound("error.member.notFound");
    if (member.role === "focal_point" && (await focalPointCount(tx, org.id)) === 1) throw new AppError("conflict", "error.member.lastFocalPoint");
    await tx.delete(organizationMembers).where(and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, userId)));
    await tx
      .update(users)
      .set({ actingOrganizationId: null })
      .where(and(eq(users.id, userId), eq(users.actingOrganizationId, org.id)));
    await recordAuditEvent(tx, {
      kind: "member_removed",
      actorUserId: actor.userId,
      subjectUserId: userId,
      organizationId: org.id,
      ipAddress: actor.ipAddress,
      details: { role: member.role, left: leaving },
    });
  });
}

import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { AppError, invalid, notFound } from "../../platform/errors.ts";
import type { Actor } from "./actor.ts";
import { findOrganization } from "./find-organization.ts";
import { changeMemberRoleInput } from "./inputs.ts";
import { organizationPolicy } from "./policy.ts";
import { organizationMembers } from "./schema.ts";

/** Changes a member's role. An organization with members always keeps at least one focal point. */
export async function changeMemberRole(ctx: ServiceContext, actor: Actor, slug: string, userId: string, raw: { role?: string }): Promise<void> {
  requireSignedIn(actor);
  const org = await findOrganization(ctx.db, slug);
  authorize(organizationPolicy.manageMembers(actor, org), { visible: organizationPolicy.listMembers(actor, org) });
  const parsed = changeMemberRoleInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const role = parsed.data.role;
  await ctx.db.transaction(async (tx) => {
    await lockMembers(tx, org.id);
    const [member] = await tx
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, userId)));
    if (!member) throw notFound("error.member.notFound");
    if (member.role === role) return;
    if (member.role === "focal_point" && (await focalPointCount(tx, org.id)) === 1) throw new AppError("conflict", "error.member.lastFocalPoint");
    await tx.update(organizationMembers).set({ role }).where(and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.userId, userId)));
    await recordAuditEvent(tx, {
      kind: "member_role_changed",
      actorUserId: actor.userId,
      subjectUserId: userId,
      organizationId: org.id,
      ipAddress: actor.ipAddress,
      details: { from: member.role, to: role },
    });
  });
}

/** Serializes membership changes of one organization (the last-focal-point rule reads then writes). */
export async function lockMembers(tx: Database, organizationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`members:${organizationId}`}))`);
}

export async function focalPointCount(tx: Database, organizationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, "focal_point")));
  return row?.n ?? 0;
}

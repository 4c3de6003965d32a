import { and, eq, isNull, type SQL } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { users } from "../accounts/schema.ts";
import { type Actor, canWrite } from "./actor.ts";
import { lockMembers } from "./change-member-role.ts";
import { openInvitation } from "./invite-member.ts";
import { invitations, organizationMembers, organizations } from "./schema.ts";
import { hashSecret } from "../../platform/tokens.ts";

/**
 * Accepts an invitation for the signed-in person, whose address must be the invited one. The
 * link works once: accepting and joining happen in one transaction, and a second use finds it
 * accepted.
 */
export async function acceptInvitation(ctx: ServiceContext, actor: Actor, token: string): Promise<{ slug: string }> {
  return acceptOpenInvitation(ctx, actor, eq(invitations.tokenHash, hashSecret(token)));
}

/** Accepts the open invitation `which` selects, for the signed-in person it was sent to. */
export async function acceptOpenInvitation(ctx: ServiceContext, actor: Actor, which: SQL): Promise<{ slug: string }> {
  requireSignedIn(actor);
  authorize(canWrite(actor));
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email, acting: users.actingOrganizationId }).from(users).where(eq(users.id, userId));
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(which, openInvitation()))
      .for("update");
    if (!invitation) throw notFound("error.invitation.invalid");
    if (invitation.email !== user?.email) throw new AppError("forbidden", "error.invitation.otherAddress");
    const [org] = await tx
      .select({ slug: organizations.slug })
      .from(organizations)
      .where(and(eq(organizations.id, invitation.organizationId), isNull(organizations.mergedIntoId)));
    if (!org) throw notFound("error.invitation.invalid");
    await lockMembers(tx, invitation.organizationId);
    await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: userId }).where(eq(invitations.id, invitation.id));
    const added = await tx
      .insert(organizationMembers)
      .values({ organizationId: invitation.organizationId, userId, role: invitation.role })
      .onConflictDoNothing()
      .returning({ userId: organizationMembers.userId });
    if (!user?.acting) await tx.update(users).set({ actingOrganizationId: invitation.organizationId }).where(eq(users.id, userId));
    const audit = { actorUserId: userId, organizationId: invitation.organizationId, ipAddress: actor.ipAddress };
    await recordAuditEvent(tx, { kind: "invitation_accepted", ...audit, details: { invitationId: invitation.id } });
    if (added.length > 0) await recordAuditEvent(tx, { kind: "member_added", ...audit, subjectUserId: userId, details: { role: invitation.role, via: "invitation" } });
    return { slug: org.slug };
  });
}

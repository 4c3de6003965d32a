import { and, eq } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import type { Actor } from "./actor.ts";
import { assertUuid, findOrganization } from "./find-organization.ts";
import { openInvitation } from "./invite-member.ts";
import { organizationPolicy } from "./policy.ts";
import { invitations } from "./schema.ts";

/** Withdraws an open invitation: its link stops working. */
export async function revokeInvitation(ctx: ServiceContext, actor: Actor, slug: string, invitationId: string): Promise<void> {
  requireSignedIn(actor);
  assertUuid(invitationId, "error.invitation.invalid");
  const org = await findOrganization(ctx.db, slug);
  authorize(organizationPolicy.manageMembers(actor, org), { visible: organizationPolicy.listMembers(actor, org) });
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, org.id), openInvitation()))
      .returning({ id: invitations.id });
    if (revoked.length === 0) throw notFound("error.invitation.invalid");
    await recordAuditEvent(tx, { kind: "invitation_revoked", actorUserId: actor.userId, organizationId: org.id, ipAddress: actor.ipAddress, details: { invitationId } });
  });
}

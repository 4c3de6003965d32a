import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "./actor.ts";
import { invitationEmail } from "./emails.ts";
import { findOrganization } from "./find-organization.ts";
import { inviteMemberInput, type InviteMemberInput } from "./inputs.ts";
import { organizationPolicy } from "./policy.ts";
import { invitations, organizationMembers } from "./schema.ts";
import { hashSecret, newSecret } from "../../platform/tokens.ts";

export const invitationValidDays = 7;
/** The same invitation sent again within this window (a double submit) is not sent twice. */
const repeatWindowMs = 10 * 60 * 1000;

/**
 * Invites an address to join the organization with a role. The e-mail carries a single-use link
 * valid for a week; a new invitation to the same address replaces the open one.
 */
export async function inviteMember(ctx: ServiceContext, actor: Actor, slug: string, raw: InviteMemberInput): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const org = await findOrganization(ctx.db, slug);
  authorize(organizationPolicy.manageMembers(actor, org), { visible: organizationPolicy.listMembers(actor, org) });
  const parsed = inviteMemberInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { email, role, locale } = parsed.data;

  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invite:${org.id}:${email}`}))`);
    const [member] = await tx
      .select({ userId: users.id })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, org.id), eq(users.email, email)));
    if (member) throw invalid({ email: ["i18n:error.invitation.alreadyMember"] });
    const [open] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.organizationId, org.id), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    if (open && open.role === role && open.expiresAt > new Date() && Date.now() - open.createdAt.getTime() < repeatWindowMs) {
      return { id: open.id, repeated: true };
    }
    if (open) await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, open.id));
    const token = newSecret();
    const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organizationId: org.id,
        email,
        role,
        locale,
        tokenHash: hashSecret(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + invitationValidDays * 24 * 60 * 60 * 1000),
      })
      .returning({ id: invitations.id });
    await sendEmail(
      tx,
      {
        to: email,
        locale,
        template: invitationEmail.name,
        data: { token, organizationName: org.name, inviterName: inviter?.name ?? "", role, days: invitationValidDays },
      },
      `invitation:${invitation!.id}`,
    );
    await recordAuditEvent(tx, {
      kind: "invitation_created",
      actorUserId: actor.userId,
      organizationId: org.id,
      ipAddress: actor.ipAddress,
      details: { invitationId: invitation!.id, role },
    });
    return { id: invitation!.id, repeated: false };
  });
}

/** Only "open" invitations can be accepted: not accepted, not revoked, not expired. */
export const openInvitation = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`));

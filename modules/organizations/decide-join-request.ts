import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "./actor.ts";
import { lockMembers } from "./change-member-role.ts";
import { joinDecisionEmail } from "./emails.ts";
import { assertUuid, findOrganization } from "./find-organization.ts";
import { decideJoinRequestInput } from "./inputs.ts";
import { organizationPolicy } from "./policy.ts";
import { joinRequests, organizationMembers } from "./schema.ts";

/** A focal point approves (with a role) or declines a pending request; the person is told by e-mail. */
export async function decideJoinRequest(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  requestId: string,
  raw: { decision?: string; role?: string },
): Promise<void> {
  requireSignedIn(actor);
  assertUuid(requestId, "error.joinRequest.notFound");
  const org = await findOrganization(ctx.db, slug);
  authorize(organizationPolicy.manageMembers(actor, org), { visible: organizationPolicy.listMembers(actor, org) });
  const parsed = decideJoinRequestInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const approved = parsed.data.decision === "approve";
  await ctx.db.transaction(async (tx) => {
    await lockMembers(tx, org.id);
    const [request] = await tx
      .update(joinRequests)
      .set({ status: approved ? "approved" : "declined", decidedBy: actor.userId, decidedAt: new Date() })
      .where(and(eq(joinRequests.id, requestId), eq(joinRequests.organizationId, org.id), eq(joinRequests.status, "pending")))
      .returning({ userId: joinRequests.userId });
    if (!request) throw notFound("error.joinRequest.notFound");
    const audit = { actorUserId: actor.userId, subjectUserId: request.userId, organizationId: org.id, ipAddress: actor.ipAddress };
    if (approved) {
      await tx.insert(organizationMembers).values({ organizationId: org.id, userId: request.userId, role: parsed.data.role }).onConflictDoNothing();
      await recordAuditEvent(tx, { kind: "join_request_approved", ...audit, details: { joinRequestId: requestId } });
      await recordAuditEvent(tx, { kind: "member_added", ...audit, details: { role: parsed.data.role, via: "join_request" } });
    } else {
      await recordAuditEvent(tx, { kind: "join_request_declined", ...audit, details: { joinRequestId: requestId } });
    }
    const [person] = await tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, request.userId));
    if (person) {
      await sendEmail(
        tx,
        {
          to: person.email,
          locale: isLocale(person.locale) ? person.locale : "es",
          template: joinDecisionEmail.name,
          data: { name: person.name, organizationName: org.name, slug: org.slug, approved },
        },
        `join-decision:${requestId}`,
      );
    }
  });
}

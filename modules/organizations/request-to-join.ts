import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent } from "../../platform/audit/record-audit-event.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "./actor.ts";
import { joinRequestEmail } from "./emails.ts";
import { findOrganization } from "./find-organization.ts";
import { joinRequestInput } from "./inputs.ts";
import { organizationPolicy } from "./policy.ts";
import { joinRequests, organizationMembers } from "./schema.ts";

/**
 * Asks to join an organization; its focal points are told by e-mail and decide. Asking again
 * while a request is pending changes nothing.
 */
export async function requestToJoin(ctx: ServiceContext, actor: Actor, slug: string, raw: { message?: string }): Promise<{ id: string; repeated: boolean }> {
  requireSignedIn(actor);
  const org = await findOrganization(ctx.db, slug);
  authorize(organizationPolicy.requestToJoin(actor, org));
  const parsed = joinRequestInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const userId = actor.userId;
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(joinRequests)
      .values({ organizationId: org.id, userId, message: parsed.data.message ?? null })
      .onConflictDoNothing()
      .returning({ id: joinRequests.id });
    if (!created) {
      const [pending] = await tx
        .select({ id: joinRequests.id })
        .from(joinRequests)
        .where(and(eq(joinRequests.organizationId, org.id), eq(joinRequests.userId, userId), eq(joinRequests.status, "pending")));
      // Decided between the two statements: the person may simply ask again.
      if (!pending) throw new AppError("conflict", "error.joinRequest.changed");
      return { id: pending.id, repeated: true };
    }
    const [requester] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    const focalPoints = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, org.id), eq(organizationMembers.role, "focal_point")));
    for (const focal of focalPoints) {
      await sendEmail(
        tx,
        {
          to: focal.email,
          locale: isLocale(focal.locale) ? focal.locale : "es",
          template: joinRequestEmail.name,
          data: { name: focal.name, requesterName: requester?.name ?? "", organizationName: org.name, slug: org.slug },
        },
        `join-request:${created.id}:${focal.email}`,
      );
    }
    await recordAuditEvent(tx, { kind: "join_request_created", actorUserId: userId, organizationId: org.id, ipAddress: actor.ipAddress, details: { joinRequestId: created.id } });
    return { id: created.id, repeated: false };
  });
}

import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { organizationName } from "../exchange/find-contact.ts";
import { actingOrganizationFor } from "../networks/join-external-network.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { findApplication } from "./find.ts";
import { answerInvitationInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { applicationPartners } from "./schema.ts";

/**
 * A partner organization's person confirms (or declines) that it takes part, from their own
 * account, while the application is a draft. The same answer twice changes nothing.
 */
export async function answerInvitation(ctx: ServiceContext, actor: Actor, id: string, raw: { organization?: string; answer: "confirm" | "decline" }): Promise<{ status: "confirmed" | "declined" }> {
  requireSignedIn(actor);
  const input = parseOrThrow(answerInvitationInput, raw);
  const { application, facts } = await findApplication(ctx.db, id);
  const organizationId = await actingOrganizationFor(ctx.db, actor, input.organization);
  authorize(callsPolicy.answerInvitation(actor, organizationId, facts), { visible: callsPolicy.readApplication(actor, facts) });
  const status = input.answer === "confirm" ? "confirmed" : "declined";
  const current = facts.partners.find((p) => p.organizationId === organizationId)!;
  if (current.status === status) return { status };
  if (application.status !== "draft") throw new AppError("conflict", "calls.error.notDraft");
  const userId = actor.userId;
  const name = await organizationName(ctx.db, organizationId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(applicationPartners)
      .set({ status, answeredBy: userId, answeredAt: sql`now()` })
      .where(and(eq(applicationPartners.applicationId, id), eq(applicationPartners.organizationId, organizationId)));
    await notify(tx, {
      kind: "calls.partner_answered",
      key: `calls.partner_answered:${id}:${organizationId}:${status}:${Date.now()}`,
      data: { path: `/applications/${id}`, titles: { [application.language]: application.title }, originalLanguage: application.language, organization: name, decision: status },
      audience: { type: "organizations", organizationIds: [application.leadOrganizationId] },
      actorUserId: userId,
    });
  });
  return { status };
}

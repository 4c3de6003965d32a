import { and, eq, isNull, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { organizationName } from "../exchange/find-contact.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { findApplication } from "./find.ts";
import { invitePartnerInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { applicationPartners } from "./schema.ts";

/**
 * The lead names a partner organization; its people are told and must confirm from their own
 * accounts. Naming it again changes nothing; naming one that declined asks it again.
 */
export async function invitePartner(ctx: ServiceContext, actor: Actor, id: string, raw: { organization: string }): Promise<{ status: "invited" | "confirmed" }> {
  requireSignedIn(actor);
  const input = parseOrThrow(invitePartnerInput, raw);
  const { application, facts } = await findApplication(ctx.db, id);
  authorize(callsPolicy.editApplication(actor, facts), { visible: callsPolicy.readApplication(actor, facts) });
  const [partner] = await ctx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.slug, input.organization), isNull(organizations.mergedIntoId)));
  if (!partner) throw invalid({ organization: ["i18n:validation.organizationUnknown"] });
  if (partner.id === application.leadOrganizationId) throw invalid({ organization: ["i18n:calls.validation.partnerIsLead"] });
  const current = facts.partners.find((p) => p.organizationId === partner.id);
  if (current && current.status !== "declined") return { status: current.status };
  const lead = await organizationName(ctx.db, application.leadOrganizationId);
  const userId = actor.userId;
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(applicationPartners)
      .values({ applicationId: id, organizationId: partner.id, invitedBy: userId })
      .onConflictDoUpdate({
        target: [applicationPartners.applicationId, applicationPartners.organizationId],
        set: { status: "invited", invitedBy: userId, invitedAt: sql`now()`, answeredBy: null, answeredAt: null },
        setWhere: sql`${applicationPartners.status} = 'declined'`,
      });
    await notify(tx, {
      kind: "calls.partner_invited",
      key: `calls.partner_invited:${id}:${partner.id}:${Date.now()}`,
      data: { path: `/applications/${id}`, titles: { [application.language]: application.title }, originalLanguage: application.language, organization: lead },
      audience: { type: "organizations", organizationIds: [partner.id] },
      actorUserId: userId,
    });
  });
  return { status: "invited" };
}

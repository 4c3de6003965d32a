import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import type { Actor } from "../organizations/actor.ts";
import { describeRule } from "./eligibility.ts";
import { budgetTotals, eligibilityOf, loadPartners, type PartnerRow } from "./eligibility-facts.ts";
import { findApplication } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import { type ApplicationContent, type ApplicationStatus, applicationBudgetLines, applicationDecisions, type FundingModality } from "./schema.ts";

export interface ApplicationView {
  id: string;
  call: { id: string; slug: string; networkSlug: string; closesAt: string; timeZone: string; currency: string; projectCapCents: number; maxFundedSharePercent: number };
  lead: { id: string; name: string };
  status: ApplicationStatus;
  revision: number;
  title: string;
  language: string;
  modality: FundingModality | null;
  themeIds: string[];
  sdgGoals: number[];
  content: ApplicationContent;
  partners: PartnerRow[];
  budget: { organization: string; description: string; requestedCents: number; counterpartCashCents: number; counterpartInKindCents: number }[];
  totals: { requestedCents: number; counterpartCashCents: number; counterpartInKindCents: number };
  /** Every rule of the call, passed or not, in the reader's language (drafts: what is left to do). */
  checklist: { rule: string; passed: boolean; message: string }[];
  submittedAt: string | null;
  submissionHash: string | null;
  /** Whether the reader may edit it (the lead's people, while a draft). */
  editable: boolean;
  /**
   * The decision once the call's results are published: awarded or not, the amount, the reasons
   * and, when the call allows it, the reviewers' feedback without their names. Never scores.
   */
  decision: { decision: "awarded" | "not_awarded"; awardedCents: number; reasons: string; feedback: string[] } | null;
}

async function publishedDecision(db: Database, id: string, withFeedback: boolean): Promise<ApplicationView["decision"]> {
  const [decision] = await db.select().from(applicationDecisions).where(eq(applicationDecisions.applicationId, id));
  if (!decision) return null;
  const feedback = withFeedback
    ? (
        await queryRows<{ feedback: string }>(
          db,
          sql`select feedback from reviews where application_id = ${id} and status = 'submitted' and coalesce(feedback, '') <> '' order by md5(id::text)`,
        )
      ).map((r) => r.feedback)
    : [];
  return { decision: decision.decision, awardedCents: decision.awardedCents, reasons: decision.reasons, feedback };
}

/** An application with its partners, budget and the call's rules checked, for the lead, its partners and (once submitted) the secretariat. */
export async function getApplication(ctx: ServiceContext, actor: Actor, id: string, locale: Locale): Promise<ApplicationView> {
  requireSignedIn(actor);
  const { application, call, facts } = await findApplication(ctx.db, id);
  authorize(callsPolicy.readApplication(actor, facts), { visible: false });
  const { facts: eligibility, results } = await eligibilityOf(ctx.db, application, call);
  const t = createTranslator(locale, catalogs[locale]);
  const budget = await ctx.db
    .select({
      organization: applicationBudgetLines.organizationId,
      description: applicationBudgetLines.description,
      requestedCents: applicationBudgetLines.requestedCents,
      counterpartCashCents: applicationBudgetLines.counterpartCashCents,
      counterpartInKindCents: applicationBudgetLines.counterpartInKindCents,
    })
    .from(applicationBudgetLines)
    .where(eq(applicationBudgetLines.applicationId, id))
    .orderBy(applicationBudgetLines.position);
  return {
    id,
    call: {
      id: call.id,
      slug: call.slug,
      networkSlug: call.networkSlug,
      closesAt: call.closesAt.toISOString(),
      timeZone: call.timeZone,
      currency: call.currency,
      projectCapCents: call.projectCapCents,
      maxFundedSharePercent: call.maxFundedSharePercent,
    },
    lead: { id: eligibility.lead.id, name: eligibility.lead.name },
    status: application.status,
    revision: application.revision,
    title: application.title,
    language: application.language,
    modality: application.modality,
    themeIds: application.themeIds,
    sdgGoals: application.sdgGoals,
    content: application.content,
    partners: await loadPartners(ctx.db, id),
    budget,
    totals: await budgetTotals(ctx.db, id),
    checklist: results.map((r) => ({ rule: r.rule, passed: r.passed, message: describeRule(t, locale, call.currency, r) })),
    submittedAt: application.submittedAt?.toISOString() ?? null,
    submissionHash: application.submissionHash,
    editable: callsPolicy.editApplication(actor, facts),
    decision: call.resultsPublishedAt ? await publishedDecision(ctx.db, id, call.feedbackToApplicants) : null,
  };
}

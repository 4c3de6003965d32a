import { sql } from "drizzle-orm";
import { authorize } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { findCall } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import type { CallKind, CallStatus, EligibilityRules, FundingModality } from "./schema.ts";
import { pickText } from "./texts.ts";

export interface CallView {
  id: string;
  slug: string;
  network: string;
  programme: string;
  kind: CallKind;
  status: CallStatus;
  title: string;
  description: string;
  language: Locale;
  themeIds: string[];
  opensAt: string;
  closesAt: string;
  timeZone: string;
  /** Open for submissions now (by the server's clock). */
  open: boolean;
  currency: string;
  totalBudgetCents: number;
  projectCapCents: number;
  maxFundedSharePercent: number;
  executionMonths: number;
  extensionMonths: number;
  modalities: FundingModality[];
  rules: EligibilityRules;
  feedbackToApplicants: boolean;
  resultsPublishedAt: string | null;
  /** The caller's own organizations' applications to it (ids), to continue a draft. */
  mine: { id: string; title: string; status: string }[];
  /** How many applications were submitted (the secretariat's count; null for others). */
  submitted: number | null;
}

/** A call as everyone reads it once published (its draft: the secretariat). */
export async function getCall(ctx: ServiceContext, actor: Actor, id: string, locale: Locale): Promise<CallView> {
  const { call, facts } = await findCall(ctx.db, id);
  authorize(callsPolicy.readCall(actor, facts), { visible: false });
  const text = pickText(call.texts, locale, call.originalLanguage);
  const organizations = [...actor.memberships.keys()];
  const mine =
    organizations.length === 0
      ? []
      : await queryRows<{ id: string; title: string; status: string }>(
          ctx.db,
          sql`select a.id, a.title, a.status from applications a where a.call_id = ${id}
              and (a.lead_organization_id = any(${`{${organizations.join(",")}}`}::uuid[])
                   or exists (select 1 from application_partners p where p.application_id = a.id and p.status <> 'declined' and p.organization_id = any(${`{${organizations.join(",")}}`}::uuid[])))
              order by a.created_at`,
        );
  const [count] = callsPolicy.listApplications(actor, facts)
    ? await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from applications where call_id = ${id} and status in ('submitted', 'awarded', 'not_awarded')`)
    : [];
  const now = Date.now();
  return {
    id: call.id,
    slug: call.slug,
    network: call.networkSlug,
    programme: call.programmeSlug,
    kind: call.kind,
    status: call.status,
    title: text?.value.title ?? "",
    description: text?.value.description ?? "",
    language: text?.language ?? "es",
    themeIds: call.themeIds,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    timeZone: call.timeZone,
    open: call.status === "published" && now >= call.opensAt.getTime() && now <= call.closesAt.getTime(),
    currency: call.currency,
    totalBudgetCents: call.totalBudgetCents,
    projectCapCents: call.projectCapCents,
    maxFundedSharePercent: call.maxFundedSharePercent,
    executionMonths: call.executionMonths,
    extensionMonths: call.extensionMonths,
    modalities: call.modalities as FundingModality[],
    rules: call.rules,
    feedbackToApplicants: call.feedbackToApplicants,
    resultsPublishedAt: call.resultsPublishedAt?.toISOString() ?? null,
    mine,
    submitted: count ? count.n : null,
  };
}

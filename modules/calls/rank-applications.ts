import { sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { type Database, queryRows } from "../../platform/db/client.ts";
import type { Actor } from "../organizations/actor.ts";
import { findCall } from "./find.ts";
import { callsPolicy } from "./policy.ts";

export type RankedApplication = {
  id: string;
  title: string;
  lead: string;
  countryCode: string | null;
  requestedCents: number;
  /** The mean of the submitted reviews' weighted totals (0–100), null before any. */
  score: number | null;
  /** Highest minus lowest total: a wide spread asks for a second look. */
  spread: number | null;
  reviewsSubmitted: number;
  reviewsAssigned: number;
  decision: "awarded" | "not_awarded" | null;
  awardedCents: number;
};

export interface Ranking {
  call: { id: string; currency: string; totalBudgetCents: number; resultsPublished: boolean };
  awardedCents: number;
  /** What is left of the call's budget after the awards recorded so far. */
  remainingCents: number;
  applications: RankedApplication[];
}

/** The ranking's query (also measured alone by the bench). */
export function rankingRows(db: Database, callId: string) {
  return queryRows<RankedApplication>(
    db,
    sql`select a.id, a.title, o.name as lead, o.country_code as "countryCode",
               coalesce((select sum(requested_cents) from application_budget_lines b where b.application_id = a.id), 0)::float8 as "requestedCents",
               round(avg(r.total) filter (where r.status = 'submitted')::numeric, 2)::float8 as score,
               round((max(r.total) filter (where r.status = 'submitted') - min(r.total) filter (where r.status = 'submitted'))::numeric, 2)::float8 as spread,
               (count(r.id) filter (where r.status = 'submitted'))::int as "reviewsSubmitted",
               (count(r.id) filter (where r.status <> 'excused'))::int as "reviewsAssigned",
               d.decision, coalesce(d.awarded_cents, 0)::float8 as "awardedCents"
        from applications a
        join organizations o on o.id = a.lead_organization_id
        left join reviews r on r.application_id = a.id
        left join application_decisions d on d.application_id = a.id
        where a.call_id = ${callId} and a.status in ('submitted', 'awarded', 'not_awarded')
        group by a.id, o.name, o.country_code, d.decision, d.awarded_cents
        order by score desc nulls last, spread asc nulls last, a.submitted_at`,
  );
}

/** The secretariat's ranking of a call's submitted applications by weighted score, with the spread and what is left of the budget. */
export async function rankApplications(ctx: ServiceContext, actor: Actor, callId: string): Promise<Ranking> {
  requireSignedIn(actor);
  const { call, facts } = await findCall(ctx.db, callId);
  authorize(callsPolicy.seeScores(actor, facts), { visible: callsPolicy.readCall(actor, facts) });
  const applications = await rankingRows(ctx.db, callId);
  const awardedCents = applications.reduce((sum, a) => sum + (a.decision === "awarded" ? a.awardedCents : 0), 0);
  return {
    call: { id: call.id, currency: call.currency, totalBudgetCents: call.totalBudgetCents, resultsPublished: call.resultsPublishedAt !== null },
    awardedCents,
    remainingCents: call.totalBudgetCents - awardedCents,
    applications,
  };
}

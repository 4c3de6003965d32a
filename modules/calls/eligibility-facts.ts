// The facts an application's eligibility is checked on, read from the database: the lead, its
// membership of the network and its other proposals in the call, the partners not declined, and
// the budget's totals.
import { and, eq, ne, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import type { OrganizationKind } from "../organizations/schema.ts";
import { checkEligibility, type EligibilityFacts, type RuleResult } from "./eligibility.ts";
import type { ApplicationRow, CallRow } from "./find.ts";
import { isActiveMember } from "./find.ts";
import { applications, type PartnerStatus } from "./schema.ts";

export type PartnerRow = {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  countryCode: string | null;
  status: PartnerStatus;
};

export async function loadPartners(db: Database, applicationId: string): Promise<PartnerRow[]> {
  return queryRows<PartnerRow>(
    db,
    sql`select o.id, o.slug, o.name, o.kind, o.country_code as "countryCode", p.status
        from application_partners p join organizations o on o.id = p.organization_id
        where p.application_id = ${applicationId} order by p.invited_at, o.name`,
  );
}

export async function budgetTotals(db: Database, applicationId: string): Promise<{ requestedCents: number; counterpartCashCents: number; counterpartInKindCents: number }> {
  const [row] = await queryRows<{ requested: string; cash: string; kind: string }>(
    db,
    sql`select coalesce(sum(requested_cents), 0) as requested, coalesce(sum(counterpart_cash_cents), 0) as cash, coalesce(sum(counterpart_in_kind_cents), 0) as kind
        from application_budget_lines where application_id = ${applicationId}`,
  );
  return { requestedCents: Number(row!.requested), counterpartCashCents: Number(row!.cash), counterpartInKindCents: Number(row!.kind) };
}

export async function eligibilityOf(db: Database, application: ApplicationRow, call: CallRow): Promise<{ facts: EligibilityFacts; results: RuleResult[] }> {
  const [lead] = await queryRows<{ id: string; name: string; kind: OrganizationKind; countryCode: string | null }>(
    db,
    sql`select id, name, kind, country_code as "countryCode" from organizations where id = ${application.leadOrganizationId}`,
  );
  const others = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.callId, call.id), eq(applications.leadOrganizationId, application.leadOrganizationId), ne(applications.id, application.id), ne(applications.status, "withdrawn")))
    .limit(1);
  const partners = (await loadPartners(db, application.id)).filter((p) => p.status !== "declined");
  const totals = await budgetTotals(db, application.id);
  const facts: EligibilityFacts = {
    rules: call.rules,
    projectCapCents: call.projectCapCents,
    maxFundedSharePercent: call.maxFundedSharePercent,
    lead: { ...lead!, activeMember: await isActiveMember(db, call.networkId, application.leadOrganizationId), leadsAnother: others.length > 0 },
    partners,
    budget: { requestedCents: totals.requestedCents, counterpartCents: totals.counterpartCashCents + totals.counterpartInKindCents },
  };
  return { facts, results: checkEligibility(facts) };
}

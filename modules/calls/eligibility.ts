// The eligibility rules of a call, checked on every save (as a checklist the team sees) and again
// on the server at submission. Each failed rule says which rule and why, with the figures, in the
// reader's language (the catalog keys calls.rule.*). Pure: the facts are read by the caller.
import { formatCurrency } from "../../platform/i18n/format.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Translate } from "../../platform/i18n/translator.ts";
import type { OrganizationKind } from "../organizations/schema.ts";
import type { EligibilityRules, PartnerStatus } from "./schema.ts";

export interface OrganizationFacts {
  id: string;
  name: string;
  kind: OrganizationKind;
  countryCode: string | null;
}

export interface EligibilityFacts {
  rules: EligibilityRules;
  projectCapCents: number;
  maxFundedSharePercent: number;
  lead: OrganizationFacts & { activeMember: boolean; leadsAnother: boolean };
  partners: (OrganizationFacts & { status: PartnerStatus })[];
  budget: { requestedCents: number; counterpartCents: number };
}

export const ruleIds = ["leadMember", "leadKind", "oneLead", "partnersConfirmed", "minPartners", "minCountries", "partnerKind", "budgetPresent", "cap", "fundedShare"] as const;
export type RuleId = (typeof ruleIds)[number];

/** One rule's result: the catalog key calls.rule.<id>.failed (or .passed) with these values. */
export interface RuleResult {
  rule: RuleId;
  passed: boolean;
  values: Record<string, string | number>;
}

/** The funded share of a total, rounded down to the cent: what the programme may fund at most. */
export function maxRequestable(totalCents: number, sharePercent: number): number {
  return Math.floor((totalCents * sharePercent) / 100);
}

/** Amounts travel as "money:<cents>" and are written in the reader's format by describeRule. */
const money = (cents: number) => `money:${cents}`;

/** Every rule the call sets, passed or failed, in a fixed order. */
export function checkEligibility(facts: EligibilityFacts): RuleResult[] {
  const { rules, lead, partners, budget } = facts;
  const results: RuleResult[] = [];
  const add = (rule: RuleId, passed: boolean, values: Record<string, string | number> = {}) => results.push({ rule, passed, values });
  if (rules.leadMustBeMember) add("leadMember", lead.activeMember, { lead: lead.name });
  if (rules.leadKinds.length > 0) add("leadKind", rules.leadKinds.includes(lead.kind), { lead: lead.name, kind: lead.kind });
  if (rules.oneLeadPerCall) add("oneLead", !lead.leadsAnother, { lead: lead.name });
  const pending = partners.filter((p) => p.status !== "confirmed");
  add("partnersConfirmed", pending.length === 0, { pending: pending.map((p) => p.name).join(", "), count: pending.length });
  const confirmed = partners.filter((p) => p.status === "confirmed");
  if (rules.minPartners > 0) add("minPartners", confirmed.length >= rules.minPartners, { required: rules.minPartners, count: confirmed.length });
  if (rules.minCountries > 1) {
    const countries = new Set([lead.countryCode, ...confirmed.map((p) => p.countryCode)].filter((c): c is string => c !== null));
    add("minCountries", countries.size >= rules.minCountries, { required: rules.minCountries, count: countries.size, countries: [...countries].sort().join(", ") });
  }
  if (rules.partnerKinds.length > 0) {
    const wrong = partners.filter((p) => !rules.partnerKinds.includes(p.kind));
    add("partnerKind", wrong.length === 0, { partners: wrong.map((p) => p.name).join(", "), count: wrong.length });
  }
  const total = budget.requestedCents + budget.counterpartCents;
  add("budgetPresent", budget.requestedCents > 0);
  add("cap", budget.requestedCents <= facts.projectCapCents, { requested: money(budget.requestedCents), cap: money(facts.projectCapCents) });
  // Requested ≤ the funded share of the total cost is the same as: counterpart ≥ the rest.
  const most = maxRequestable(total, facts.maxFundedSharePercent);
  add("fundedShare", budget.requestedCents <= most, {
    requested: money(budget.requestedCents),
    total: money(total),
    share: facts.maxFundedSharePercent,
    counterpart: money(budget.counterpartCents),
    rest: money(total - most),
  });
  return results;
}

export const failed = (results: RuleResult[]) => results.filter((r) => !r.passed);

/** A rule's sentence in the reader's language, amounts in the call's currency. */
export function describeRule(t: Translate, locale: Locale, currency: string, result: RuleResult): string {
  const values = Object.fromEntries(
    Object.entries(result.values).map(([k, v]) => [k, typeof v === "string" && v.startsWith("money:") ? formatCurrency(locale, Number(v.slice(6)) / 100, currency) : v]),
  );
  return result.passed ? t(`calls.rule.${result.rule}.passed`, values) : t(`calls.rule.${result.rule}.failed`, values);
}

import { describe, expect, it } from "vitest";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { checkEligibility, describeRule, type EligibilityFacts, failed, maxRequestable } from "./eligibility.ts";

const rules = { leadMustBeMember: true, leadKinds: ["local_government" as const], oneLeadPerCall: true, minPartners: 2, minCountries: 2, partnerKinds: ["local_government" as const, "second_level_government" as const, "civil_society" as const, "university" as const] };
const lead = { id: "l", name: "Montevideo", kind: "local_government" as const, countryCode: "UY", activeMember: true, leadsAnother: false };
const good: EligibilityFacts = {
  rules,
  projectCapCents: 1_000_000,
  maxFundedSharePercent: 50,
  lead,
  partners: [
    { id: "a", name: "Rosario", kind: "local_government", countryCode: "AR", status: "confirmed" },
    { id: "b", name: "Universidad de la República", kind: "university", countryCode: "UY", status: "confirmed" },
  ],
  budget: { requestedCents: 1_000_000, counterpartCents: 1_000_000 },
};
const failing = (facts: EligibilityFacts) => failed(checkEligibility(facts)).map((r) => r.rule);

describe("a call's eligibility rules", () => {
  it("passes a proposal that meets every rule, at the exact limits (the cap, half the cost)", () => {
    expect(failing(good)).toEqual([]);
  });

  it("names each rule that fails", () => {
    expect(failing({ ...good, lead: { ...lead, activeMember: false } })).toEqual(["leadMember"]);
    expect(failing({ ...good, lead: { ...lead, kind: "university" } })).toEqual(["leadKind"]);
    expect(failing({ ...good, lead: { ...lead, leadsAnother: true } })).toEqual(["oneLead"]);
    expect(failing({ ...good, partners: [good.partners[0]!, { ...good.partners[1]!, status: "invited" }] })).toEqual(["partnersConfirmed", "minPartners"]);
    expect(failing({ ...good, partners: good.partners.map((p) => ({ ...p, countryCode: "UY" })) })).toEqual(["minCountries"]);
    expect(failing({ ...good, partners: [...good.partners, { id: "c", name: "Acme S.A.", kind: "company", countryCode: "BR", status: "confirmed" }] })).toEqual(["partnerKind"]);
    expect(failing({ ...good, budget: { requestedCents: 1_000_001, counterpartCents: 2_000_000 } })).toEqual(["cap"]);
    expect(failing({ ...good, budget: { requestedCents: 700_000, counterpartCents: 699_999 } })).toEqual(["fundedShare"]);
    expect(failing({ ...good, budget: { requestedCents: 0, counterpartCents: 100 } })).toEqual(["budgetPresent"]);
  });

  it("checks only the rules the call sets", () => {
    const loose = { ...good, rules: { ...rules, leadMustBeMember: false, leadKinds: [], oneLeadPerCall: false, minPartners: 0, minCountries: 0, partnerKinds: [] } };
    expect(checkEligibility({ ...loose, lead: { ...lead, activeMember: false, leadsAnother: true }, partners: [] }).map((r) => r.rule)).toEqual(["partnersConfirmed", "budgetPresent", "cap", "fundedShare"]);
  });

  it("rounds the funded share down to the cent", () => {
    expect(maxRequestable(333, 50)).toBe(166);
    expect(maxRequestable(2_000_000, 50)).toBe(1_000_000);
  });

  it("says why in each language, with the amounts in the call's currency", () => {
    const result = failed(checkEligibility({ ...good, budget: { requestedCents: 1_200_000, counterpartCents: 1_500_000 } }))[0]!;
    const say = (locale: "es" | "pt" | "en") => describeRule(createTranslator(locale, catalogs[locale]), locale, "USD", result);
    expect(say("en")).toBe("The amount requested ($12,000.00) is more than the call's cap of $10,000.00 per project.");
    expect(say("es")).toMatch(/supera el tope de 10\.000,00\sUS\$/);
    expect(say("pt")).toMatch(/ultrapassa o teto de US\$\s10\.000,00/);
    const share = failed(checkEligibility({ ...good, budget: { requestedCents: 800_000, counterpartCents: 600_000 } }))[0]!;
    expect(describeRule(createTranslator("en", catalogs.en), "en", "USD", share)).toBe(
      "The programme funds at most 50% of a project's total cost ($14,000.00): the counterpart ($6,000.00) must be at least $7,000.00.",
    );
  });
});

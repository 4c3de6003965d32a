import { describe, expect, it } from "vitest";
import type { PortfolioRole } from "../../modules/portfolio/get-portfolio.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { historySentence, roleYears } from "./portfolio-view.tsx";

const role = (over: Partial<PortfolioRole>): PortfolioRole => ({
  id: "r",
  role: "coordinator",
  bodySlug: "cultura",
  bodyKind: "thematic_unit",
  bodyName: { text: "Culture", language: "en", fallback: false },
  startsOn: "2022-01-01",
  endsOn: "2023-12-31",
  termLabel: null,
  sourceUrl: null,
  ...over,
});

describe("history sentences", () => {
  it("say what the organization did, and when, in the page's language", () => {
    expect(historySentence(createTranslator("en", catalogs.en), role({}))).toBe("Coordinated Culture 2022–2023");
    expect(historySentence(createTranslator("es", catalogs.es), role({ bodyName: { text: "Cultura", language: "es", fallback: false } }))).toBe("Coordinó Cultura 2022–2023");
    expect(historySentence(createTranslator("pt", catalogs.pt), role({ role: "president", startsOn: "2016-03-01", endsOn: "2017-02-28" }))).toBe("Exerceu a presidência 2016–2017");
  });

  it("give one year for a role within a year", () => {
    expect(roleYears({ startsOn: "2024-03-01", endsOn: "2024-11-30" })).toBe("2024");
    expect(roleYears({ startsOn: "2024-03-01", endsOn: null })).toBe("2024–");
  });
});

import { describe, expect, it } from "vitest";
import { demoTerms, termYearOf } from "./seed-demo-governance.ts";

describe("demo terms", () => {
  it("run from 1 December to 30 November", () => {
    expect(termYearOf("2026-11-22")).toBe(2025);
    expect(termYearOf("2026-11-30")).toBe(2025);
    expect(termYearOf("2026-12-01")).toBe(2026);
    expect(termYearOf("2027-01-01")).toBe(2026);
  });

  it("reach from 2005–2006 to the term after the current one, which is open to candidacies today", () => {
    for (const today of ["2026-11-22", "2026-11-30", "2026-12-01", "2027-03-15", "2027-11-25"]) {
      const terms = demoTerms(today);
      expect(terms[0]).toMatchObject({ label: "2005–2006", startsOn: "2005-12-01", endsOn: "2006-11-30" });
      const current = terms.find((t) => t.startsOn <= today && t.endsOn >= today)!;
      const next = terms.at(-1)!;
      expect(next.year).toBe(current.year + 1);
      expect(next.candidaciesOpenOn! <= today && next.candidaciesCloseOn! >= today).toBe(true);
      // Candidacies open no earlier than the current term and close no earlier than the day before the next one starts.
      expect(next.candidaciesOpenOn! >= current.startsOn).toBe(true);
      expect(next.candidaciesCloseOn! >= current.endsOn).toBe(true);
      expect(terms.slice(0, -1).every((t) => t.candidaciesOpenOn === null)).toBe(true);
    }
    expect(demoTerms("2026-11-22").find((t) => t.label === "2025–2026")).toMatchObject({ startsOn: "2025-12-01", endsOn: "2026-11-30" });
    expect(demoTerms("2026-11-22").at(-1)).toMatchObject({ label: "2026–2027", candidaciesOpenOn: "2026-10-23", candidaciesCloseOn: "2026-11-30" });
  });
});

import { describe, expect, it } from "vitest";
import { languageNames } from "./language-names.ts";
import { isTimeZone, timeZoneGroups } from "./time-zones.ts";

describe("time zones", () => {
  it("accepts the runtime's IANA zones and UTC, nothing else", () => {
    expect(isTimeZone("America/Sao_Paulo")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });

  it("groups zones by region, sorted, each with its place and offset", () => {
    const groups = timeZoneGroups("pt", new Date("2027-01-15T12:00:00Z"));
    expect(groups.map((g) => g.region)).toContain("america");
    const america = groups.find((g) => g.region === "america")!;
    expect(america.zones).toContainEqual({ id: "America/Sao_Paulo", label: "Sao Paulo (GMT-03:00)" });
    expect(america.zones).toContainEqual({ id: "America/Argentina/Ushuaia", label: "Argentina / Ushuaia (GMT-03:00)" });
    const labels = america.zones.map((z) => z.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("pt").compare));
  });
});

describe("languageNames", () => {
  it("names languages in the reader's language, capitalized and sorted", () => {
    expect(languageNames("es", ["pt", "gn", "en"])).toEqual([
      { code: "gn", name: "Guaraní" },
      { code: "en", name: "Inglés" },
      { code: "pt", name: "Portugués" },
    ]);
    expect(languageNames("en", ["qu"])).toEqual([{ code: "qu", name: "Quechua" }]);
  });
});

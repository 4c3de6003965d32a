import { describe, expect, it } from "vitest";
import { errorsOnRows, practiceInput, valuesOf } from "./practice-form.server.ts";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("the practice editor's form", () => {
  it("becomes the use cases' input: texts per language, lists, empty figures as null, blank rows dropped", () => {
    const values = valuesOf(
      form([
        ["_csrf", "token"],
        ["originalLanguage", "pt"],
        ["texts.pt.title", "Hortas comunitárias"],
        ["texts.pt.summary", "Resumo"],
        ["texts.es.title", ""],
        ["themeIds", "urban-food-policies"],
        ["themeIds", "environment"],
        ["sdgTargets", "11.1, 2.4;11.3"],
        ["startYear", "2019"],
        ["endYear", ""],
        ["populationReached", "1.300"],
        ["partners.0.name", ""],
        ["partners.0.kind", "company"],
        ["partners.1.name", "Associação de Moradores"],
        ["partners.1.kind", "civil_society"],
        ["partners.1.organization", ""],
        ["links.0.url", "https://example.org/hortas"],
        ["links.0.label", ""],
        ["links.1.url", ""],
        ["links.1.label", ""],
        ["contact.email", " ana@example.org "],
      ]),
    );
    expect(values).not.toHaveProperty("_csrf");
    const { input, rows } = practiceInput(values);
    expect(input).toMatchObject({
      originalLanguage: "pt",
      texts: { pt: { title: "Hortas comunitárias", summary: "Resumo", problem: "" }, es: { title: "" } },
      themeIds: ["urban-food-policies", "environment"],
      sdgGoals: [],
      sdgTargets: ["11.1", "2.4", "11.3"],
      startYear: "2019",
      endYear: null,
      populationReached: "1300",
      partners: [{ name: "Associação de Moradores", kind: "civil_society" }],
      links: [{ url: "https://example.org/hortas", label: "" }],
      contact: { name: "", position: "", email: "ana@example.org" },
    });
    expect(input).not.toHaveProperty("axisKeys");
    expect(rows).toEqual({ partners: [1], links: [0] });
  });

  it("names a refused row as it is on the form", () => {
    expect(errorsOnRows({ "partners.0.name": "too short", "links.1.url": "not a web address", startYear: "a year" }, { partners: [2], links: [0, 3] })).toEqual({
      "partners.2.name": "too short",
      "links.3.url": "not a web address",
      startYear: "a year",
    });
  });
});

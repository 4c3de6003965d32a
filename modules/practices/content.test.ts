import { describe, expect, it } from "vitest";
import { emptyContent, readerText } from "./content.ts";
import { practiceText } from "./testing.ts";

describe("readerText", () => {
  const partial = {
    ...emptyContent(),
    texts: {
      pt: practiceText("pt", "Hortas urbanas comunitárias"),
      es: { title: "Huertas urbanas comunitarias", summary: "Huertas en terrenos baldíos.", problem: "", solution: "", results: "", lessons: "", replication: "" },
    },
  };

  it("shows a partial translation where it exists and the original text for the sections not yet translated", () => {
    const shown = readerText(partial, "es", "pt");
    expect(shown).toMatchObject({ language: "es", fallback: false });
    expect(shown.text.title).toBe("Huertas urbanas comunitarias");
    expect(shown.text.summary).toBe("Huertas en terrenos baldíos.");
    expect(shown.text.problem).toBe(partial.texts.pt.problem);
    expect(shown.text.replication).toBe(partial.texts.pt.replication);
    expect(shown.fieldLanguages).toEqual({ title: "es", summary: "es", problem: "pt", solution: "pt", results: "pt", lessons: "pt", replication: "pt" });
  });

  it("shows the whole original to a reader whose language has no translation", () => {
    const shown = readerText(partial, "en", "pt");
    expect(shown).toMatchObject({ language: "pt", fallback: true });
    expect(Object.values(shown.fieldLanguages).every((l) => l === "pt")).toBe(true);
    expect(shown.text.title).toBe("Hortas urbanas comunitárias");
  });

  it("does not count a translation without a title as a translation", () => {
    const noTitle = { ...partial, texts: { ...partial.texts, en: { ...practiceText("en", ""), lessons: "Families first." } } };
    const shown = readerText(noTitle, "en", "pt");
    expect(shown.language).toBe("pt");
    expect(shown.text.summary).toBe(partial.texts.pt.summary);
  });
});

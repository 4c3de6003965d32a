import { describe, expect, it } from "vitest";
import type { PracticeView } from "./get-practice.ts";
import { clipAtWord, headlineLength, practiceJsonLd } from "./structured-data.ts";

describe("clipAtWord", () => {
  it("cuts a long text at a word boundary, with an ellipsis, within the limit", () => {
    const title = "Hortas comunitárias nos terrenos baldios da periferia de Porto Alegre, com famílias do bairro, escolas municipais e universidades";
    const headline = clipAtWord(title, headlineLength);
    expect(headline.length).toBeLessThanOrEqual(headlineLength);
    expect(headline.endsWith("…")).toBe(true);
    expect(title.startsWith(headline.slice(0, -1))).toBe(true);
    // The word before the ellipsis is whole.
    expect(title.split(" ")).toContain(headline.slice(0, -1).split(" ").at(-1));
    expect(headline).toBe("Hortas comunitárias nos terrenos baldios da periferia de Porto Alegre, com famílias do bairro, escolas…");
  });

  it("leaves a text within the limit whole, and drops a comma before the ellipsis", () => {
    expect(clipAtWord("Orçamento participativo jovem", 110)).toBe("Orçamento participativo jovem");
    expect(clipAtWord("uno dos, tres cuatro", 10)).toBe("uno dos…");
    expect(clipAtWord("Supercalifragilístico", 10)).toBe("Supercali…");
  });
});

describe("practiceJsonLd", () => {
  const practice = {
    slug: "hortas",
    text: { title: "Hortas", summary: "Resumo", language: "pt" },
    files: [
      { id: "f1", kind: "attachment" },
      { id: "f2", kind: "image" },
    ],
    organization: null,
    network: null,
    city: null,
    country: null,
    themes: [],
    firstPublishedAt: new Date("2026-01-02T00:00:00Z"),
    lastPublishedAt: new Date("2026-01-03T00:00:00Z"),
    version: { updatedAt: new Date("2026-01-03T00:00:00Z") },
  } as unknown as PracticeView;

  it("names the practice's images by their address", () => {
    expect(practiceJsonLd(practice, "https://pares.example", "es")).toMatchObject({ image: ["https://pares.example/es/practices/hortas/files/f2"], headline: "Hortas" });
  });

  it("has no image when the practice has none", () => {
    expect(practiceJsonLd({ ...practice, files: [] }, "https://pares.example", "es")).not.toHaveProperty("image");
  });
});

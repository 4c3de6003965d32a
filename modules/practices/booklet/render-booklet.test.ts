import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderBooklet } from "./render-booklet.ts";
import { sampleBooklet, samplePractice } from "./testing.ts";

async function read(pdf: Uint8Array) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(doc, { mergePages: false });
  return { pages: text as string[], totalPages };
}

describe("renderBooklet", () => {
  it("writes selectable text: cover, contents, each practice and the indexes, in the booklet's language", async () => {
    const input = await sampleBooklet(3, "pt");
    input.practices[1] = samplePractice({ title: "Orçamento participativo jovem", country: "Brasil", language: "pt" });
    const pdf = await renderBooklet(input);
    expect(new TextDecoder("latin1").decode(pdf.slice(0, 5))).toBe("%PDF-");
    const { pages, totalPages } = await read(pdf);
    const all = pages.join("\n");
    expect(all).toContain(input.title);
    expect(all).toContain("Sumário");
    expect(all).toContain("Orçamento participativo jovem");
    expect(all).toContain("Índice por país");
    expect(totalPages).toBeGreaterThanOrEqual(6);
  });

  it("is tagged for accessibility and names its language", async () => {
    const pdf = await renderBooklet(await sampleBooklet(1, "es", false));
    const raw = new TextDecoder("latin1").decode(pdf);
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/Lang \(es/);
  });

  it("gives a practice at most two pages, however long its text", async () => {
    const input = await sampleBooklet(1, "en", false);
    const long = "Lorem ipsum dolor sit amet consectetur. ".repeat(400);
    input.practices[0] = samplePractice({ title: "A very long practice", solution: long, results: long, language: "en" });
    const short = await read(await renderBooklet(await sampleBooklet(1, "en", false)));
    const longer = await read(await renderBooklet(input));
    expect(longer.totalPages - short.totalPages).toBeLessThanOrEqual(1);
  });

  it("prints a section not yet translated in the original language, with a note", async () => {
    const input = await sampleBooklet(1, "es", false);
    input.practices[0] = samplePractice({
      title: "Presupuesto participativo joven",
      language: "es",
      summary: "Jóvenes deciden una parte del presupuesto municipal.",
      sectionLanguages: { summary: "es", problem: "pt", solution: "pt", results: "pt", lessons: "pt", replication: "pt" },
    });
    const pdf = await renderBooklet(input);
    const { pages } = await read(pdf);
    const all = pages.join("\n").replace(/\s+/g, " ");
    expect(all).toContain("Jóvenes deciden una parte del presupuesto municipal.");
    expect(all).toContain("Original en portugués");
    expect(new TextDecoder("latin1").decode(pdf)).toMatch(/\/Lang \(pt/);
  });
});

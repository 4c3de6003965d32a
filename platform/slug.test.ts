import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("slugify", () => {
  it("folds accents, case and punctuation into hyphens", () => {
    expect(slugify("Prefeitura de São Paulo")).toBe("prefeitura-de-sao-paulo");
    expect(slugify("  Intendencia de Montevideo (IM) ")).toBe("intendencia-de-montevideo-im");
  });
  it("never returns an empty segment", () => {
    expect(slugify("東京都")).toBe("org");
  });
  it("cuts long names at a word boundary without a trailing hyphen", () => {
    expect(slugify("a".repeat(59) + " bc", 60)).toBe("a".repeat(59));
  });
});

import { describe, expect, it } from "vitest";
import { catalogs } from "./catalogs.ts";
import { localize } from "./content.ts";
import { formatCurrency, formatDateTime, formatNumber } from "./format.ts";
import { negotiateLocale, parseAcceptLanguage } from "./negotiate.ts";
import { createTranslator } from "./translator.ts";

describe("negotiateLocale", () => {
  it("picks the best supported language from Accept-Language", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt");
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.5")).toBe("en");
    expect(negotiateLocale("de, es-AR;q=0.3")).toBe("es");
    expect(negotiateLocale("en;q=0.2, pt-PT;q=0.8")).toBe("pt");
    expect(negotiateLocale(undefined)).toBe("es");
    expect(negotiateLocale("zz")).toBe("es");
  });

  it("prefers a saved choice over the header", () => {
    expect(negotiateLocale("en-US", "pt")).toBe("pt");
    expect(negotiateLocale("en-US", "klingon")).toBe("en");
  });

  it("parses qualities and drops zero-quality entries", () => {
    expect(parseAcceptLanguage("es;q=0, pt;q=0.5, en")).toEqual(["en", "pt"]);
  });
});

describe("translator", () => {
  it("formats ICU plurals per language", () => {
    expect(createTranslator("es", catalogs.es)("cities.results.count", { count: 1 })).toBe("1 ciudad");
    expect(createTranslator("pt", catalogs.pt)("cities.results.count", { count: 1234 })).toBe("1.234 cidades");
    expect(createTranslator("en", catalogs.en)("cities.results.count", { count: 0 })).toBe("No city matches the search.");
  });

  it("shows the key for a message that does not exist", () => {
    expect(createTranslator("en", catalogs.en)("no.such.key")).toBe("no.such.key");
  });
});

describe("localize", () => {
  it("gives the reader's language, else the original marked as a fallback", () => {
    expect(localize({ es: "Hola", pt: "Olá" }, "pt", "es")).toEqual({ text: "Olá", language: "pt", fallback: false });
    expect(localize({ es: "Hola", pt: "Olá" }, "en", "es")).toEqual({ text: "Hola", language: "es", fallback: true });
    expect(localize({ pt: "Olá" }, "en", "es")).toEqual({ text: "Olá", language: "pt", fallback: true });
    expect(localize({}, "en")).toBeUndefined();
  });
});

describe("formatting", () => {
  it("uses each language's conventions and names the time zone", () => {
    expect(formatNumber("es", 1234567)).toBe("1.234.567");
    expect(formatNumber("en", 1234567)).toBe("1,234,567");
    expect(formatCurrency("es", 10000, "USD")).toMatch(/10\.000,00\sUS\$/);
    expect(formatCurrency("pt", 7000, "USD")).toMatch(/US\$\s7\.000,00/);
    const at = new Date("2027-03-15T13:00:00Z");
    expect(formatDateTime("es", at, "America/Montevideo")).toMatch(/10:00.*(GMT-3|UYT)/);
    expect(formatDateTime("en", at, "Europe/Madrid")).toMatch(/2:00\s?PM.*GMT\+1/);
  });
});

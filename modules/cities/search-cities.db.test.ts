import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { searchCities } from "./search-cities.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const first = async (q: string, extra: Record<string, string> = {}, locale: "es" | "pt" | "en" = "en") =>
  (await searchCities(handle, { q, ...extra }, locale)).items[0];

describe("searchCities", () => {
  it("finds a city by any of its names, ignoring accents and case", async () => {
    expect((await first("sao paulo"))?.officialName).toBe("São Paulo");
    expect((await first("Asuncion"))).toMatchObject({ officialName: "Asunción", countryCode: "PY" });
    expect((await first("Montevidéu"))).toMatchObject({ officialName: "Montevideo", countryCode: "UY" });
    expect((await first("BOGOTA"))).toMatchObject({ countryCode: "CO" });
  });

  it("prefers a city's own names over its historical or local ones", async () => {
    const santa = await searchCities(handle, { q: "santa", country: "AR", pageSize: 50 }, "es");
    expect(santa.total).toBeGreaterThan(1);
    expect(santa.items.every((c) => /\bSanta\b/.test(c.name))).toBe(true);
    expect((await searchCities(handle, { q: "sao paulo" }, "en")).items.map((c) => c.officialName)).not.toContain("Luanda");
    // Found by an alternate name only when no city's own name matches.
    expect((await first("Nuestra Señora Santa María de la Asunción"))?.countryCode).toBe("PY");
  });

  it("tolerates typos", async () => {
    expect((await first("Buenos Aries"))?.officialName).toBe("Buenos Aires");
    expect((await first("Montevidoe"))?.officialName).toBe("Montevideo");
    expect((await first("Florianopolis"))?.officialName).toBe("Florianópolis");
    expect((await first("bogata"))?.countryCode).toBe("CO");
    expect((await first("curitba"))?.officialName).toBe("Curitiba");
  });

  it("finds a city by the start of any word of its name", async () => {
    const paulo = await searchCities(handle, { q: "paulo" }, "en");
    expect(paulo.items.map((c) => c.officialName)).toContain("São Paulo");
    expect((await first("janeiro"))?.officialName).toBe("Rio de Janeiro");
  });

  it("names cities in the reader's language, keeping the official name", async () => {
    expect(await first("Montevideo", {}, "pt")).toMatchObject({ name: "Montevidéu", officialName: "Montevideo", countryName: "Uruguai" });
    expect(await first("Montevideo", {}, "es")).toMatchObject({ name: "Montevideo", countryName: "Uruguay" });
  });

  it("filters by country and by UN M49 region", async () => {
    const br = await searchCities(handle, { country: "br", pageSize: 100 }, "en");
    expect(br.total).toBeGreaterThan(300);
    expect(br.items.every((c) => c.countryCode === "BR")).toBe(true);
    const southAmerica = await searchCities(handle, { region: "005", pageSize: 100 }, "en");
    const codes = new Set(southAmerica.items.map((c) => c.countryCode));
    expect(codes.has("BR") && codes.has("AR")).toBe(true);
    expect(codes.has("MX")).toBe(false);
    const santiagoInChile = await searchCities(handle, { q: "Santiago", country: "CL" }, "en");
    expect(santiagoInChile.items.every((c) => c.countryCode === "CL")).toBe(true);
    expect(santiagoInChile.total).toBeGreaterThan(0);
  });

  it("pages through results with a stable total, largest cities first without a query", async () => {
    const page1 = await searchCities(handle, { pageSize: 10 }, "en");
    const page2 = await searchCities(handle, { pageSize: 10, page: 2 }, "en");
    expect(page1.total).toBeGreaterThan(12_000);
    expect(page2.total).toBe(page1.total);
    expect(page1.pageCount).toBe(Math.ceil(page1.total / 10));
    expect(page1.items[9]!.population).toBeGreaterThanOrEqual(page2.items[0]!.population);
    const ids = new Set([...page1.items, ...page2.items].map((c) => c.id));
    expect(ids.size).toBe(20);
  });

  it("reports the total on a page past the end, and nothing for a name no city has", async () => {
    const past = await searchCities(handle, { q: "Rosario", page: 999 }, "en");
    expect(past.items).toEqual([]);
    expect(past.total).toBeGreaterThan(0);
    expect((await searchCities(handle, { q: "Xqzwvt" }, "en")).total).toBe(0);
  });

  it("rejects invalid filters naming the field", async () => {
    await expect(searchCities(handle, { country: "Brazil" }, "en")).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["country"] })],
    });
  });
});

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { importCities } from "./import-cities.ts";
import { cities } from "./schema.ts";
import { searchCities } from "./search-cities.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const header = "geonameid,name,name_pt,country_code,admin1_name,population,latitude,longitude,timezone,alternatenames";
const count = async () => Number((await handle.db.select({ n: sql<number>`count(*)` }).from(cities))[0]!.n);

describe("importCities", () => {
  it("reports every bad row by line number on a dry run, and imports nothing", async () => {
    const before = await count();
    const csv = [
      header,
      '90000001,Villa Nueva,,AR,Córdoba,61000,-32.43,-63.25,America/Argentina/Cordoba,"Villa Nueva de Córdoba"',
      "90000002,,,AR,,abc,-32,-63,America/Argentina/Cordoba,",
      "90000003,Ciudad Lunar,,QQ,,70000,-32,-63,Mars/Olympus,",
      "90000001,Villa Nueva,,AR,,61000,-32.43,-63.25,America/Argentina/Cordoba,",
    ].join("\n");
    const result = await importCities(handle.db, { csv, dryRun: true });
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: "name" }),
        expect.objectContaining({ line: 3, field: "population" }),
        expect.objectContaining({ line: 4, field: "timezone" }),
        expect.objectContaining({ line: 5, field: "geonameid" }),
      ]),
    );
    expect(await count()).toBe(before);
  });

  it("imports nothing when any row is bad, even without a dry run", async () => {
    const before = await count();
    const csv = [header, "90000011,Good Town,,AR,,61000,-32,-63,America/Argentina/Cordoba,", "90000012,Bad Town,,AR,,-5,-32,-63,UTC,"].join("\n");
    const result = await importCities(handle.db, { csv });
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, field: "population" })]);
    expect(await count()).toBe(before);
  });

  it("imports valid rows and makes them searchable; importing again updates instead of duplicating", async () => {
    const before = await count();
    const csv = [header, '90000021,Nova Esperança do Sul,Nova Esperança do Sul,BR,Rio Grande do Sul,52000,-29.4,-54.8,America/Sao_Paulo,"Esperanca"'].join("\n");
    expect((await importCities(handle.db, { csv })).imported).toBe(1);
    expect(await count()).toBe(before + 1);
    const found = await searchCities(handle, { q: "nova esperanca do sul" }, "pt");
    expect(found.items[0]).toMatchObject({ id: 90000021, countryCode: "BR" });
    await importCities(handle.db, { csv: csv.replace("52000", "53000") });
    expect(await count()).toBe(before + 1);
    const [city] = await handle.db.select().from(cities).where(eq(cities.id, 90000021));
    expect(city?.population).toBe(53000);
  });

  it("requires numbers in plain notation: an empty cell is missing, not zero", async () => {
    const csv = [
      header,
      "90000031,Empty Numbers,,BR,,,,,America/Sao_Paulo,",
      "90000032,Hex Town,,BR,,0x10,1e1,-40,America/Sao_Paulo,",
    ].join("\n");
    const result = await importCities(handle.db, { csv, dryRun: true });
    const on = (line: number) => result.errors.filter((e) => e.line === line).map((e) => `${e.field}: ${e.message}`);
    expect(on(2)).toEqual(["population: is required", "latitude: is required", "longitude: is required"]);
    expect(on(3)).toEqual(["population: must be a whole number", "latitude: must be a decimal number such as -34.9033"]);
  });

  it("says so when a file has no rows, or uses semicolons between columns", async () => {
    expect((await importCities(handle.db, { csv: `${header}\n`, dryRun: true })).errors).toEqual([
      expect.objectContaining({ line: 1, field: "file" }),
    ]);
    const semicolons = await importCities(handle.db, { csv: "geonameid;name;country_code\n1;X;AR\n", dryRun: true });
    expect(semicolons.errors[0]!.message).toContain("';'");
  });

  it("reports a missing required column on line 1", async () => {
    const result = await importCities(handle.db, { csv: "geonameid,name\n1,X\n", dryRun: true });
    expect(result.errors.map((e) => e.field)).toEqual(["country_code", "population", "latitude", "longitude", "timezone"]);
    expect(result.errors.every((e) => e.line === 1)).toBe(true);
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCity } from "../../modules/cities/get-city.ts";
import { getNetwork } from "../../modules/networks/get-network.ts";
import { listSdgs } from "../../modules/themes/list-sdgs.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import { type DatabaseHandle, queryRows } from "./client.ts";
import { toSearchQuery, toSearchVector } from "./fts.ts";
import { migrateDatabase } from "./migrate.ts";
import { createStatisticsRefresher, loadReferenceData, seedDemoData } from "./setup.ts";
import { createTestDatabase } from "./testing.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const counts = () =>
  queryRows<{ cities: string; names: string; countries: string; themes: string; targets: string; spaces: string }>(
    handle.db,
    sql`select (select count(*) from cities) cities, (select count(*) from city_names) names,
               (select count(*) from countries) countries, (select count(*) from themes) themes,
               (select count(*) from sdg_targets) targets, (select count(*) from network_bodies) spaces`,
  );

describe("database setup", () => {
  it("loads the reference data: cities, countries, 17 SDGs with 169 targets, 38 themes", async () => {
    const [c] = await counts();
    expect(Number(c!.cities)).toBe(12_027);
    expect(Number(c!.countries)).toBe(250);
    expect(Number(c!.targets)).toBe(169);
    expect(Number(c!.themes)).toBe(38);
    const sdgs = await listSdgs(handle, { targets: "true" }, "pt");
    expect(sdgs).toHaveLength(17);
    expect(sdgs[10]!.shortName).toMatch(/Cidades/);
    expect(sdgs.flatMap((g) => g.targets ?? [])).toHaveLength(169);
  });

  it("maps every theme to at least one SDG, in three languages", async () => {
    for (const locale of ["es", "pt", "en"] as const) {
      const themes = await listThemes(handle, {}, locale);
      expect(themes).toHaveLength(38);
      expect(themes.every((t) => t.sdgs.length > 0 && t.name.length > 0)).toBe(true);
    }
    expect((await listThemes(handle, { scheme: "network-spaces" }, "es")).map((t) => t.name)).toContain("Integración Fronteriza");
    expect((await listThemes(handle, { scheme: "pairing-themes" }, "en"))).toHaveLength(15);
  });

  it("migrating, loading and seeding again changes nothing", async () => {
    const before = await counts();
    await migrateDatabase(handle);
    expect(await loadReferenceData(handle)).toEqual([]);
    expect(await seedDemoData(handle)).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("seeds the demo network with its 23 thematic spaces and 12 founding cities", async () => {
    const network = await getNetwork(handle, "mercociudades", "pt");
    expect(network.spaces).toHaveLength(23);
    expect(network.foundingCities).toHaveLength(12);
    expect(network.foundingCities.map((c) => c.name)).toEqual(expect.arrayContaining(["Assunção", "Montevidéu", "Rosário", "Brasília"]));
    const asuncion = await getCity(handle, network.foundingCities.find((c) => c.name === "Assunção")!.id, "es");
    expect(asuncion.networks).toEqual([
      expect.objectContaining({ slug: "mercociudades", founding: true, joinedYear: 1995 }),
      expect.objectContaining({ slug: "ucci", founding: false, joinedYear: null }),
    ]);
  });

  it("searches text per language with stemming and without accents", async () => {
    const matches = async (language: string, text: string, typed: string) =>
      (await queryRows<{ m: boolean }>(handle.db, sql`select ${toSearchVector(language, text)} @@ ${toSearchQuery(language, typed)} as m`))[0]!.m;
    expect(await matches("pt", "Cooperação internacional entre cidades", "cooperacao cidade")).toBe(true);
    expect(await matches("es", "Políticas alimentarias urbanas", "politica alimentaria")).toBe(true);
    expect(await matches("en", "Integrating refugees and migrants", "integrate refugee")).toBe(true);
    expect(await matches("es", "Políticas alimentarias urbanas", "turismo")).toBe(false);
    expect(await matches("xx", "São Paulo", "sao")).toBe(true);
  });

  it("refreshes the embedded database's statistics once per interval (PGlite has no autovacuum)", async () => {
    await handle.db.execute(sql`create table statistics_probe (n int)`);
    await handle.db.execute(sql`insert into statistics_probe select generate_series(1, 5000)`);
    const estimate = async () => Number((await queryRows<{ n: number }>(handle.db, sql`select reltuples::int as n from pg_class where relname = 'statistics_probe'`))[0]!.n);
    const refresh = createStatisticsRefresher(handle, 60_000);
    const started = Date.now();
    expect(await refresh(started + 1_000)).toBe(false);
    expect(await refresh(started + 61_000)).toBe(handle.engine === "pglite");
    expect(await refresh(started + 62_000)).toBe(false);
    if (handle.engine === "pglite") expect(await estimate()).toBe(5000);
    await handle.db.execute(sql`drop table statistics_probe`);
  });
});

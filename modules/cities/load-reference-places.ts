import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { loadDatasetOnce, referencePath } from "../../platform/db/datasets.ts";
import { importCities } from "./import-cities.ts";
import { countries, worldRegions } from "./schema.ts";

const readCsv = (file: string) =>
  parse(readFileSync(referencePath(file), "utf8"), { columns: true, bom: true }) as Record<string, string>[];

/** Loads world regions, countries and the ~12,000 cities of 50,000+ inhabitants. Idempotent. */
export async function loadReferencePlaces(db: Database): Promise<string[]> {
  const loaded: string[] = [];
  const placesFiles = [
    "world_regions.csv",
    "countries_iso_m49_es_pt_en.csv",
    "countries_supplement.csv",
    "country_name_overrides.csv",
  ].map(referencePath);
  if (await loadDatasetOnce(db, "countries", placesFiles, loadCountries)) loaded.push("countries");
  const citiesFile = referencePath("cities_geonames_pop50k.csv");
  const ranCities = await loadDatasetOnce(db, "cities", [citiesFile], async (tx) => {
    const result = await importCities(tx, { csv: readFileSync(citiesFile, "utf8") });
    if (result.errors.length > 0) {
      const first = result.errors[0]!;
      throw new Error(`shipped city data is invalid: line ${first.line}, ${first.field}: ${first.message}`);
    }
  });
  if (ranCities) loaded.push("cities");
  return loaded;
}

async function loadCountries(db: Database): Promise<void> {
  const regions = readCsv("world_regions.csv");
  await db
    .insert(worldRegions)
    .values(
      regions.map((r) => ({
        code: r.code!,
        level: r.level as "region" | "subregion" | "intermediate",
        parentCode: r.parent_code || null,
        name: { es: r.name_es!, pt: r.name_pt!, en: r.name_en! },
      })),
    )
    .onConflictDoUpdate({
      target: worldRegions.code,
      set: { level: sql`excluded.level`, parentCode: sql`excluded.parent_code`, name: sql`excluded.name` },
    });
  // The supplement adds codes GeoNames uses that ISO 3166-1 has not assigned (XK, Kosovo).
  const rows = [...readCsv("countries_iso_m49_es_pt_en.csv"), ...readCsv("countries_supplement.csv")];
  // CLDR's short forms ("Congo - Kinshasa", "RAE de Hong Kong (China)") read badly in a list.
  const overrides = new Map(readCsv("country_name_overrides.csv").map((o) => [o.iso2!, o]));
  await db
    .insert(countries)
    .values(
      rows.map((r) => ({
        code: r.iso2!,
        iso3: r.iso3!,
        isoNumeric: r.iso_numeric || null,
        // Brazilian Portuguese: most Portuguese-speaking members of the seed networks are Brazilian.
        name: overrides.has(r.iso2!)
          ? { es: overrides.get(r.iso2!)!.name_es!, pt: overrides.get(r.iso2!)!.name_pt!, en: overrides.get(r.iso2!)!.name_en! }
          : { es: r.name_es!, pt: r.name_pt_BR || r.name_pt_PT!, en: r.name_en! },
        regionCode: r.m49_region_code || null,
        subregionCode: r.m49_subregion_code || null,
        intermediateRegionCode: r.m49_intermediate_region_code || null,
        capital: r.capital || null,
        population: r.population_geonames ? Number(r.population_geonames) : null,
        languages: r.languages || null,
      })),
    )
    .onConflictDoUpdate({
      target: countries.code,
      set: {
        iso3: sql`excluded.iso3`,
        isoNumeric: sql`excluded.iso_numeric`,
        name: sql`excluded.name`,
        regionCode: sql`excluded.region_code`,
        subregionCode: sql`excluded.subregion_code`,
        intermediateRegionCode: sql`excluded.intermediate_region_code`,
        capital: sql`excluded.capital`,
        population: sql`excluded.population`,
        languages: sql`excluded.languages`,
      },
    });
}

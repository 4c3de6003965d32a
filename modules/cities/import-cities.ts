import { inArray, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { type CityRow, parseCityCsv, type RowError, searchNamesOf } from "./city-csv.ts";
import { cities, cityNames, countries } from "./schema.ts";

export interface ImportCitiesInput {
  csv: string;
  /** Validate every row and report, importing nothing. */
  dryRun?: boolean;
}

export interface ImportCitiesResult {
  /** Rows read (valid or not). */
  rows: number;
  valid: number;
  errors: RowError[];
  /** Rows written: 0 on a dry run or when any row is bad (an import is all or nothing). */
  imported: number;
}

const BATCH = 500;

/** Imports or updates cities from CSV, matched on their GeoNames id. All rows or none. */
export async function importCities(db: Database, input: ImportCitiesInput): Promise<ImportCitiesResult> {
  const { rows, errors } = parseCityCsv(input.csv);
  const knownCountries = new Set((await db.select({ code: countries.code }).from(countries)).map((c) => c.code));
  const valid: CityRow[] = [];
  for (const row of rows) {
    if (knownCountries.has(row.country_code)) valid.push(row);
    else errors.push({ line: row.line, field: "country_code", message: `unknown country ${row.country_code}` });
  }
  errors.sort((a, b) => a.line - b.line);
  const total = rows.length + new Set(errors.filter((e) => e.field !== "country_code").map((e) => e.line)).size;
  if (input.dryRun || errors.length > 0) return { rows: total, valid: valid.length, errors, imported: 0 };
  await db.transaction(async (tx) => {
    for (let i = 0; i < valid.length; i += BATCH) await writeBatch(tx as unknown as Database, valid.slice(i, i + BATCH));
    const touched = [...new Set(valid.map((r) => r.country_code))];
    await tx
      .update(countries)
      .set({ cityCount: sql`(select count(*) from ${cities} where ${cities.countryCode} = ${countries.code})` })
      .where(inArray(countries.code, touched));
  });
  return { rows: total, valid: valid.length, errors, imported: valid.length };
}

async function writeBatch(db: Database, batch: CityRow[]): Promise<void> {
  await db
    .insert(cities)
    .values(
      batch.map((r) => ({
        id: r.geonameid,
        name: r.name,
        asciiName: r.asciiname ?? r.name,
        names: { ...(r.name_es && { es: r.name_es }), ...(r.name_pt && { pt: r.name_pt }), ...(r.name_en && { en: r.name_en }) },
        countryCode: r.country_code,
        admin1Code: r.admin1_code ?? null,
        admin1Name: r.admin1_name ?? null,
        population: r.population,
        latitude: r.latitude,
        longitude: r.longitude,
        timezone: r.timezone,
        wikidataId: r.wikidata_id ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: cities.id,
      set: {
        name: sql`excluded.name`,
        asciiName: sql`excluded.ascii_name`,
        names: sql`excluded.names`,
        countryCode: sql`excluded.country_code`,
        admin1Code: sql`excluded.admin1_code`,
        admin1Name: sql`excluded.admin1_name`,
        population: sql`excluded.population`,
        latitude: sql`excluded.latitude`,
        longitude: sql`excluded.longitude`,
        timezone: sql`excluded.timezone`,
        wikidataId: sql`excluded.wikidata_id`,
      },
    });
  const ids = batch.map((r) => r.geonameid);
  await db.delete(cityNames).where(inArray(cityNames.cityId, ids));
  const names = JSON.stringify(batch.map((r) => ({ id: r.geonameid, ...searchNamesOf(r) })));
  // Names are folded by the same SQL function the search uses, so both always agree. Each
  // name's word tails are added too (weights: see cityNameWeights).
  await db.execute(sql`
    insert into city_names (city_id, name_norm, weight)
    with full_names as (
      select (e->>'id')::int as city_id, pares_normalize(x.name) as name_norm, x.weight
      from jsonb_array_elements(${names}::jsonb) as e,
      lateral (
        select jsonb_array_elements_text(e->'primary') as name, 0 as weight
        union all
        select jsonb_array_elements_text(e->'alternate'), 1
      ) as x
    ),
    tails as (
      select city_id, array_to_string(words[i:], ' ') as name_norm, weight + 2 as weight
      from (select city_id, string_to_array(name_norm, ' ') as words, weight from full_names) as split,
           generate_series(2, coalesce(array_length(words, 1), 0)) as i
      where length(words[i]) >= 3
    )
    select city_id, name_norm, min(weight)
    from (select * from full_names union all select * from tails) as all_names
    where name_norm <> ''
    group by city_id, name_norm`);
}

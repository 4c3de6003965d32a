import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, withIndexScans } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { searchCitiesInput, type SearchCitiesInput } from "./inputs.ts";

export interface CitySummary {
  id: number;
  name: string;
  /** The official (GeoNames) name, when the localized one differs. */
  officialName: string;
  countryCode: string;
  countryName: string;
  admin1Name: string | null;
  population: number;
  latitude: number;
  longitude: number;
  timezone: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

interface Row extends Record<string, unknown> {
  id: number;
  name: string;
  names: Translated;
  country_code: string;
  country_name: Translated;
  admin1_name: string | null;
  population: number;
  latitude: number;
  longitude: number;
  timezone: string;
  total: number | string;
}

/**
 * The public city directory: by any of a city's names or the start of any of their words
 * (accent- and case-insensitive), filtered by country and UN M49 region, best match first.
 * When no name starts that way, it searches again tolerating typos (trigram similarity).
 */
export async function searchCities(ctx: ServiceContext, raw: SearchCitiesInput, locale: Locale): Promise<Page<CitySummary>> {
  const input = searchCitiesInput.parse(raw);
  const offset = (input.page - 1) * input.pageSize;
  let rows: Row[] = [];
  let total = 0;
  // Each tier runs only when the one before found nothing: a city's own names, then its other
  // (historical, local) names, then names like the text.
  for (const mode of hasSearchText(input.q) ? searchTiers : (["prefix"] as const)) {
    rows = await runCitySearch(ctx, buildCitySearch(input, mode));
    total = rows.length > 0 ? Number(rows[0]!.total) : offset > 0 ? await countOnly(ctx, raw, locale) : 0;
    if (total > 0) break;
  }
  return {
    items: rows.map((r) => toSummary(r, locale)),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

const hasSearchText = (q: string | undefined): q is string => !!q && /[\p{L}\p{N}]/u.test(q);

export type CitySearchMode = "prefix" | "prefix-any-name" | "similar";
export const searchTiers: readonly CitySearchMode[] = ["prefix", "prefix-any-name", "similar"];

export interface CitySearchQuery {
  sql: SQL;
  /** Trigram queries need the planner steered to their index (see withIndexScans). */
  usesTrigrams: boolean;
}

/** How alike a typed word and a name's word must be (pg_trgm's default, 0.6, misses "bogata"). */
const WORD_SIMILARITY_THRESHOLD = 0.4;

export function runCitySearch(ctx: ServiceContext, query: CitySearchQuery) {
  if (!query.usesTrigrams) return queryRows<Row>(ctx.db, query.sql);
  return withIndexScans(ctx.db, async (tx) => {
    await tx.execute(sql.raw(`set local pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`));
    return queryRows<Row>(tx, query.sql);
  });
}

/**
 * The SQL behind a directory search, exported so benchmarks time exactly this query.
 * "prefix": primary names (or their word tails) starting with the text, on the btree index.
 * "prefix-any-name": the same over alternate names too.
 * "similar": primary names with a part similar to the text (pg_trgm word similarity), on the
 * trigram index. One operator only: with an OR of two the planner skips the index's condition.
 */
export function buildCitySearch(input: z.output<typeof searchCitiesInput>, mode: CitySearchMode): CitySearchQuery {
  const offset = (input.page - 1) * input.pageSize;
  // Filters on the country (alias co), which every city row joins.
  const countryFilters = (co: SQL) => {
    const filters = [sql`true`];
    if (input.country) filters.push(sql`${co}.code = ${input.country}`);
    if (input.region)
      filters.push(
        sql`(${co}.region_code = ${input.region} or ${co}.subregion_code = ${input.region} or ${co}.intermediate_region_code = ${input.region})`,
      );
    return sql.join(filters, sql` and `);
  };
  const where = countryFilters(sql.raw("co"));
  const columns = sql`c.id, c.name, c.names, c.country_code, co.name as country_name, c.admin1_name, c.population,
               c.latitude, c.longitude, c.timezone`;
  const select = sql`select ${columns}, count(*) over () as total`;
  if (!hasSearchText(input.q)) {
    // Without a text, the total is the sum of the countries' city counts: no need to count rows.
    return {
      usesTrigrams: false,
      sql: sql`select ${columns},
               (select coalesce(sum(co2.city_count), 0) from countries co2 where ${countryFilters(sql.raw("co2"))}) as total
        from cities c
        join countries co on co.code = c.country_code
        where ${where}
        order by c.population desc, c.id
        limit ${input.pageSize} offset ${offset}`,
    };
  }
  // pares_normalize is IMMUTABLE: with a constant argument the planner folds it (and the LIKE
  // pattern built from it) to a constant, so the indexes serve the conditions. Punctuation,
  // and so LIKE's % and _, is folded away.
  const folded = sql`pares_normalize(${input.q})`;
  const matches =
    mode !== "similar"
      ? sql`
          select n.city_id,
                 max(case when n.name_norm = ${folded} and n.weight < 2 then 3
                          when n.weight < 2 then 2
                          else 1 end - (n.weight % 2) * 0.5) as class,
                 0 as score
          from city_names n
          where n.name_norm like ${folded} || '%' ${mode === "prefix" ? sql`and n.weight in (0, 2)` : sql``}
          group by n.city_id`
      : sql`
          select n.city_id, 0 as class,
                 max(word_similarity(${folded}, n.name_norm) + similarity(n.name_norm, ${folded}) / 4) as score
          from city_names n
          where n.weight = 0 and ${folded} <% n.name_norm
          group by n.city_id`;
  return {
    usesTrigrams: mode === "similar",
    sql: sql`
        with matches as (${matches})
        ${select}
        from matches m
        join cities c on c.id = m.city_id
        join countries co on co.code = c.country_code
        where ${where}
        -- Among names about as similar, people mostly mean the larger city: a tenfold population
        -- counts as 0.1 of similarity.
        order by m.class desc, m.score + log(greatest(c.population, 1)) / 10 desc, c.population desc, c.id
        limit ${input.pageSize} offset ${offset}`,
  };
}

/** A page past the end has no rows to carry the total: ask page 1 for it. */
async function countOnly(ctx: ServiceContext, raw: SearchCitiesInput, locale: Locale): Promise<number> {
  return (await searchCities(ctx, { ...raw, page: 1, pageSize: 1 }, locale)).total;
}

function toSummary(r: Row, locale: Locale): CitySummary {
  return {
    id: r.id,
    name: r.names[locale] ?? r.name,
    officialName: r.name,
    countryCode: r.country_code,
    countryName: localizedText(r.country_name, locale, "en"),
    admin1Name: r.admin1_name,
    population: r.population,
    latitude: r.latitude,
    longitude: r.longitude,
    timezone: r.timezone,
  };
}

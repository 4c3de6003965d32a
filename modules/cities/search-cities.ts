import { sql } from "drizzle-orm";
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
 * The public city directory: by any of a city's names (accent- and case-insensitive, tolerant
 * of typos through trigram similarity), filtered by country and UN M49 region, best match first.
 */
export async function searchCities(ctx: ServiceContext, raw: SearchCitiesInput, locale: Locale): Promise<Page<CitySummary>> {
  const input = searchCitiesInput.parse(raw);
  const offset = (input.page - 1) * input.pageSize;
  const filters = [sql`true`];
  if (input.country) filters.push(sql`c.country_code = ${input.country}`);
  if (input.region)
    filters.push(
      sql`(co.region_code = ${input.region} or co.subregion_code = ${input.region} or co.intermediate_region_code = ${input.region})`,
    );
  const where = sql.join(filters, sql` and `);
  const q = input.q?.trim();
  // pares_normalize is IMMUTABLE: with a constant argument the planner folds it once, so the
  // trigram index serves every condition. Punctuation (and so LIKE's % and _) is folded away.
  const folded = sql`pares_normalize(${q ?? ""})`;
  const rows = q && /[\p{L}\p{N}]/u.test(q)
    ? await withIndexScans(ctx.db, (tx) => queryRows<Row>(tx, sql`
        with matches as (
          select n.city_id,
                 max(case when n.name_norm = ${folded} then 3
                          when n.name_norm like ${folded} || '%' then 2
                          else 0 end - n.weight * 0.5) as class,
                 max(greatest(similarity(n.name_norm, ${folded}), word_similarity(${folded}, n.name_norm))) as score
          from city_names n
          where n.name_norm % ${folded} or ${folded} <% n.name_norm or n.name_norm like ${folded} || '%'
          group by n.city_id
        )
        select c.id, c.name, c.names, c.country_code, co.name as country_name, c.admin1_name, c.population,
               c.latitude, c.longitude, c.timezone, count(*) over () as total
        from matches m
        join cities c on c.id = m.city_id
        join countries co on co.code = c.country_code
        where ${where}
        order by m.class desc, m.score desc, c.population desc, c.id
        limit ${input.pageSize} offset ${offset}`))
    : await queryRows<Row>(ctx.db, sql`
        select c.id, c.name, c.names, c.country_code, co.name as country_name, c.admin1_name, c.population,
               c.latitude, c.longitude, c.timezone, count(*) over () as total
        from cities c
        join countries co on co.code = c.country_code
        where ${where}
        order by c.population desc, c.id
        limit ${input.pageSize} offset ${offset}`);
  const total = rows.length > 0 ? Number(rows[0]!.total) : offset > 0 ? await countOnly(ctx, raw, locale) : 0;
  return {
    items: rows.map((r) => toSummary(r, locale)),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
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

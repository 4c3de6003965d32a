import { type SQL, sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { type PreparedQuery, pgArray, prepareQuery, queryColumns, rankExpression } from "../../platform/search/prepare-query.ts";
import { parseOrThrow } from "./create-practice.ts";
import { sdgGoalNames, themeNames } from "./describe.ts";
import { type SearchPracticesInput, searchPracticesInput } from "./inputs.ts";

export interface PracticeHit {
  slug: string;
  title: string;
  /** The summary, or the passage that matched, with matches between U+E000 and U+E001. */
  snippet: string;
  /** The language of the snippet: the summary may not be translated yet when the title is. */
  snippetLanguage: Locale;
  language: Locale;
  fallback: boolean;
  originalLanguage: Locale;
  organization: { slug: string; name: string } | null;
  network: { slug: string; name: string } | null;
  city: string | null;
  country: { code: string; name: string } | null;
  themeIds: string[];
  sdgGoals: number[];
  year: number | null;
  observatory: boolean;
  sourceUrl: string | null;
  publishedAt: Date;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export const facetNames = ["theme", "sdg", "country", "region", "population", "year", "language", "network", "observatory"] as const;
export type FacetName = (typeof facetNames)[number];

export interface PracticeSearchResult {
  total: number;
  page: number;
  pageSize: number;
  sort: "relevance" | "newest";
  items: PracticeHit[];
  facets: Record<FacetName, FacetValue[]>;
  /** Words the search corrected (typos): "Showing results for …". */
  corrections: { typed: string; searched: string }[];
  /** With view=map: where the results are (at most 1000). */
  map: { slug: string; title: string; latitude: number; longitude: number }[] | null;
}

/**
 * With fewer practices than this having every word of a query, the search finds those having
 * any word, ranked by how many they have. A constant, not the page size: the results of a search
 * must not depend on how many are shown at once. (bench/search-quality.ts measures the same rule.)
 */
export const everyWordThreshold = 20;

/** The text search, the filters and the sort of published practices, as SQL pieces. */
export interface SearchPlan {
  prepared: PreparedQuery | null;
  /** `with q as (…)` when there are words; empty otherwise. */
  with: SQL;
  from: SQL;
  where: SQL;
  rank: SQL;
}

/**
 * The search as SQL. `match`: "every" word (in one of its forms) first; "any" when that finds
 * fewer than `everyWordThreshold` practices, ranked by how many words each document matches.
 */
export async function planSearch(
  ctx: ServiceContext,
  input: ReturnType<typeof searchPracticesInput.parse>,
  match: "every" | "any" = "every",
  known?: PreparedQuery | null,
): Promise<SearchPlan> {
  const prepared = known !== undefined ? known : input.q ? await prepareQuery(ctx.db, input.q) : null;
  const filters: SQL[] = [];
  if (prepared) {
    const words = match === "every" ? sql`s.document @@ q.every` : sql`s.document @@ q.query`;
    // A single word naming a theme also finds the practices of that theme, in any language.
    const bridge = prepared.themes.length > 0 && prepared.groups.length === 1 ? sql`s.theme_ids && ${pgArray(prepared.themes)}::text[]` : null;
    filters.push(bridge ? sql`(${words} or ${bridge})` : words);
  }
  if (input.theme?.length) filters.push(sql`s.theme_ids @> ${pgArray(input.theme)}::text[]`);
  if (input.sdg?.length) filters.push(sql`s.sdg_goals @> ${`{${input.sdg.join(",")}}`}::smallint[]`);
  if (input.country) filters.push(sql`s.country_code = ${input.country}`);
  if (input.region) {
    filters.push(sql`s.country_code in (select code from countries where ${input.region} in (region_code, subregion_code, intermediate_region_code))`);
  }
  if (input.population) filters.push(sql`s.population_band = ${input.population}`);
  if (input.year) filters.push(sql`s.year = ${input.year}`);
  if (input.language) filters.push(sql`${input.language} = any(s.languages)`);
  if (input.network) filters.push(sql`s.network_id = (select id from networks where slug = ${input.network})`);
  if (input.observatory) filters.push(sql`s.observatory = ${input.observatory === "yes"}`);
  if (input.catalogue) filters.push(sql`s.catalogue = ${input.catalogue === "yes"}`);
  return {
    prepared,
    with: prepared ? sql`with q as (select ${queryColumns(prepared)}), ` : sql`with `,
    from: prepared ? sql`practice_search s, q` : sql`practice_search s`,
    where: filters.length > 0 ? sql.join(filters, sql` and `) : sql`true`,
    rank: prepared
      ? rankExpression(prepared, sql`s.document`, sql`s.theme_ids`, sql`s.sdg_goals`, { everyMatched: match === "every" && prepared.groups.length > 1 })
      : sql`0`,
  };
}

/**
 * Searches the published practices of every bank (and the catalogue): words in any of the three
 * languages, typos tolerated, filters that must all hold, counts per facet value under the
 * current filters, relevance or newest first, snippets with the matched words marked.
 */
export async function searchPractices(ctx: ServiceContext, raw: SearchPracticesInput, locale: Locale): Promise<PracticeSearchResult> {
  const input = parseOrThrow(searchPracticesInput, raw);
  let plan = await planSearch(ctx, input);
  const sort = plan.prepared && input.sort === "relevance" ? "relevance" : "newest";
  const order = sort === "relevance" ? sql`m.rank desc, m.published_at desc, m.practice_id` : sql`m.published_at desc, m.practice_id`;
  const offset = (input.page - 1) * input.pageSize;
  // Counting facets needs no rank: ranking every match is most of a broad search's time.
  const matches = (ranked = true) => sql`${plan.with} m as materialized (
      select s.practice_id, s.published_at, s.theme_ids, s.sdg_goals, s.country_code, s.region_code, s.population_band,
             s.year, s.languages, s.network_id, s.observatory, ${ranked ? plan.rank : sql`0`} as rank
      from ${plan.from} where ${plan.where})`;

  let rows = await loadHits(ctx, matches(), order, input.pageSize, offset, locale, plan.prepared !== null);
  // Few practices with every word: the search continues with those that have most of them
  // (ranking puts those with every word first, so nothing found is lost). The threshold is fixed,
  // so the list, the API, the CSV and the map find the same practices whatever their page size.
  const fewer = async () => (rows[0]?.total ?? (offset > 0 ? await countMatches(ctx, matches(false)) : 0)) < everyWordThreshold;
  if (plan.prepared && plan.prepared.groups.length > 1 && (await fewer())) {
    plan = await planSearch(ctx, input, "any", plan.prepared);
    rows = await loadHits(ctx, matches(), order, input.pageSize, offset, locale, true);
  }

  const facetRows = await queryRows<{ facet: FacetName; value: string; count: number }>(
    ctx.db,
    sql`${matches(false)}
        select 'theme' as facet, x as value, count(*)::int as count from m, unnest(m.theme_ids) x group by x
        union all select 'sdg', x::text, count(*)::int from m, unnest(m.sdg_goals) x group by x
        union all select 'country', m.country_code, count(*)::int from m where m.country_code is not null group by m.country_code
        union all select 'region', m.region_code, count(*)::int from m where m.region_code is not null group by m.region_code
        union all select 'population', m.population_band, count(*)::int from m where m.population_band is not null group by m.population_band
        union all select 'year', m.year::text, count(*)::int from m where m.year is not null group by m.year
        union all select 'language', x, count(*)::int from m, unnest(m.languages) x group by x
        union all select 'network', n.slug, count(*)::int from m join networks n on n.id = m.network_id group by n.slug
        union all select 'observatory', case when m.observatory then 'yes' else 'no' end, count(*)::int from m group by m.observatory`,
  );
  const total = rows[0]?.total ?? (offset > 0 ? await countMatches(ctx, matches(false)) : 0);
  const facets = await labelFacets(ctx, facetRows, input, locale);

  let map: PracticeSearchResult["map"] = null;
  if (input.view === "map") {
    map = (
      await queryRows<{ slug: string; title: string; latitude: number; longitude: number }>(
        ctx.db,
        sql`${matches()}
            select p.slug, coalesce(nullif(v.content -> 'texts' -> ${locale} ->> 'title', ''), v.content -> 'texts' -> v.original_language ->> 'title') as title,
                   s.latitude, s.longitude
            from m join practice_search s on s.practice_id = m.practice_id
            join practices p on p.id = m.practice_id join practice_versions v on v.id = p.published_version_id
            where s.latitude is not null order by ${order} limit 1000`,
      )
    ).map((r) => ({ ...r, latitude: Number(r.latitude), longitude: Number(r.longitude) }));
  }

  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    sort,
    items: rows.map((r) => toHit(r, locale)),
    facets,
    corrections: (plan.prepared?.groups ?? []).flatMap((g) => (g.correctedTo ? [{ typed: g.word, searched: g.correctedTo }] : [])),
    map,
  };
}

async function countMatches(ctx: ServiceContext, matches: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.db, sql`${matches} select count(*)::int as n from m`);
  return row?.n ?? 0;
}

async function labelFacets(
  ctx: ServiceContext,
  rows: { facet: FacetName; value: string; count: number }[],
  input: ReturnType<typeof searchPracticesInput.parse>,
  locale: Locale,
): Promise<Record<FacetName, FacetValue[]>> {
  const by = (facet: FacetName) => rows.filter((r) => r.facet === facet);
  const themes = new Map((await themeNames(ctx.db, by("theme").map((r) => r.value), locale)).map((t) => [t.id, t.name]));
  const goals = new Map((await sdgGoalNames(ctx.db, by("sdg").map((r) => Number(r.value)), locale)).map((g) => [String(g.goal), `${g.goal}. ${g.name}`]));
  const codes = [...by("country").map((r) => r.value), ...by("region").map((r) => r.value)];
  const places = new Map<string, string>();
  if (codes.length > 0) {
    for (const r of await queryRows<{ code: string; name: Translated }>(
      ctx.db,
      sql`select code, name from countries where code = any(${pgArray(codes)}::text[])
          union all select code, name from world_regions where code = any(${pgArray(codes)}::text[])`,
    ))
      places.set(r.code, localizedText(r.name, locale));
  }
  const networkNames = new Map<string, string>();
  const nets = by("network").map((r) => r.value);
  if (nets.length > 0) {
    for (const r of await queryRows<{ slug: string; name: string; names: Translated | null }>(
      ctx.db,
      sql`select slug, name, names from networks where slug = any(${pgArray(nets)}::text[])`,
    ))
      networkNames.set(r.slug, r.names?.[locale] ?? r.name);
  }
  const selected: Record<FacetName, string[]> = {
    theme: input.theme ?? [],
    sdg: (input.sdg ?? []).map(String),
    country: input.country ? [input.country] : [],
    region: input.region ? [input.region] : [],
    population: input.population ? [input.population] : [],
    year: input.year ? [String(input.year)] : [],
    language: input.language ? [input.language] : [],
    network: input.network ? [input.network] : [],
    observatory: input.observatory ? [input.observatory] : [],
  };
  const label = (facet: FacetName, value: string): string => {
    switch (facet) {
      case "theme": return themes.get(value) ?? value;
      case "sdg": return goals.get(value) ?? value;
      case "country": case "region": return places.get(value) ?? value;
      case "network": return networkNames.get(value) ?? value;
      default: return value;
    }
  };
  const order = (facet: FacetName, a: FacetValue, b: FacetValue) =>
    facet === "sdg" ? Number(a.value) - Number(b.value) : facet === "year" ? Number(b.value) - Number(a.value) : b.count - a.count || a.label.localeCompare(b.label, locale);
  return Object.fromEntries(
    facetNames.map((facet) => [
      facet,
      by(facet)
        .map((r) => ({ value: r.value, label: label(facet, r.value), count: Number(r.count), selected: selected[facet].includes(r.value) }))
        .sort((a, b) => order(facet, a, b)),
    ]),
  ) as Record<FacetName, FacetValue[]>;
}

/** Between the passages of a snippet (ts_headline's FragmentDelimiter). */
const fragmentDelimiter = " … ";

/**
 * The snippet with "…" where it cuts the summary: before a first passage that does not open the
 * summary, after a last one that does not close it (between passages there is one already).
 */
export function markCuts(snippet: string, summary: string): string {
  const plain = (text: string) => text.replace(/[\uE000\uE001]/g, "").replace(/\s+/g, " ").trim();
  const whole = plain(summary);
  const passages = snippet.split(fragmentDelimiter);
  if (snippet.trim() === "" || whole === "" || plain(snippet) === whole) return snippet;
  const first = plain(passages[0]!);
  const last = plain(passages[passages.length - 1]!);
  const before = first !== "" && !whole.startsWith(first) ? "… " : "";
  const after = last !== "" && !whole.endsWith(last) ? " …" : "";
  return `${before}${snippet.trim()}${after}`;
}

type HitRow = {
  slug: string; lang: Locale; snippet_lang: Locale; original_language: Locale; title: string | null; snippet: string; summary: string; org_slug: string | null; org_name: string | null;
  net_slug: string | null; net_name: string | null; net_names: Translated | null; city_name: string | null; city_names: Translated | null;
  country_code: string | null; country_name: Translated | null; theme_ids: string[]; sdg_goals: number[]; year: number | null;
  observatory: boolean; source_url: string | null; published_at: Date | string; total: number;
};

/**
 * A page of hits from `matches` (SQL ending in a CTE `m` of practice_search rows with a `rank`;
 * with `withQuery`, also a CTE `q` whose `query` marks the snippet's matched words).
 */
export async function loadHits(ctx: ServiceContext, matches: SQL, order: SQL, limit: number, offset: number, locale: Locale, withQuery: boolean): Promise<HitRow[]> {
  const headline = withQuery
    ? sql`ts_headline(('pares_' || t.snippet_lang)::regconfig, coalesce(t.texts -> t.snippet_lang ->> 'summary', ''), q.query,
          'StartSel=${sql.raw("\uE000")}, StopSel=${sql.raw("\uE001")}, MaxWords=40, MinWords=18, MaxFragments=2, FragmentDelimiter="${sql.raw(fragmentDelimiter)}"')`
    : sql`coalesce(t.texts -> t.snippet_lang ->> 'summary', '')`;
  return queryRows<HitRow>(
    ctx.db,
    sql`${matches},
        page as (select m.*, count(*) over () as total from m order by ${order} limit ${limit} offset ${offset})
        select p.slug, t.lang, t.snippet_lang, p.original_language, t.texts -> t.lang ->> 'title' as title, ${headline} as snippet, coalesce(t.texts -> t.snippet_lang ->> 'summary', '') as summary,
               o.slug as org_slug, o.name as org_name, n.slug as net_slug, n.name as net_name, n.names as net_names,
               ci.name as city_name, ci.names as city_names, p.country_code, co.name as country_name,
               m.theme_ids, m.sdg_goals, m.year, m.observatory, p.source_url, m.published_at, m.total::int as total
        from page m
        join practices p on p.id = m.practice_id
        join practice_versions v on v.id = p.published_version_id
        cross join lateral (select v.content -> 'texts' as texts, l.lang,
                                   -- A translation without a summary yet: the original's, marked by its language.
                                   case when coalesce(v.content -> 'texts' -> l.lang ->> 'summary', '') <> '' then l.lang else v.original_language end as snippet_lang
                            from (select case when coalesce(v.content -> 'texts' -> ${locale} ->> 'title', '') <> '' then ${locale}::text
                                              else v.original_language end as lang) l) t
        ${withQuery ? sql`cross join q` : sql``}
        left join organizations o on o.id = p.organization_id
        left join networks n on n.id = p.network_id
        left join cities ci on ci.id = p.city_id
        left join countries co on co.code = p.country_code
        order by ${order}`,
  );
}

export function toHit(r: HitRow, locale: Locale): PracticeHit {
  return {
    slug: r.slug,
    title: r.title ?? "",
    snippet: markCuts(r.snippet, r.summary),
    snippetLanguage: r.snippet_lang,
    language: r.lang,
    fallback: r.lang !== locale,
    originalLanguage: r.original_language,
    organization: r.org_slug ? { slug: r.org_slug, name: r.org_name ?? "" } : null,
    network: r.net_slug ? { slug: r.net_slug, name: r.net_names?.[locale] ?? r.net_name ?? "" } : null,
    city: r.city_name ? (r.city_names?.[locale] ?? r.city_name) : null,
    country: r.country_code && r.country_name ? { code: r.country_code, name: localizedText(r.country_name, locale) } : null,
    themeIds: r.theme_ids,
    sdgGoals: r.sdg_goals.map(Number),
    year: r.year,
    observatory: r.observatory,
    sourceUrl: r.source_url,
    publishedAt: new Date(r.published_at),
  };
}

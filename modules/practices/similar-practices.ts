import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { pgArray, prepareQuery, queryColumns, queryWords, rankExpression } from "../../platform/search/prepare-query.ts";
import { loadHits, type PracticeHit, toHit } from "./search-practices.ts";

/**
 * "More like this": published practices sharing the distinctive words of this one's title and
 * summary (in any language, through the same query expansion as search) and its themes and SDG
 * goals. Nothing for a practice the public cannot read.
 */
export async function similarPractices(ctx: ServiceContext, slug: string, locale: Locale, limit = 5): Promise<PracticeHit[]> {
  const [source] = await queryRows<{ id: string; title: string; summary: string; theme_ids: string[]; sdg_goals: number[] }>(
    ctx.db,
    sql`select p.id, coalesce(v.content -> 'texts' -> v.original_language ->> 'title', '') as title,
               coalesce(v.content -> 'texts' -> v.original_language ->> 'summary', '') as summary, s.theme_ids, s.sdg_goals
        from practices p join practice_search s on s.practice_id = p.id join practice_versions v on v.id = p.published_version_id
        where p.slug = ${slug}`,
  );
  if (!source) return [];
  // The longer words first: they carry the subject; short ones are mostly function words.
  const words = [...new Set([...queryWords(source.title), ...queryWords(source.summary)])].filter((w) => w.length >= 5 && !/\d/.test(w));
  const chosen = words.sort((a, b) => b.length - a.length).slice(0, 8);
  const prepared = chosen.length > 0 ? await prepareQuery(ctx.db, chosen.join(" ")) : null;
  const themes = pgArray(source.theme_ids);
  const goals = `{${source.sdg_goals.join(",")}}`;
  const shared = sql`(cardinality(array(select unnest(s.theme_ids) intersect select unnest(${themes}::text[]))) * 0.4
                     + cardinality(array(select unnest(s.sdg_goals) intersect select unnest(${goals}::smallint[]))) * 0.2)`;
  const matches = prepared
    ? sql`with q as (select ${queryColumns(prepared)}), m as materialized (
            select s.practice_id, s.published_at, s.theme_ids, s.sdg_goals, s.year, s.observatory,
                   ${rankExpression({ ...prepared, themes: [], sdgGoals: [] }, sql`s.document`, sql`s.theme_ids`, sql`s.sdg_goals`)} + ${shared} as rank
            from practice_search s, q
            where s.practice_id <> ${source.id} and (s.document @@ q.query or s.theme_ids && ${themes}::text[]))`
    : sql`with m as materialized (
            select s.practice_id, s.published_at, s.theme_ids, s.sdg_goals, s.year, s.observatory, ${shared} as rank
            from practice_search s where s.practice_id <> ${source.id} and s.theme_ids && ${themes}::text[])`;
  const rows = await loadHits(ctx, matches, sql`m.rank desc, m.published_at desc, m.practice_id`, limit, 0, locale, prepared !== null);
  return rows.map((r) => toHit(r, locale));
}

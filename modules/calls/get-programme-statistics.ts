import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { findProgramme } from "./find.ts";

export type StatisticRow = {
  key: string;
  projects: number;
  awardedCents: number;
};

export interface ProgrammeStatistics {
  currency: string;
  projects: number;
  awardedCents: number;
  /** The counterparts of the awarded projects' budgets, in cash and in kind. */
  counterpartCents: number;
  /** Cities (local governments) that lead or partner an awarded project. */
  cities: number;
  organizations: number;
  byYear: StatisticRow[];
  /** The lead's country. */
  byCountry: StatisticRow[];
  /** A project with two themes counts in both. */
  byTheme: StatisticRow[];
  byModality: StatisticRow[];
}

/** The awarded applications of a programme's calls whose results are published (the public figures). */
const awarded = (programmeId: string) => sql`
  select a.id, a.lead_organization_id, a.theme_ids, a.modality, c.currency, c.closes_at, d.awarded_cents
  from applications a join calls c on c.id = a.call_id join application_decisions d on d.application_id = a.id
  where c.programme_id = ${programmeId} and c.results_published_at is not null and a.status = 'awarded'`;

export async function programmeStatistics(db: Database, programmeId: string): Promise<ProgrammeStatistics> {
  const grouped = (key: ReturnType<typeof sql>, from = sql`w`) =>
    queryRows<StatisticRow>(
      db,
      sql`with w as (${awarded(programmeId)})
          select ${key} as key, count(distinct w.id)::int as projects, sum(w.awarded_cents)::float8 as "awardedCents"
          from ${from} group by 1 order by 3 desc, 1`,
    );
  const [totals] = await queryRows<{ currency: string | null; projects: number; awarded: number; counterpart: number; cities: number; organizations: number }>(
    db,
    sql`with w as (${awarded(programmeId)}),
        involved as (select lead_organization_id as id from w union select p.organization_id from application_partners p join w on w.id = p.application_id where p.status = 'confirmed')
        select min(w.currency) as currency, count(*)::int as projects, coalesce(sum(w.awarded_cents), 0)::float8 as awarded,
               coalesce((select sum(b.counterpart_cash_cents + b.counterpart_in_kind_cents) from application_budget_lines b where b.application_id in (select id from w)), 0)::float8 as counterpart,
               (select count(*) from involved i join organizations o on o.id = i.id where o.kind = 'local_government')::int as cities,
               (select count(*) from involved)::int as organizations
        from w`,
  );
  return {
    currency: totals?.currency ?? "USD",
    projects: totals?.projects ?? 0,
    awardedCents: totals?.awarded ?? 0,
    counterpartCents: totals?.counterpart ?? 0,
    cities: totals?.cities ?? 0,
    organizations: totals?.organizations ?? 0,
    byYear: await grouped(sql`extract(year from w.closes_at)::int::text`),
    byCountry: await grouped(sql`o.country_code`, sql`w join organizations o on o.id = w.lead_organization_id`),
    byTheme: await grouped(sql`t.theme`, sql`w cross join lateral unnest(w.theme_ids) as t(theme)`),
    byModality: await grouped(sql`coalesce(w.modality, 'unspecified')`),
  };
}

/** A programme's public figures: what was awarded per year, country, theme and modality, the counterpart mobilised, the cities involved. */
export async function getProgrammeStatistics(ctx: ServiceContext, networkSlug: string, programmeSlug: string): Promise<ProgrammeStatistics> {
  const programme = await findProgramme(ctx.db, networkSlug, programmeSlug);
  return programmeStatistics(ctx.db, programme.id);
}

/** The same figures as CSV (one row per dimension and key; amounts in the currency's units). */
export function statisticsCsv(stats: ProgrammeStatistics): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ["dimension,key,projects,awarded,currency"];
  lines.push(["total", "all", String(stats.projects), (stats.awardedCents / 100).toFixed(2), stats.currency].join(","));
  lines.push(["counterpart", "all", String(stats.projects), (stats.counterpartCents / 100).toFixed(2), stats.currency].join(","));
  for (const [dimension, rows] of [["year", stats.byYear], ["country", stats.byCountry], ["theme", stats.byTheme], ["modality", stats.byModality]] as const) {
    for (const r of rows) lines.push([dimension, quote(r.key), String(r.projects), (r.awardedCents / 100).toFixed(2), stats.currency].join(","));
  }
  return `${lines.join("\n")}\n`;
}

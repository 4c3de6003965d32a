import { sql, type SQL } from "drizzle-orm";
import { requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { parseOrThrow } from "./create-practice.ts";
import { type ModerationQueueInput, moderationQueueInput, queueFilters } from "./inputs.ts";
import type { VersionStatus } from "./schema.ts";

export interface QueueItem {
  slug: string;
  title: string;
  titleLanguage: string;
  organizationName: string | null;
  countryCode: string | null;
  networkSlug: string | null;
  networkName: string | null;
  status: VersionStatus;
  versionNumber: number;
  /** A published practice with an update under review. */
  update: boolean;
  observatory: boolean;
  hidden: boolean;
  submittedAt: Date | null;
  updatedAt: Date;
  openReports: number;
}

export interface ModerationQueue {
  items: QueueItem[];
  total: number;
  /** How many practices the actor moderates are in each state (reported: with open reports). */
  counts: Record<(typeof queueFilters)[number], number>;
  status: (typeof queueFilters)[number] | "waiting";
  page: number;
  pageSize: number;
}

/**
 * What the actor moderates, to answer: by default what waits for a moderator (submitted and in
 * review), or one state, or practices with open reports; filtered by network, theme and the
 * observatory flag, with counts per state. Secretariats see their networks' practices,
 * coordinators those carrying their units' themes, the observatory's partner the city–university
 * ones; administrators everything. Drafts are the authors' own and never listed.
 */
export async function listModerationQueue(ctx: ServiceContext, actor: Actor, raw: ModerationQueueInput, locale: Locale): Promise<ModerationQueue> {
  requireSignedIn(actor);
  const input = parseOrThrow(moderationQueueInput, raw);
  const arr = (values: Iterable<string>) => `{${[...values].join(",")}}`;
  const units = arr(actor.coordinatorOf);
  const networksRun = arr(actor.secretariatOf);
  const orgs = arr(actor.memberships.keys());
  // The versions' themes: their own and their axes'.
  const themesOf = sql`(array(select jsonb_array_elements_text(v.content->'themeIds'))
      || coalesce((select array_agg(t) from practice_axes a, unnest(a.theme_ids) t
                   where a.network_id = p.network_id and a.scope = 'bank'
                     and a.key in (select jsonb_array_elements_text(v.content->'axisKeys'))), '{}'))`;
  const observatoryOf = sql`exists (select 1 from jsonb_array_elements(v.content->'partners') e where e->>'kind' in ('university', 'university_association'))`;
  const moderated: SQL = actor.platformAdmin
    ? sql`true`
    : sql`(p.network_id = any(${networksRun}::uuid[])
          or exists (select 1 from network_bodies b where b.id = any(${units}::uuid[]) and b.network_id = p.network_id and b.theme_ids && ${themesOf})
          or (${observatoryOf} and exists (select 1 from practice_observatories o where o.network_id = p.network_id and o.partner_organization_id = any(${orgs}::uuid[]))))`;
  const filters: SQL[] = [sql`p.status <> 'draft'`, moderated];
  if (input.network) filters.push(sql`n.slug = ${input.network}`);
  if (input.theme) filters.push(sql`${input.theme} = any(${themesOf})`);
  if (input.observatory) filters.push(input.observatory === "yes" ? observatoryOf : sql`not ${observatoryOf}`);
  const base = sql`from practices p
      join practice_versions v on v.id = p.current_version_id
      left join networks n on n.id = p.network_id
      left join organizations o on o.id = p.organization_id
      where ${sql.join(filters, sql` and `)}`;
  const reports = sql`(select count(*)::int from practice_reports r where r.practice_id = p.id and r.status = 'open')`;
  const status = input.status ?? "waiting";
  const stateFilter =
    status === "waiting" ? sql`p.status in ('submitted', 'in_review')` : status === "reported" ? sql`${reports} > 0` : sql`p.status = ${status}`;
  const [countRow] = await queryRows<Record<string, number>>(
    ctx.db,
    sql`select count(*) filter (where p.status = 'submitted')::int as submitted,
               count(*) filter (where p.status = 'in_review')::int as in_review,
               count(*) filter (where p.status = 'changes_requested')::int as changes_requested,
               count(*) filter (where p.status = 'declined')::int as declined,
               count(*) filter (where p.status = 'published')::int as published,
               count(*) filter (where ${reports} > 0)::int as reported,
               count(*) filter (where ${stateFilter})::int as total
        ${base}`,
  );
  const offset = (input.page - 1) * input.pageSize;
  const rows = await queryRows<{
    slug: string;
    texts: Record<string, { title?: string }>;
    original_language: string;
    organization_name: string | null;
    country_code: string | null;
    network_slug: string | null;
    network_name: string | null;
    network_names: Translated | null;
    status: VersionStatus;
    number: number;
    published_version_id: string | null;
    current_version_id: string;
    observatory: boolean;
    hidden: boolean;
    submitted_at: Date | null;
    updated_at: Date;
    open_reports: number;
  }>(
    ctx.db,
    sql`select p.slug, v.content->'texts' as texts, v.original_language, o.name as organization_name, p.country_code,
               n.slug as network_slug, n.name as network_name, n.names as network_names, p.status, v.number,
               p.published_version_id, p.current_version_id, ${observatoryOf} as observatory, p.hidden_at is not null as hidden,
               v.submitted_at, p.updated_at, ${reports} as open_reports
        ${base} and ${stateFilter}
        order by coalesce(v.submitted_at, p.updated_at) asc, p.slug
        limit ${input.pageSize} offset ${offset}`,
  );
  const counts = Object.fromEntries(queueFilters.map((f) => [f, countRow?.[f] ?? 0])) as ModerationQueue["counts"];
  return {
    items: rows.map((r) => {
      const titles = Object.fromEntries(Object.entries(r.texts ?? {}).flatMap(([l, t]) => (t?.title ? [[l, t.title]] : []))) as Translated;
      const title = localizedText(titles, locale, r.original_language);
      return {
        slug: r.slug,
        title,
        titleLanguage: titles[locale] ? locale : r.original_language,
        organizationName: r.organization_name,
        countryCode: r.country_code,
        networkSlug: r.network_slug,
        networkName: r.network_names?.[locale] ?? r.network_name,
        status: r.status,
        versionNumber: r.number,
        update: r.published_version_id !== null && r.published_version_id !== r.current_version_id,
        observatory: r.observatory,
        hidden: r.hidden,
        submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
        updatedAt: new Date(r.updated_at),
        openReports: r.open_reports,
      };
    }),
    total: countRow?.total ?? 0,
    counts,
    status,
    page: input.page,
    pageSize: input.pageSize,
  };
}

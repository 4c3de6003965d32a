import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localize } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { type Actor, canWrite } from "../organizations/actor.ts";
import type { VersionStatus } from "./schema.ts";
import { frozenStatuses } from "./update-practice.ts";

export interface OrganizationPractice {
  slug: string;
  title: string;
  titleLanguage: string;
  organizationName: string;
  networkName: string | null;
  /** The state of the version being written or reviewed (the current one). */
  status: VersionStatus;
  versionNumber: number;
  /** A version of it is what the public reads. */
  published: boolean;
  hidden: boolean;
  updatedAt: Date;
  /** The actor may open it in the editor now (not while it is with the moderators). */
  canEdit: boolean;
}

/** The most a list shows: an organization's practices are counted in tens, not thousands. */
export const organizationPracticesLimit = 200;

/**
 * The practices of the organizations the actor belongs to, in every state (drafts included),
 * last changed first: so that a writer finds their drafts again. Nobody else's.
 */
export async function listOrganizationPractices(ctx: ServiceContext, actor: Actor, locale: Locale): Promise<OrganizationPractice[]> {
  if (actor.userId === null || actor.memberships.size === 0) return [];
  const organizations = `{${[...actor.memberships.keys()].join(",")}}`;
  const rows = await queryRows<{
    slug: string;
    texts: Record<string, { title?: string }> | null;
    original_language: string;
    organization_name: string;
    network_name: string | null;
    network_names: Translated | null;
    status: VersionStatus;
    number: number;
    published: boolean;
    hidden: boolean;
    updated_at: Date | string;
  }>(
    ctx.db,
    sql`select p.slug, v.content->'texts' as texts, v.original_language, o.name as organization_name, n.name as network_name, n.names as network_names,
               v.status, v.number, p.published_version_id is not null as published, p.hidden_at is not null as hidden, v.updated_at
        from practices p
        join practice_versions v on v.id = p.current_version_id
        join organizations o on o.id = p.organization_id
        left join networks n on n.id = p.network_id
        where p.organization_id = any(${organizations}::uuid[])
        order by v.updated_at desc, p.slug
        limit ${organizationPracticesLimit}`,
  );
  const writes = canWrite(actor);
  return rows.map((r) => {
    const titles = Object.fromEntries(Object.entries(r.texts ?? {}).flatMap(([l, t]) => (t?.title ? [[l, t.title]] : []))) as Translated;
    const title = localize(titles, locale, r.original_language);
    return {
      slug: r.slug,
      title: title?.text ?? r.slug,
      titleLanguage: title?.language ?? r.original_language,
      organizationName: r.organization_name,
      networkName: r.network_names?.[locale] ?? r.network_name,
      status: r.status,
      versionNumber: r.number,
      published: r.published,
      hidden: r.hidden,
      updatedAt: new Date(r.updated_at),
      canEdit: writes && !(frozenStatuses as readonly string[]).includes(r.status),
    };
  });
}

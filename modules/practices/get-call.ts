import { asc, desc, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localize, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { callState, type CallState, findCall } from "./calls.ts";
import { themeNames } from "./describe.ts";
import { bankPolicy } from "./policy.ts";
import { practiceCalls, practiceCollections, type EntryStatus } from "./schema.ts";

export interface CallSummary {
  slug: string;
  title: LocalizedText | undefined;
  state: CallState;
  opensAt: Date;
  closesAt: Date;
  collectionSlug: string | null;
}

export interface CallView extends CallSummary {
  description: LocalizedText | undefined;
  themes: { id: string; name: string }[];
  network: { slug: string; name: string };
  collectionPublished: boolean;
  /** The secretariat decides entries. */
  canManage: boolean;
  /** Managers see every entry; the public, once the collection is published, its selection. */
  entries: { id: string; practiceSlug: string; title: string; organization: string | null; status: EntryStatus; submittedAt: Date; note: string | null }[];
  /** While the call is open: the caller's organizations' practices of this bank not entered yet. */
  enterable: { slug: string; title: string }[];
}

/** A network's calls for practices, newest first: public. */
export async function listCalls(ctx: ServiceContext, networkSlug: string, locale: Locale, now = new Date()): Promise<CallSummary[]> {
  const network = await findNetwork(ctx.db, networkSlug);
  const rows = await ctx.db
    .select({ call: practiceCalls, collectionSlug: practiceCollections.slug })
    .from(practiceCalls)
    .leftJoin(practiceCollections, eq(practiceCollections.id, practiceCalls.collectionId))
    .where(eq(practiceCalls.networkId, network.id))
    .orderBy(desc(practiceCalls.closesAt), asc(practiceCalls.slug));
  return rows.map(({ call, collectionSlug }) => ({
    slug: call.slug,
    title: localize(call.title, locale, call.originalLanguage),
    state: callState(call, now),
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    collectionSlug,
  }));
}

/** A call: its text for everyone; the entries for the secretariat (submitted practices may be unpublished drafts). */
export async function getCall(ctx: ServiceContext, actor: Actor, networkSlug: string, callSlug: string, locale: Locale, now = new Date()): Promise<CallView> {
  const network = await findNetwork(ctx.db, networkSlug);
  const call = await findCall(ctx.db, network.id, callSlug);
  const canManage = bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted });
  const [collection] = call.collectionId
    ? await ctx.db.select({ slug: practiceCollections.slug, publishedAt: practiceCollections.publishedAt }).from(practiceCollections).where(eq(practiceCollections.id, call.collectionId))
    : [];
  const published = !!collection?.publishedAt;
  const entries =
    canManage || published
      ? await queryRows<{ id: string; slug: string; title: string | null; org: string | null; status: EntryStatus; submitted_at: Date; note: string | null }>(
          ctx.db,
          sql`select e.id, p.slug, coalesce(nullif(v.content -> 'texts' -> ${locale} ->> 'title', ''), v.content -> 'texts' -> v.original_language ->> 'title') as title,
                     o.name as org, e.status, e.submitted_at, e.note
              from practice_call_entries e join practices p on p.id = e.practice_id
              join practice_versions v on v.id = coalesce(${canManage ? sql`p.current_version_id` : sql`p.published_version_id`}, p.current_version_id)
              left join organizations o on o.id = p.organization_id
              where e.call_id = ${call.id} ${canManage ? sql`` : sql`and e.status = 'selected' and p.published_version_id is not null and p.hidden_at is null`}
              order by e.submitted_at, p.slug`,
        )
      : [];
  const state = callState(call, now);
  const orgs = [...actor.memberships.keys()];
  const enterable =
    state === "open" && orgs.length > 0
      ? await queryRows<{ slug: string; title: string | null }>(
          ctx.db,
          sql`select p.slug, coalesce(nullif(v.content -> 'texts' -> ${locale} ->> 'title', ''), v.content -> 'texts' -> v.original_language ->> 'title') as title
              from practices p join practice_versions v on v.id = p.current_version_id
              where p.network_id = ${network.id} and p.organization_id = any(${`{${orgs.join(",")}}`}::uuid[]) and p.hidden_at is null
                and p.status in ('draft', 'submitted', 'in_review', 'published')
                and not exists (select 1 from practice_call_entries e where e.call_id = ${call.id} and e.practice_id = p.id)
              order by title`,
        )
      : [];
  return {
    slug: call.slug,
    title: localize(call.title, locale, call.originalLanguage),
    description: localize(call.description, locale, call.originalLanguage),
    state,
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    themes: await themeNames(ctx.db, call.themeIds, locale),
    network: { slug: network.slug, name: network.names?.[locale] ?? network.name },
    collectionSlug: collection?.slug ?? null,
    collectionPublished: published,
    canManage,
    entries: entries.map((e) => ({
      id: e.id,
      practiceSlug: e.slug,
      title: e.title ?? "",
      organization: e.org,
      status: e.status,
      submittedAt: new Date(e.submitted_at),
      note: canManage ? e.note : null,
    })),
    enterable: enterable.map((p) => ({ slug: p.slug, title: p.title ?? p.slug })),
  };
}

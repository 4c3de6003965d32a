import { asc, desc, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { localize, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { collectionPracticeSlugs, findCollection } from "./collections.ts";
import { bankPolicy } from "./policy.ts";
import { practiceCalls, practiceCollections } from "./schema.ts";
import { loadHits, type PracticeHit, toHit } from "./search-practices.ts";
import { pgArray } from "../../platform/search/prepare-query.ts";

export interface CollectionView {
  slug: string;
  network: { slug: string; name: string };
  title: LocalizedText | undefined;
  subtitle: LocalizedText | undefined;
  foreword: LocalizedText | undefined;
  /** Every language's texts: for the secretariat's form. */
  texts: { title: Translated; subtitle: Translated; foreword: Translated } | null;
  originalLanguage: string;
  publishedAt: Date | null;
  call: { slug: string; title: LocalizedText | undefined } | null;
  practices: PracticeHit[];
  canManage: boolean;
}

/** A collection: published ones for everyone, the others for the secretariat only. */
export async function getCollection(ctx: ServiceContext, actor: Actor, networkSlug: string, slug: string, locale: Locale): Promise<CollectionView> {
  const network = await findNetwork(ctx.db, networkSlug);
  const collection = await findCollection(ctx.db, network.id, slug);
  const canManage = bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted });
  if (!collection.publishedAt && !canManage) throw notFound("practices.error.collectionNotFound");
  const slugs = await collectionPracticeSlugs(ctx.db, collection.id);
  const [call] = await ctx.db.select({ slug: practiceCalls.slug, title: practiceCalls.title, lang: practiceCalls.originalLanguage }).from(practiceCalls).where(eq(practiceCalls.collectionId, collection.id));
  return {
    slug: collection.slug,
    network: { slug: network.slug, name: network.names?.[locale] ?? network.name },
    title: localize(collection.title, locale, collection.originalLanguage),
    subtitle: localize(collection.subtitle, locale, collection.originalLanguage),
    foreword: localize(collection.foreword, locale, collection.originalLanguage),
    texts: canManage ? { title: collection.title, subtitle: collection.subtitle, foreword: collection.foreword } : null,
    originalLanguage: collection.originalLanguage,
    publishedAt: collection.publishedAt,
    call: call ? { slug: call.slug, title: localize(call.title, locale, call.lang) } : null,
    practices: await hitsInOrder(ctx, slugs, locale),
    canManage,
  };
}

/** Search hits for these practices, in this order. */
export async function hitsInOrder(ctx: ServiceContext, slugs: string[], locale: Locale): Promise<PracticeHit[]> {
  if (slugs.length === 0) return [];
  const matches = sql`with m as materialized (
      select s.practice_id, s.published_at, s.theme_ids, s.sdg_goals, s.year, s.observatory,
             -array_position(${pgArray(slugs)}::text[], p.slug) as rank
      from practice_search s join practices p on p.id = s.practice_id where p.slug = any(${pgArray(slugs)}::text[]))`;
  const rows = await loadHits(ctx, matches, sql`m.rank desc`, slugs.length, 0, locale, false);
  return rows.map((r) => toHit(r, locale));
}

export interface CollectionSummary {
  slug: string;
  title: LocalizedText | undefined;
  publishedAt: Date | null;
}

/** A network's collections: the published ones, and the others for the secretariat. */
export async function listCollections(ctx: ServiceContext, actor: Actor, networkSlug: string, locale: Locale): Promise<CollectionSummary[]> {
  const network = await findNetwork(ctx.db, networkSlug);
  const canManage = bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted });
  const rows = await ctx.db
    .select()
    .from(practiceCollections)
    .where(eq(practiceCollections.networkId, network.id))
    .orderBy(desc(practiceCollections.publishedAt), asc(practiceCollections.slug));
  return rows
    .filter((r) => r.publishedAt || canManage)
    .map((r) => ({ slug: r.slug, title: localize(r.title, locale, r.originalLanguage), publishedAt: r.publishedAt }));
}

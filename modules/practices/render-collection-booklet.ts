import { inArray, sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import { formatCurrency, formatNumber } from "../../platform/i18n/format.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { filesOf } from "../../platform/storage/file-store.ts";
import type { Actor } from "../organizations/actor.ts";
import { type BookletPractice, renderBooklet } from "./booklet/render-booklet.ts";
import { collectionPracticeSlugs } from "./collections.ts";
import { themeNames } from "./describe.ts";
import { getCollection } from "./get-collection.ts";
import { readerText } from "./content.ts";
import { type PracticeContent, practiceFiles } from "./schema.ts";

/**
 * The collection as a PDF booklet in one language (practices not written in it are printed in
 * their original language, marked). Published collections for everyone; drafts for the secretariat.
 */
export async function renderCollectionBooklet(
  ctx: ServiceContext,
  actor: Actor,
  networkSlug: string,
  slug: string,
  language: Locale,
  origin: string,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const view = await getCollection(ctx, actor, networkSlug, slug, language);
  const collectionId = (
    await queryRows<{ id: string }>(ctx.db, sql`select c.id from practice_collections c join networks n on n.id = c.network_id where n.slug = ${networkSlug} and c.slug = ${slug}`)
  )[0]!.id;
  const slugs = await collectionPracticeSlugs(ctx.db, collectionId);
  const rows = await queryRows<{
    slug: string; original_language: string; content: PracticeContent; org: string | null; city: string | null; city_names: Translated | null; country: Translated | null;
  }>(
    ctx.db,
    sql`select p.slug, v.original_language, v.content, o.name as org, ci.name as city, ci.names as city_names, co.name as country
        from practices p join practice_versions v on v.id = p.published_version_id
        left join organizations o on o.id = p.organization_id left join cities ci on ci.id = p.city_id left join countries co on co.code = p.country_code
        where p.slug = any(${`{${slugs.join(",")}}`}::text[])`,
  );
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const store = filesOf(ctx);
  const practicesOut: BookletPractice[] = [];
  for (const s of slugs) {
    const r = bySlug.get(s);
    if (!r) continue;
    const c = r.content;
    const { text, language: shown, fallback, fieldLanguages } = readerText(c, language, r.original_language);
    const files = c.fileIds.length ? await ctx.db.select().from(practiceFiles).where(inArray(practiceFiles.id, c.fileIds)) : [];
    const images: BookletPractice["images"] = [];
    for (const id of c.fileIds) {
      const f = files.find((x) => x.id === id);
      if (!f || f.kind !== "image" || images.length >= 2) continue;
      const bytes = await store.get(f.storageKey);
      if (bytes) images.push({ bytes, alt: localizedText(f.alt, language) || text.title });
    }
    const goals = [...new Set([...c.sdgGoals, ...c.sdgTargets.map((t) => Number(t.split(".")[0]))])].sort((a, b) => a - b);
    practicesOut.push({
      title: text.title,
      language: shown,
      fallback,
      sectionLanguages: fieldLanguages,
      organization: r.org ?? "",
      city: r.city ? (r.city_names?.[language] ?? r.city) : null,
      country: r.country ? localizedText(r.country, language) : null,
      themes: (await themeNames(ctx.db, c.themeIds, language)).map((t) => t.name),
      sdgGoals: goals,
      period: c.startYear ? (c.endYear && c.endYear !== c.startYear ? `${c.startYear}–${c.endYear}` : c.endYear ? `${c.startYear}` : `${c.startYear}–`) : null,
      budget: c.budgetAmount && c.budgetCurrency ? formatCurrency(language, Number(c.budgetAmount), c.budgetCurrency) : null,
      populationReached: c.populationReached !== null ? formatNumber(language, c.populationReached) : null,
      partners: c.partners.map((p) => p.name),
      summary: text.summary,
      problem: text.problem,
      solution: text.solution,
      results: text.results,
      lessons: text.lessons,
      replication: text.replication,
      images,
      url: `${origin}/${language}/practices/${s}`,
    });
  }
  const publishedOn = (view.publishedAt ?? new Date()).toISOString().slice(0, 10);
  const pdf = await renderBooklet({
    language,
    title: view.title?.text ?? slug,
    subtitle: view.subtitle?.text ?? null,
    networkName: view.network.name,
    foreword: view.foreword?.text ?? "",
    publishedOn,
    practices: practicesOut,
    url: `${origin}/${language}/networks/${networkSlug}/collections/${slug}`,
  });
  return { pdf, fileName: `${slug}-${language}.pdf` };
}

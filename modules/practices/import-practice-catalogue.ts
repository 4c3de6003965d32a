// Catalogue entries: real good practices and cooperation projects found on public pages
// (data/reference/urban_practices_catalogue.csv), imported as title and facts only, each linking
// to the page it was read from. Nobody owns them and they belong to no bank; they are published
// and indexed so that a search shows them beside the network's practices (marked "catalogue").
// The file's theme column is Pares' own tagging: it is mapped onto the taxonomy here.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { and, eq, isNull, like, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/client.ts";
import { referencePath } from "../../platform/db/datasets.ts";
import { isLocale, type Locale } from "../../platform/i18n/locales.ts";
import { slugify } from "../../platform/slug.ts";
import { cityNameWeights } from "../cities/schema.ts";
import { emptyContent } from "./content.ts";
import { practiceSlugLock } from "./create-practice.ts";
import { addToVocabulary, indexPractice } from "./index-practice.ts";
import { practiceEvents, practices, practiceVersions } from "./schema.ts";

export const catalogueFile = "urban_practices_catalogue.csv";
const keyPrefix = "catalogue:";
/** Addresses of the bank's own pages, never a practice's (as freePracticeSlug keeps them). */
const reservedSlugs = new Set(["new", "queue", "search", "feed", "map", "export", "calls", "collections", "observatory"]);

/**
 * Rows left out, with the reason: the source_url the crawler recorded for these four Connective
 * Cities rows is not a page address but an SQL-injection probe caught in the query string (any
 * such address is refused anyway, see acceptableSourceUrl); they wait for a real source.
 */
export const skippedCatalogueRows: ReadonlyMap<string, string> = new Map(
  ["GP063", "GP067", "GP068", "GP069"].map((id) => [id, "source_url is an injection probe, not a page"]),
);

export interface CatalogueRow {
  id: string;
  title: string;
  city: string;
  countryCode: string;
  language: Locale;
  themeTags: string[];
  programme: string;
  year: number | null;
  sourceUrl: string;
}

/** A source link the catalogue may show: an http(s) address that parses, of a sane length. */
export function acceptableSourceUrl(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !/\b(union|select)\b.*\b(from|select)\b/i.test(decodeURIComponent(url.search));
  } catch {
    return false;
  }
}

/** The rows of the file that can be imported (known language, acceptable source, not left out). */
export function readCatalogue(): CatalogueRow[] {
  const rows = parse(readFileSync(referencePath(catalogueFile), "utf8"), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.flatMap((r) => {
    const id = r.id?.trim() ?? "";
    const sourceUrl = r.source_url?.trim() ?? "";
    const language = r.language?.trim() ?? "";
    if (!id || !r.title?.trim() || skippedCatalogueRows.has(id) || !isLocale(language) || !acceptableSourceUrl(sourceUrl)) return [];
    const year = /^\d{4}$/.test(r.year?.trim() ?? "") ? Number(r.year) : null;
    return [
      {
        id,
        title: r.title.trim(),
        city: r.city?.trim() ?? "",
        countryCode: (r.country_iso2?.trim() ?? "").toUpperCase(),
        language,
        themeTags: (r.theme ?? "").split(";").map((t) => t.trim().toLowerCase()).filter(Boolean),
        programme: r.programme?.trim() ?? "",
        year,
        sourceUrl,
      },
    ];
  });
}

/** The file's tags onto the taxonomy's themes: a tag gets every theme one of its words points to. */
const tagThemes: [RegExp, string[]][] = [
  [/particip|civic|civil society|governance|volunteer|commons|community/, ["autonomy-participation"]],
  [/biodiversity|green|nature/, ["nature-based-solutions"]],
  [/environment|climate|energy/, ["environment"]],
  [/mobility|transport|cycling|pedestrian|traffic/, ["urban-mobility"]],
  [/migrant|anti-rumour/, ["migrants-refugees"]],
  [/regeneration|brownfield|rehabilitation|renewal|upgrading|transformation|neighbourhood/, ["urban-regeneration"]],
  [/food|canteen|garden|farm/, ["urban-food-policies"]],
  [/recycling|upcycling/, ["circular-economy", "water-waste-sanitation"]],
  [/waste/, ["water-waste-sanitation"]],
  [/inclusion|social assistance|indigenous|social cohesion|older people|social innovation/, ["social-development"]],
  [/gender/, ["gender"]],
  [/safety/, ["safe-public-spaces"]],
  [/public space/, ["safe-public-spaces"]],
  [/housing/, ["housing"]],
  [/education|school/, ["education"]],
  [/employment|talent/, ["education-jobs-skills"]],
  [/economy|commerce|procurement/, ["local-economic-development"]],
  [/culture|heritage/, ["culture-heritage"]],
  [/tourism|leisure/, ["tourism"]],
  [/sport/, ["sports"]],
  [/health/, ["healthy-cities"]],
  [/digital|e-government|public services|smart city/, ["smart-city"]],
  [/planning|metropolitan|land management/, ["strategic-planning-metropolitan"]],
  [/play|children/, ["childhood"]],
  [/youth/, ["youth"]],
  [/city pairing|decentralised cooperation|sdg localisation/, ["international-cooperation"]],
  [/cohesion policy|territorial cohesion|urban transformation/, ["urban-development"]],
];

export function catalogueThemes(tags: string[]): string[] {
  const found = new Set<string>();
  for (const tag of tags) for (const [pattern, themes] of tagThemes) if (pattern.test(tag)) for (const t of themes) found.add(t);
  return [...found].slice(0, 10);
}

/** A one-line statement of the facts of the file (programme, place, year), in the entry's language. */
function factsLine(row: CatalogueRow, country: string | undefined): string {
  const place = [row.city, country].filter(Boolean).join(", ");
  return [row.programme, place, row.year ? String(row.year) : ""].filter(Boolean).join(" · ");
}

/** Imports the catalogue rows not imported yet; returns how many it added. */
export async function importPracticeCatalogue(tx: Database): Promise<number> {
  const rows = readCatalogue();
  if (rows.length === 0) return 0;
  const imported = await tx
    .select({ id: practices.id, key: practices.creationKey, cityId: practices.cityId })
    .from(practices)
    .where(and(isNull(practices.organizationId), isNull(practices.createdBy), like(practices.creationKey, `${keyPrefix}%`)));
  const existing = new Set(imported.map((r) => r.key));
  const missing = rows.filter((r) => !existing.has(`${keyPrefix}${r.id}`));
  const cities = await catalogueCities(tx, rows);
  await relocateCatalogue(tx, rows, imported, cities);
  if (missing.length === 0) return 0;

  const countries = new Map(
    (await queryRows<{ code: string; name: Record<string, string> }>(tx, sql`select code, name from countries`)).map((c) => [c.code.trim(), c.name]),
  );
  const themes = new Set((await queryRows<{ id: string }>(tx, sql`select id from themes`)).map((t) => t.id));

  await tx.execute(practiceSlugLock);
  const taken = new Set((await tx.select({ slug: practices.slug }).from(practices)).map((r) => r.slug));
  const free = (base: string) => {
    const wanted = reservedSlugs.has(base) ? `${base}-practice` : base;
    let slug = wanted;
    for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
    return slug;
  };
  const now = new Date();
  const created = missing.map((row) => {
    const title = row.title.slice(0, 160);
    // Several cities' practices share a title ("Orçamento Participativo"): the city tells them apart.
    const base = slugify(title, 80);
    const slug = taken.has(base) && row.city ? free(slugify(`${title} ${row.city}`, 80)) : free(base);
    taken.add(slug);
    const summary = factsLine(row, countries.get(row.countryCode)?.[row.language]);
    const content = {
      ...emptyContent(),
      texts: { [row.language]: { title, summary, problem: "", solution: "", results: "", lessons: "", replication: "" } },
      themeIds: catalogueThemes(row.themeTags).filter((t) => themes.has(t)),
      links: [{ url: row.sourceUrl, label: row.programme }],
    };
    return { id: randomUUID(), versionId: randomUUID(), slug, row, content, text: `${title}\n${summary}` };
  });
  await tx.insert(practices).values(
    created.map((c) => ({
      id: c.id,
      slug: c.slug,
      networkId: null,
      organizationId: null,
      cityId: cities.get(`${c.row.city}|${c.row.countryCode}`) ?? null,
      countryCode: countries.has(c.row.countryCode) ? c.row.countryCode : null,
      originalLanguage: c.row.language,
      status: "published" as const,
      sourceUrl: c.row.sourceUrl,
      creationKey: `${keyPrefix}${c.row.id}`,
      firstPublishedAt: now,
      lastPublishedAt: now,
    })),
  );
  await tx.insert(practiceVersions).values(
    created.map((c) => ({ id: c.versionId, practiceId: c.id, number: 1, status: "published" as const, originalLanguage: c.row.language, content: c.content, decidedAt: now })),
  );
  await tx.execute(sql`update practices p set current_version_id = v.id, published_version_id = v.id
    from practice_versions v where v.practice_id = p.id and p.id in (${sql.join(created.map((c) => sql`${c.id}::uuid`), sql`, `)})`);
  await tx.insert(practiceEvents).values(
    created.map((c) => ({ practiceId: c.id, versionId: c.versionId, kind: "published" as const, comment: `Imported from ${catalogueFile} (${c.row.id})` })),
  );
  // The index rows one by one (each reads its own facets), the vocabulary in one go.
  for (const c of created) await indexPractice(tx, c.id, { vocabulary: false });
  await addToVocabulary(tx, created.map((c) => c.text).join("\n"));
  return created.length;
}

/**
 * Entries imported before the city lookup matched whole names only (Santos was placed in
 * Salvador, whose full name ends "de Todos os Santos"): moved to the city the file names, and
 * indexed again.
 */
async function relocateCatalogue(
  tx: Database,
  rows: CatalogueRow[],
  imported: { id: string; key: string | null; cityId: number | null }[],
  cities: Map<string, number>,
): Promise<void> {
  const byKey = new Map(rows.map((r) => [`${keyPrefix}${r.id}`, r]));
  for (const entry of imported) {
    const row = entry.key ? byKey.get(entry.key) : undefined;
    if (!row) continue;
    const cityId = cities.get(`${row.city}|${row.countryCode}`) ?? null;
    if (cityId === entry.cityId) continue;
    await tx.update(practices).set({ cityId }).where(eq(practices.id, entry.id));
    await indexPractice(tx, entry.id, { vocabulary: false });
  }
}

/**
 * Reference cities of the rows, by "city|CC": a city of that name in the country — its own name
 * before an alternate one, then the most populous; none when no city has that whole name. A
 * word of a longer name does not count ("Santos" is not Salvador, "Baía de Todos os Santos").
 */
async function catalogueCities(tx: Database, rows: CatalogueRow[]): Promise<Map<string, number>> {
  const wanted = [...new Map(rows.filter((r) => r.city).map((r) => [`${r.city}|${r.countryCode}`, r])).values()];
  if (wanted.length === 0) return new Map();
  const found = await queryRows<{ key: string; id: number }>(
    tx,
    sql`select distinct on (w.key) w.key, c.id
        from (values ${sql.join(
          wanted.map((r) => sql`(${`${r.city}|${r.countryCode}`}, public.pares_normalize(${r.city}), ${r.countryCode})`),
          sql`, `,
        )}) as w(key, norm, country)
        join city_names n on n.name_norm = w.norm and n.weight in (${cityNameWeights.primary}, ${cityNameWeights.alternate})
        join cities c on c.id = n.city_id and c.country_code = w.country
        order by w.key, n.weight, c.population desc`,
  );
  return new Map(found.map((f) => [f.key, f.id]));
}


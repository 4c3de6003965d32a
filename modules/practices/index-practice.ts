// The search row of a practice: written when a version is published, removed when the practice
// is taken down. Facets are denormalized (place, region, population band, themes with the axes'
// themes, SDGs, languages) so a search with filters reads one table.
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { documentVector, foldedWords } from "../../platform/search/document.ts";
import { pgArray } from "../../platform/search/prepare-query.ts";
import { languagesOf } from "./content.ts";
import { effectiveThemes, isObservatory } from "./find.ts";
import { practices, practiceSearch, practiceVersions, practiceTextFields } from "./schema.ts";

/** Rebuilds (or removes) the practice's search row and adds its words to the vocabulary. */
export async function indexPractice(tx: Database, practiceId: string, options: { vocabulary?: boolean } = {}): Promise<void> {
  const [row] = await tx
    .select({ practice: practices, version: practiceVersions })
    .from(practices)
    .innerJoin(practiceVersions, eq(practiceVersions.id, practices.publishedVersionId))
    .where(eq(practices.id, practiceId));
  if (!row || row.practice.hiddenAt) {
    await tx.delete(practiceSearch).where(eq(practiceSearch.practiceId, practiceId));
    return;
  }
  const { practice, version } = row;
  const content = version.content;
  const languages = languagesOf(content, version.originalLanguage);
  const themes = await effectiveThemes(tx, practice.networkId, content);
  const parts = languages.map((language) => {
    const text = content.texts[language]!;
    return {
      language,
      title: text.title,
      summary: text.summary,
      body: practiceTextFields
        .filter((f) => f !== "title" && f !== "summary")
        .map((f) => text[f])
        .concat(content.partners.map((p) => p.name))
        .join("\n"),
    };
  });
  const goals = [...new Set([...content.sdgGoals, ...content.sdgTargets.map((t) => Number(t.split(".")[0]))])].sort((a, b) => a - b);
  const values = {
    networkId: practice.networkId,
    organizationId: practice.organizationId,
    cityId: practice.cityId,
    countryCode: practice.countryCode,
    languages,
    originalLanguage: version.originalLanguage,
    year: content.startYear,
    themeIds: themes,
    sdgGoals: goals,
    observatory: isObservatory(content),
    catalogue: practice.sourceUrl !== null,
    publishedAt: practice.lastPublishedAt ?? new Date(),
    document: documentVector(parts),
    latitude: sql`(select latitude from cities where id = ${practice.cityId})`,
    longitude: sql`(select longitude from cities where id = ${practice.cityId})`,
    regionCode: sql`(select coalesce(intermediate_region_code, subregion_code) from countries where code = ${practice.countryCode})`,
    populationBand: sql`(select case when population < 100000 then 'under_100k' when population < 500000 then '100k_500k'
      when population < 1000000 then '500k_1m' when population < 5000000 then '1m_5m' else 'over_5m' end from cities where id = ${practice.cityId})`,
  };
  await tx
    .insert(practiceSearch)
    .values({ practiceId, ...values })
    .onConflictDoUpdate({ target: practiceSearch.practiceId, set: values });
  if (options.vocabulary !== false) await addToVocabulary(tx, parts.map((p) => `${p.title}\n${p.summary}\n${p.body}`).join("\n"));
}

/** Counts the words of a published text in the vocabulary that typo-tolerant search corrects to. */
export async function addToVocabulary(tx: Database, text: string): Promise<void> {
  const words = foldedWords(text).filter((w) => w.length >= 3);
  if (words.length === 0) return;
  await tx.execute(sql`insert into search_vocabulary (word, documents)
    select w, 1 from unnest(${pgArray(words)}::text[]) as w
    on conflict (word) do update set documents = search_vocabulary.documents + 1`);
}

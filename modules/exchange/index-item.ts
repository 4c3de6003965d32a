// An item's concepts (platform/search/concepts.ts) written to exchange_item_concepts, weighted by
// tf·idf with the rarity counted in exchange_concept_stats (the row with the empty key counts the
// items indexed). Runs in the caller's transaction; indexing the same item again replaces its
// concepts and keeps the counts right, so the outbox may deliver it twice.
import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { pgArray } from "../../platform/search/prepare-query.ts";
import { type Concept, concepts } from "../../platform/search/concepts.ts";
import { isSearchLanguage } from "../../platform/search/text.ts";
import type { ItemText } from "./schema.ts";
import { exchangeItemConcepts } from "./schema.ts";

/** Concepts kept per item: the rest weigh little and only slow matching down. */
export const MAX_CONCEPTS = 30;
const ITEMS_KEY = "";

/** The concepts of an item's texts, merged over its languages (a translation does not count twice); the title counts double. */
export function itemConcepts(texts: Partial<Record<string, ItemText>>, translate = true): Concept[] {
  const merged = new Map<string, Concept>();
  for (const [language, text] of Object.entries(texts)) {
    if (!text || !isSearchLanguage(language)) continue;
    const own = new Map<string, Concept>();
    for (const part of [text.title, text.title, text.description]) {
      for (const c of concepts(part, language, translate)) {
        const prior = own.get(c.key);
        if (prior) {
          prior.count += c.count;
          for (const w of c.words) if (!prior.words.includes(w) && prior.words.length < 4) prior.words.push(w);
        } else own.set(c.key, { ...c, words: [...c.words] });
      }
    }
    for (const c of own.values()) {
      const prior = merged.get(c.key);
      if (!prior) merged.set(c.key, c);
      else {
        prior.count = Math.max(prior.count, c.count);
        for (const w of c.words) if (!prior.words.includes(w) && prior.words.length < 6) prior.words.push(w);
      }
    }
  }
  return [...merged.values()];
}

/** tf·idf weights normalized to length 1, the strongest MAX_CONCEPTS kept. */
export function weigh(list: Concept[], documentFrequency: (key: string) => number, items: number): { key: string; weight: number; words: string[] }[] {
  const weighted = list.map((c) => ({ key: c.key, words: c.words, weight: (1 + Math.log(c.count)) * Math.log((items + 1) / (documentFrequency(c.key) + 0.5)) }));
  const norm = Math.sqrt(weighted.reduce((s, c) => s + c.weight * c.weight, 0)) || 1;
  return weighted
    .map((c) => ({ ...c, weight: c.weight / norm }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_CONCEPTS);
}

/** Replaces the item's concepts (none when `texts` is null: the item is gone from matching). */
export async function indexItem(tx: Database, itemId: string, texts: Partial<Record<string, ItemText>> | null): Promise<{ key: string; weight: number; words: string[] }[]> {
  const old = await tx.select({ key: exchangeItemConcepts.key }).from(exchangeItemConcepts).where(eq(exchangeItemConcepts.itemId, itemId));
  if (old.length > 0) {
    await tx.delete(exchangeItemConcepts).where(eq(exchangeItemConcepts.itemId, itemId));
    await tx.execute(sql`update exchange_concept_stats set items = items - 1 where key = any(${pgArray([...old.map((o) => o.key), ITEMS_KEY])}::text[])`);
  }
  if (!texts) return [];
  const list = itemConcepts(texts);
  const keys = [...list.map((c) => c.key), ITEMS_KEY];
  // Counted in order of key, so two items indexed at once never wait for each other in a circle.
  await tx.execute(sql`insert into exchange_concept_stats (key, items)
                       select k, 1 from unnest(${pgArray([...keys].sort())}::text[]) as k
                       on conflict (key) do update set items = exchange_concept_stats.items + 1`);
  const counts = new Map(
    (await queryRows<{ key: string; items: number }>(tx, sql`select key, items from exchange_concept_stats where key = any(${pgArray(keys)}::text[])`)).map((r) => [r.key, Number(r.items)]),
  );
  const weighted = weigh(list, (k) => counts.get(k) ?? 1, counts.get(ITEMS_KEY) ?? 1);
  if (weighted.length > 0) await tx.insert(exchangeItemConcepts).values(weighted.map((c) => ({ itemId, key: c.key, weight: c.weight, words: c.words })));
  return weighted;
}

/** How many items are indexed and in how many each key occurs. */
export async function conceptStats(db: Database, keys: string[]): Promise<{ items: number; frequency: Map<string, number> }> {
  const rows = await queryRows<{ key: string; items: number }>(db, sql`select key, items from exchange_concept_stats where key = any(${pgArray([...keys, ITEMS_KEY])}::text[])`);
  const frequency = new Map(rows.map((r) => [r.key, Number(r.items)]));
  return { items: frequency.get(ITEMS_KEY) ?? 0, frequency };
}

// How well a search in one language finds a document written in another, measured on real
// parallel text nobody on the team wrote: the 169 UN SDG targets, official in English, Spanish
// and Portuguese (table sdg_targets, loaded from ../shared/data/sdg_goals_targets_en_es_pt.csv;
// sources in PROVENANCE.md there). For each pair src→tgt, every target's text in tgt is indexed
// as a document through the real path (documentVector, addToVocabulary), then each target's src
// text, cut to a short query, is searched with the real SQL pieces of prepare-query.ts
// (prepareQuery, queryColumns, rankExpression) and the rank of the right document is recorded.
//
// The texts are taken in Unicode NFC: most Spanish ones in the reference CSV are decomposed (NFD,
// "jóvenes" as "jo" + U+0301 + "venes"). PostgreSQL indexes both forms alike, but a query typed in
// a browser arrives composed, and this file's own word split would cut NFD words at the accent.
//
// The query: the target's text without its opening "By 2030," / "De aquí a 2030," / "Até 2030,"
// (nobody types that), its first 7 words that are not stop words and contain a letter, as typed
// (accents and case kept; the search folds them). Rank: among the documents the query matches,
// by the search's relevance, ties in a fixed arbitrary order (md5 of the code); a document the
// query does not match is not found.
//
// Three settings per pair: the search as shipped; without the taxonomy bridge (words naming an
// SDG goal or a theme also boost the documents tagged with it — each document here carries its
// target's goal, as a practice carries its SDG goals, and the SDG goal *names* are in the bridge,
// so that part is not independent of this set); and the words alone (no translations, cognates,
// corrections or bridge: what plain full-text search would do).
//
//   node bench/search-quality.ts          # on its own (a throwaway copy of the seeded database)
//   BENCH_ONLY=search-quality npm run bench
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { addToVocabulary } from "../modules/practices/index-practice.ts";
import { type Database, type DatabaseHandle, openDatabase, queryRows } from "../platform/db/client.ts";
import { documentVector } from "../platform/search/document.ts";
import { type PreparedQuery, prepareQuery, queryColumns, queryWords, rankExpression } from "../platform/search/prepare-query.ts";
import { fold, type SearchLanguage } from "../platform/search/text.ts";

export const qualityPairs: [SearchLanguage, SearchLanguage][] = [
  ["es", "pt"],
  ["pt", "es"],
  ["en", "es"],
  ["en", "pt"],
  ["es", "en"],
  ["pt", "en"],
];
const settings = ["as shipped", "without the bridge", "words alone"] as const;
type Setting = (typeof settings)[number];
const QUERY_WORDS = 7;

export interface QualityRow {
  set: string;
  pair: string;
  setting: Setting;
  queries: number;
  found: number;
  recall1: number;
  recall5: number;
  mrr: number;
}

/** The short query a person would type for a text (see the header). */
export function shortQuery(text: string): string {
  const body = text.replace(/^\s*(by|de aquí a|até|para)\s+\d{4}\s*,?\s*/i, "");
  const typed = body.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 0);
  const kept = typed.filter((w) => /\p{L}/u.test(w) && queryWords(w).length > 0);
  return kept.slice(0, QUERY_WORDS).join(" ");
}

interface Document {
  code: string;
  goal: number;
  text: Partial<Record<SearchLanguage, string>>;
}

interface EvaluationSet {
  name: string;
  documents: Document[];
  pairs: [SearchLanguage, SearchLanguage][];
}

/**
 * The second, harder set when it is on this machine: the 235 distinct SDG indicators, official in
 * English and Spanish only (../shared/data/sdg_indicators_en_es.csv, from open-sdg/sdg-translations,
 * MIT; UN text). Harder: many indicators differ by a word or two ("… by sex and age").
 */
function indicatorSet(): EvaluationSet | null {
  const file = new URL("../../shared/data/sdg_indicators_en_es.csv", import.meta.url);
  if (!existsSync(file)) return null;
  const rows = parse(readFileSync(file), { columns: true }) as { code: string; en_title: string; es_title: string }[];
  const seen = new Set<string>();
  const documents = rows
    .filter((r) => r.en_title && r.es_title && !seen.has(r.en_title) && seen.add(r.en_title))
    .map((r) => ({ code: r.code, goal: Number(r.code.split(".")[0]), text: { en: r.en_title.normalize("NFC"), es: r.es_title.normalize("NFC") } }));
  return { name: "SDG indicators", documents, pairs: [["en", "es"], ["es", "en"]] };
}

function withoutBridge(prepared: PreparedQuery): PreparedQuery {
  return { ...prepared, themes: [], sdgGoals: [] };
}

function wordsAlone(text: string): PreparedQuery | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  return { groups: words.map((w) => ({ word: w, correctedTo: null, alternatives: [w] })), themes: [], sdgGoals: [] };
}

/** The search's page size: with fewer documents having every word, the search ranks those with any. */
const PAGE = 20;

/**
 * The 1-based rank of `code` for the query, or null when the query does not match it: the
 * practices search's rule (modules/practices/search-practices.ts) — every word first; when fewer
 * than a page of documents have them all, every document with any word, ranked.
 */
async function rankOf(db: Database, prepared: PreparedQuery | null, code: string): Promise<number | null> {
  if (!prepared) return null;
  const ranked = (match: "every" | "query") =>
    queryRows<{ code: string }>(
      db,
      sql`with q as (select ${queryColumns(prepared)})
          select d.code from quality_documents d, q
          where d.document @@ ${sql.raw(`q.${match}`)}
          order by ${rankExpression(prepared, sql`d.document`, sql`d.theme_ids`, sql`d.sdg_goals`)} desc, md5(d.code)`,
    );
  let rows = await ranked("every");
  if (prepared.groups.length === 1 || rows.length < PAGE) rows = await ranked("query");
  const index = rows.findIndex((r) => r.code === code);
  return index < 0 ? null : index + 1;
}

/** Indexes every document in `language` (the vocabulary holds only this corpus's words). */
async function indexCorpus(db: Database, documents: Document[], language: SearchLanguage): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from quality_documents`);
    await tx.execute(sql`delete from search_vocabulary`);
    for (const d of documents) {
      const text = d.text[language]!;
      await tx.execute(sql`insert into quality_documents (code, theme_ids, sdg_goals, document)
        values (${d.code}, '{}'::text[], ${`{${d.goal}}`}::smallint[], ${documentVector([{ language, title: "", summary: text, body: "" }])})`);
      await addToVocabulary(tx, text);
    }
  });
}

/** Runs the evaluation on `db` (a throwaway database: it empties search_vocabulary). */
export async function evaluateSearchQuality(db: Database, options: { log?: (line: string) => void } = {}): Promise<QualityRow[]> {
  const targets = (await queryRows<{ code: string; goal: number; title: Record<SearchLanguage, string> }>(db, sql`select code, goal, title from sdg_targets order by goal, position`))
    .filter((t) => t.title.es && t.title.pt && t.title.en)
    .map((t) => ({ code: t.code, goal: Number(t.goal), text: { es: t.title.es.normalize("NFC"), pt: t.title.pt.normalize("NFC"), en: t.title.en.normalize("NFC") } }));
  const sets = [{ name: "SDG targets", documents: targets, pairs: qualityPairs }, indicatorSet()].filter((s) => s !== null);
  await db.execute(sql`create temp table if not exists quality_documents (code text primary key, theme_ids text[] not null, sdg_goals smallint[] not null, document tsvector not null)`);
  const rows: QualityRow[] = [];
  const failures: string[] = [];
  for (const set of sets) {
    const { documents } = set;
    for (const target of ["es", "pt", "en"] as const) {
      const pairs = set.pairs.filter(([, tgt]) => tgt === target);
      if (pairs.length === 0) continue;
      await indexCorpus(db, documents, target);
      for (const [src, tgt] of pairs) {
        const ranks: Record<Setting, (number | null)[]> = { "as shipped": [], "without the bridge": [], "words alone": [] };
        for (const d of documents) {
          const query = shortQuery(d.text[src]!);
          const prepared = await prepareQuery(db, query);
          const shipped = await rankOf(db, prepared, d.code);
          ranks["as shipped"].push(shipped);
          ranks["without the bridge"].push(await rankOf(db, prepared && withoutBridge(prepared), d.code));
          ranks["words alone"].push(await rankOf(db, wordsAlone(query), d.code));
          if (shipped === null || shipped > 5) failures.push(`${set.name} ${src}→${tgt} ${d.code} rank ${shipped ?? "—"}: «${query}» → ${prepared?.groups.map((g) => g.alternatives.join("|")).join(" ")}`);
        }
        for (const setting of settings) {
          const list = ranks[setting];
          rows.push({
            set: set.name,
            pair: `${src}→${tgt}`,
            setting,
            queries: list.length,
            found: list.filter((r) => r !== null).length,
            recall1: list.filter((r) => r !== null && r <= 1).length / list.length,
            recall5: list.filter((r) => r !== null && r <= 5).length / list.length,
            mrr: list.reduce<number>((s, r) => s + (r === null ? 0 : 1 / r), 0) / list.length,
          });
        }
      }
    }
  }
  if (process.env.BENCH_QUALITY_FAILURES) for (const f of failures) options.log?.(`${f}\n`);
  const setOrder = sets.map((s) => s.name);
  const order = (r: QualityRow) =>
    setOrder.indexOf(r.set) * 1000 + qualityPairs.findIndex(([src, tgt]) => r.pair === `${src}→${tgt}`) * settings.length + settings.indexOf(r.setting);
  return rows.sort((a, b) => order(a) - order(b));
}

export function formatQuality(rows: QualityRow[]): string {
  const header = ["set", "pair", "setting", "queries", "found", "recall@1", "recall@5", "MRR"];
  const lines = rows.map((r) => [r.set, r.pair, r.setting, String(r.queries), String(r.found), r.recall1.toFixed(3), r.recall5.toFixed(3), r.mrr.toFixed(3)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [
    `\nSearch quality: cross-lingual retrieval of UN text (the 169 SDG targets, official in es/pt/en; the SDG indicators, official in en/es), a 7-word query in one language against the documents in another.`,
    `"as shipped" includes the taxonomy bridge, whose SDG goal names come from the same UN source: "without the bridge" is the figure independent of this set.`,
    format(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...lines.map(format),
  ].join("\n");
}

/** On a throwaway copy of the seeded database in `work`. */
export async function runSearchQuality(seeded: string, work: string): Promise<QualityRow[]> {
  const dir = join(work, "search-quality");
  cpSync(seeded, dir, { recursive: true });
  const handle: DatabaseHandle = await openDatabase({ dir });
  try {
    return await evaluateSearchQuality(handle.db, { log: (line) => process.stdout.write(line) });
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fold(process.argv[1]).endsWith("search-quality.ts")) {
  const { ensureSeededPglite } = await import("../tests/support/server-process.ts");
  const work = mkdtempSync(join(tmpdir(), "pares-quality-"));
  try {
    const started = performance.now();
    const rows = await runSearchQuality(ensureSeededPglite(), work);
    process.stdout.write(`${formatQuality(rows)}\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// What a search box's text becomes before it meets the index. Each word the person typed is a
// group of alternatives: the word itself, its translations into the other two languages (the
// lexicon: dictionaries, aligned theme names, attested cognates, synonyms), the spelling cognates
// that published documents actually use (search_vocabulary), and, when the word is unknown, the
// closest published word (trigram similarity: typo tolerance). Words that name a theme or an SDG
// goal carry the taxonomy across languages. The query matches any group; ranking rewards the
// documents that match more of them (see rankExpression).
import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.ts";
import { cognateCandidates } from "./cognates.ts";
import { lexicon } from "./lexicon.ts";
import { foldedWords, lemmaCandidates, type SearchLanguage, searchLanguages } from "./text.ts";

export interface QueryGroup {
  /** The folded word as typed. */
  word: string;
  /** The word the search used instead, when the typed one is unknown (a typo). */
  correctedTo: string | null;
  /** Every form searched for this word, the word (or its correction) first. */
  alternatives: string[];
}

export interface PreparedQuery {
  groups: QueryGroup[];
  themes: string[];
  sdgGoals: number[];
}

const MAX_WORDS = 10;
const MAX_ALTERNATIVES = 14;
const TRANSLATIONS_PER_LANGUAGE = 2;

/** The searchable words of a query: folded, stop words (of any of the three languages) left out. */
export function queryWords(text: string): string[] {
  const lex = lexicon();
  return foldedWords(text)
    .filter((w) => !lex.isStopWord(w) && (w.length > 1 || /\d/.test(w)))
    .slice(0, MAX_WORDS);
}

function translations(word: string): string[] {
  const lex = lexicon();
  const out: string[] = [];
  for (const form of lemmaCandidates(word)) {
    for (const from of searchLanguages) {
      const entry = lex.translate(form, from);
      for (const to of searchLanguages) {
        for (const t of (entry[to] ?? []).slice(0, TRANSLATIONS_PER_LANGUAGE)) if (!out.includes(t)) out.push(t);
      }
    }
    if (out.length > 0) break; // the word itself was found; its lemmas would only add noise
  }
  return out;
}

function cognates(word: string): string[] {
  const out = new Set<string>();
  for (const from of searchLanguages) {
    for (const to of searchLanguages) if (from !== to) for (const c of cognateCandidates(word, from, to)) out.add(c);
  }
  out.delete(word);
  return [...out];
}

function known(word: string): boolean {
  const lex = lexicon();
  return searchLanguages.some((l: SearchLanguage) => lemmaCandidates(word).some((f) => lex.knows(f, l)));
}

/** Prepares the query, or null when it has no searchable word. Reads search_vocabulary once or twice. */
export async function prepareQuery(db: Database, text: string): Promise<PreparedQuery | null> {
  const words = queryWords(text);
  if (words.length === 0) return null;
  const candidates = new Map(words.map((w) => [w, cognates(w)]));
  const asked = [...new Set([...words, ...[...candidates.values()].flat()])];
  const attested = new Set(
    (await queryRows<{ word: string }>(db, sql`select word from search_vocabulary where word = any(${pgArray(asked)}::text[])`)).map((r) => r.word),
  );
  const unknown = words.filter((w) => !attested.has(w) && !known(w) && !/\d/.test(w) && w.length >= 4);
  const corrections = new Map<string, string>();
  if (unknown.length > 0) {
    const rows = await queryRows<{ typed: string; word: string | null }>(
      db,
      sql`select t.typed, (select v.word from search_vocabulary v where v.word % t.typed
                            order by similarity(v.word, t.typed) desc, v.documents desc, v.word limit 1) as word
          from unnest(${pgArray(unknown)}::text[]) as t(typed)`,
    );
    // A correction is a word of about the same length: "socail" is not "soc".
    for (const row of rows) if (row.word && Math.abs(row.word.length - row.typed.length) <= 2) corrections.set(row.typed, row.word);
  }
  const lex = lexicon();
  const themes = new Set<string>();
  const sdgGoals = new Set<number>();
  const groups = words.map((word): QueryGroup => {
    const base = corrections.get(word) ?? word;
    const alternatives = [base];
    const add = (w: string) => {
      if (alternatives.length < MAX_ALTERNATIVES && !alternatives.includes(w)) alternatives.push(w);
    };
    for (const t of translations(base)) add(t);
    for (const c of candidates.get(word) ?? []) if (attested.has(c)) add(c);
    for (const form of [word, base]) {
      const bridge = lex.taxonomy(form);
      for (const t of bridge.themes) themes.add(t);
      for (const g of bridge.sdgGoals) sdgGoals.add(g);
    }
    return { word, correctedTo: base === word ? null : base, alternatives };
  });
  return { groups, themes: [...themes], sdgGoals: [...sdgGoals] };
}

function alternativeQuery(word: string): SQL {
  return sql`(plainto_tsquery('pares_es', ${word}) || plainto_tsquery('pares_pt', ${word}) || plainto_tsquery('pares_en', ${word}))`;
}

/** One tsquery per group (any of its alternatives, stemmed in each language). */
export function groupQueries(prepared: PreparedQuery): SQL[] {
  return prepared.groups.map((g) => sql`(${sql.join(g.alternatives.map(alternativeQuery), sql` || `)})`);
}

/** The tsquery matching any group. */
export function anyGroupQuery(prepared: PreparedQuery): SQL {
  return sql.join(groupQueries(prepared), sql` || `);
}

/**
 * The relevance of a document (`vector`) for the prepared query, given the tsquery columns
 * `q.g0 … q.gN` and `q.query` of a CTE built by queryColumns: the share of the query's words it
 * matches first, then ts_rank_cd, then the themes and SDG goals the words name.
 */
export function rankExpression(prepared: PreparedQuery, vector: SQL, themes: SQL, goals: SQL, options: { everyMatched?: boolean } = {}): SQL {
  // When every document ranked matched every group, the share is 1 for all: not computed again.
  const coverage = options.everyMatched
    ? sql`${prepared.groups.length}`
    : sql.join(
        prepared.groups.map((_, i) => sql`(${vector} @@ q.${sql.raw(`g${i}`)})::int`),
        sql` + `,
      );
  const bridge = [
    prepared.themes.length > 0 ? sql`(${themes} && ${pgArray(prepared.themes)}::text[])::int * 0.3` : sql`0`,
    prepared.sdgGoals.length > 0 ? sql`(${goals} && ${`{${prepared.sdgGoals.join(",")}}`}::smallint[])::int * 0.2` : sql`0`,
  ];
  return sql`((${coverage})::float8 / ${prepared.groups.length} * 2 + ts_rank_cd(${vector}, q.query, 1) + ${bridge[0]} + ${bridge[1]})`;
}

/**
 * `select … as g0, … as query, … as every` for a CTE named q: `query` matches any group (for
 * ranking and snippets), `every` only the documents that match every group (each word in one of
 * its forms), which is what a search asks first.
 */
export function queryColumns(prepared: PreparedQuery): SQL {
  const groups = groupQueries(prepared);
  return sql.join(
    [...groups.map((g, i) => sql`${g} as ${sql.raw(`g${i}`)}`), sql`${sql.join(groups, sql` || `)} as query`, sql`${sql.join(groups, sql` && `)} as every`],
    sql`, `,
  );
}

/** A PostgreSQL array literal of words (folded words have no quotes or backslashes). */
export function pgArray(words: string[]): string {
  return `{${words.map((w) => `"${w.replace(/["\\]/g, "")}"`).join(",")}}`;
}

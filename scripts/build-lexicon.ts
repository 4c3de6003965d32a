// Builds the cross-lingual search lexicon in data/reference/lexicon/ from Debian packages and
// the project's own taxonomy. Run it only to rebuild the committed files:
//
//   apt-get install -y dict-freedict-spa-por dict-freedict-por-spa dict-freedict-spa-eng \
//     dict-freedict-eng-spa dict-freedict-por-eng dict-freedict-eng-por hunspell-es hunspell-pt-br \
//     hunspell-tools wamerican postgresql-common   # + a PostgreSQL's tsearch_data stop lists
//   node scripts/build-lexicon.ts
//
// The platform never reads these packages: it reads the files written here (see their README).
// No evaluation text (SDG targets, indicators, the UDHR) goes into the translations: only the
// SDG goal names go into the taxonomy bridge, which the evaluation report says.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { cognateCandidates } from "../platform/search/cognates.ts";
import { fold, lowerWords, searchLanguages, type SearchLanguage } from "../platform/search/text.ts";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "data/reference/lexicon");
const dictd = "/usr/share/dictd";
type Lang = SearchLanguage;
const code3: Record<Lang, string> = { es: "spa", pt: "por", en: "eng" };

/** Translations kept per word and target language in the files (prepare-query uses fewer). */
const KEEP = 4;

function need(path: string, pkg: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install -y ${pkg}`);
  return path;
}

// ---------------------------------------------------------------- word lists (attestation only)

function unmunch(locale: string, pkg: string): string[] {
  const dic = need(`/usr/share/hunspell/${locale}.dic`, pkg);
  const aff = readFileSync(need(`/usr/share/hunspell/${locale}.aff`, pkg), "utf8");
  // Without prefix rules: they multiply every stem by dozens of rare derivations.
  const tmp = join("/tmp", `${locale}.noprefix.aff`);
  writeFileSync(tmp, aff.split("\n").filter((l) => !l.startsWith("PFX")).join("\n"));
  need("/usr/bin/unmunch", "hunspell-tools");
  const words = execFileSync("unmunch", [dic, tmp], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] }).toString("utf8");
  return words.split("\n").filter((w) => w && !w.includes("-") && !w.includes("/"));
}

function loadWordList(lang: Lang): Set<string> {
  const words =
    lang === "en"
      ? readFileSync(need("/usr/share/dict/american-english", "wamerican"), "utf8").split("\n")
      : unmunch(lang === "es" ? "es_ES" : "pt_BR", lang === "es" ? "hunspell-es" : "hunspell-pt-br");
  const set = new Set<string>();
  for (const w of words) {
    const lower = w.replace(/^\uFEFF/, "").trim().toLowerCase();
    if (/^\p{L}+$/u.test(lower)) set.add(lower);
  }
  return set;
}

// ---------------------------------------------------------------- FreeDict (dictd format)

interface Entry {
  head: string;
  /** Translations by sense, best sense first. */
  senses: string[][];
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const decode64 = (s: string) => [...s].reduce((n, c) => n * 64 + b64.indexOf(c), 0);

function readFreedict(from: Lang, to: Lang): { entries: Entry[]; info: string } {
  const name = `freedict-${code3[from]}-${code3[to]}`;
  const pkg = `dict-${name}`;
  const dict = gunzipSync(readFileSync(need(join(dictd, `${name}.dict.dz`), pkg)));
  const index = readFileSync(join(dictd, `${name}.index`), "utf8").split("\n");
  const entries: Entry[] = [];
  let info = "";
  for (const line of index) {
    const [head, off, len] = line.split("\t");
    if (!head || off === undefined || len === undefined) continue;
    const text = dict.subarray(decode64(off), decode64(off) + decode64(len)).toString("utf8");
    if (head.startsWith("00database")) {
      if (head === "00databaseinfo") info = text;
      continue;
    }
    const lines = text.split("\n").slice(1); // the first line repeats the headword
    const senses: string[][] = [];
    for (const raw of lines) {
      const l = raw.replace(/^\s*\d+\.\s*/, "").replace(/\s+\d+\.\s*$/, "").trim();
      if (!l || l.startsWith("(") || l.startsWith("[") || l.startsWith("<") || l.startsWith("Note")) continue;
      const words = l
        .split(/[,;]/)
        .map((t) => t.replace(/\(.*?\)/g, "").trim().toLowerCase())
        .filter((t) => t.length > 1);
      if (words.length > 0) senses.push(words);
    }
    if (senses.length > 0) entries.push({ head: head.toLowerCase(), senses });
  }
  return { entries, info };
}

// ---------------------------------------------------------------- pair scores

type Pairs = Map<string, Map<string, number>>; // "es\tpt\tword" → translation → score

function addPair(pairs: Pairs, from: Lang, to: Lang, word: string, translation: string, score: number) {
  const key = `${from}\t${to}\t${word}`;
  let m = pairs.get(key);
  if (!m) pairs.set(key, (m = new Map()));
  m.set(translation, (m.get(translation) ?? 0) + score);
}

const isWord = (w: string) => /^\p{L}{2,}$/u.test(w);

/** Adds a dictionary's pairs, both ways (the reverse with less weight), attested words only. */
function addDictionary(pairs: Pairs, from: Lang, to: Lang, entries: Entry[], lists: Record<Lang, Set<string>>) {
  for (const { head, senses } of entries) {
    if (!isWord(head)) continue;
    senses.forEach((sense, s) =>
      sense.forEach((t, i) => {
        if (!isWord(t) || !lists[to].has(t) || fold(t) === fold(head)) return;
        const score = 1 / (s + 1) + 0.1 / (i + 1);
        addPair(pairs, from, to, head, t, score);
        addPair(pairs, to, from, t, head, score / 2);
      }),
    );
  }
}

function similarity(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  const d: number[] = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (x[i - 1] === y[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return 1 - d[y.length]! / Math.max(x.length, y.length, 1);
}

/** es ↔ pt through English: kept when the two look alike or two English words agree. */
function addPivots(pairs: Pairs, a: Lang, b: Lang, via: Lang) {
  const next = (from: Lang, to: Lang, w: string) => [...(pairs.get(`${from}\t${to}\t${w}`)?.keys() ?? [])];
  const heads = [...pairs.keys()].filter((k) => k.startsWith(`${a}\t${via}\t`)).map((k) => k.split("\t")[2]!);
  const found: [string, string, number][] = [];
  for (const w of heads) {
    const support = new Map<string, number>();
    for (const e of next(a, via, w).slice(0, 3)) for (const t of next(via, b, e).slice(0, 3)) support.set(t, (support.get(t) ?? 0) + 1);
    for (const [t, n] of support) {
      const alike = similarity(w, t);
      if (n >= 2 || alike >= 0.6) found.push([w, t, 0.3 * n + alike / 2]);
    }
  }
  for (const [w, t, score] of found) {
    addPair(pairs, a, b, w, t, score);
    addPair(pairs, b, a, t, w, score / 2);
  }
}

function writePairs(file: string, header: string[], pairs: Pairs): number {
  const lines: string[] = [];
  const grouped = new Map<string, string[]>();
  for (const [key, m] of pairs) {
    const [from, to, word] = key.split("\t") as [Lang, Lang, string];
    const best = [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, KEEP).map(([t]) => t);
    const g = `${from}\t${word}`;
    grouped.set(g, [...(grouped.get(g) ?? []), `${to}:${best.join("|")}`]);
  }
  for (const [g, targets] of [...grouped].sort((x, y) => (x[0] < y[0] ? -1 : 1))) lines.push(`${g}\t${targets.sort().join("\t")}`);
  writeFileSync(join(out, file), [...header.map((h) => `# ${h}`), ...lines, ""].join("\n"));
  return lines.length;
}

// ---------------------------------------------------------------- taxonomy

interface Theme {
  id: string;
  es: string;
  pt: string;
  en: string;
}

function stopwordLists(): Record<Lang, Set<string>> {
  const dirs = existsSync("/usr/share/postgresql") ? readdirSync("/usr/share/postgresql").map((v) => `/usr/share/postgresql/${v}/tsearch_data`) : [];
  const dir = dirs.find((d) => existsSync(join(d, "spanish.stop")));
  if (!dir) throw new Error("no PostgreSQL tsearch_data/*.stop found: apt-get install -y postgresql-15 (its stop lists are Snowball's)");
  const read = (name: string) => new Set(readFileSync(join(dir, `${name}.stop`), "utf8").split("\n").map((w) => fold(w.trim())).filter(Boolean));
  return { es: read("spanish"), pt: read("portuguese"), en: read("english") };
}

/** Folded word → ids, for words that name at most `maxIds` entries (distinctive words only). */
function keywordIndex<T extends string | number>(
  names: { id: T; text: Partial<Record<Lang, string>> }[],
  stop: Record<Lang, Set<string>>,
  maxIds: number,
): Record<Lang, Record<string, T[]>> {
  const result = {} as Record<Lang, Record<string, T[]>>;
  for (const lang of searchLanguages) {
    const ids = new Map<string, Set<T>>();
    for (const { id, text } of names)
      for (const w of lowerWords(text[lang] ?? "").map(fold))
        if (w.length >= 3 && !stop[lang].has(w) && !/^\d+$/.test(w)) ids.set(w, (ids.get(w) ?? new Set()).add(id));
    result[lang] = Object.fromEntries(
      [...ids].filter(([, s]) => s.size <= maxIds).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, s]) => [w, [...s]]),
    );
  }
  return result;
}

/** Word pairs from the themes' names in three languages, aligned by elimination. */
function alignThemeNames(themes: Theme[], stop: Record<Lang, Set<string>>, related: (a: Lang, x: string, b: Lang, y: string) => boolean): Pairs {
  const pairs: Pairs = new Map();
  for (const t of themes)
    for (const a of searchLanguages)
      for (const b of searchLanguages) {
        if (a === b) continue;
        const xs = lowerWords(t[a]).filter((w) => !stop[a].has(fold(w)));
        const ys = lowerWords(t[b]).filter((w) => !stop[b].has(fold(w)));
        const pairsWith = (x: string, y: string) => fold(x) === fold(y) || related(a, x, b, y);
        const restX = xs.filter((x) => !ys.some((y) => pairsWith(x, y)));
        const restY = ys.filter((y) => !xs.some((x) => pairsWith(x, y)));
        if (restX.length === 1 && restY.length === 1) addPair(pairs, a, b, restX[0]!, restY[0]!, 1);
      }
  return pairs;
}

// ---------------------------------------------------------------- thesauri (synonym bridge)

/** Synonyms per word from LibreOffice's MyThes thesauri, most often listed first. */
function readThesauri(files: string[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const file of files) {
    const lines = readFileSync(need(file, "mythes-es mythes-pt-br mythes-pt-pt"), "utf8").split("\n");
    for (let i = 1; i < lines.length; i++) {
      const m = /^([^|(]+)\|(\d+)$/.exec(lines[i]!);
      if (!m) continue;
      const word = m[1]!.trim().toLowerCase();
      const senses = Number(m[2]);
      let c = counts.get(word);
      if (!c) counts.set(word, (c = new Map()));
      for (let j = 1; j <= senses; j++) {
        for (const s of (lines[i + j] ?? "").split("|").slice(1)) {
          const syn = s.replace(/\(.*?\)/g, "").trim().toLowerCase();
          if (isWord(syn) && syn !== word) c.set(syn, (c.get(syn) ?? 0) + 1);
        }
      }
      i += senses;
    }
  }
  const result = new Map<string, string[]>();
  for (const [w, c] of counts) result.set(w, [...c].sort((a, b) => b[1] - a[1]).map(([s]) => s));
  return result;
}

/**
 * Words no dictionary translates, translated through their synonyms that one does
 * (moradia → habitação → vivienda). Only the first few synonyms, and weaker than a dictionary.
 */
function synonymBridge(lang: Lang, thesaurus: Map<string, string[]>, sources: Pairs[], lists: Record<Lang, Set<string>>): Pairs {
  const pairs: Pairs = new Map();
  const translations = (w: string, to: Lang) => {
    for (const p of sources) {
      const m = p.get(`${lang}\t${to}\t${w}`);
      if (m) return [...m].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    }
    return [];
  };
  for (const [word, synonyms] of thesaurus) {
    if (!lists[lang].has(word)) continue;
    for (const to of searchLanguages) {
      if (to === lang || translations(word, to).length > 0) continue;
      synonyms.slice(0, 4).forEach((syn, i) => {
        const t = translations(syn, to)[0];
        if (t) addPair(pairs, lang, to, word, t, 1 / (i + 1));
      });
    }
  }
  return pairs;
}

// ---------------------------------------------------------------- main

function main() {
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  const lists = { es: loadWordList("es"), pt: loadWordList("pt"), en: loadWordList("en") };
  const stop = stopwordLists();
  process.stdout.write(`word lists: es ${lists.es.size}, pt ${lists.pt.size}, en ${lists.en.size}\n`);

  // GPL-2.0-or-later FreeDict dictionaries, and pivots between them.
  const gpl: Pairs = new Map();
  const infos: string[] = [];
  for (const [a, b] of [["es", "pt"], ["es", "en"], ["en", "es"], ["pt", "en"], ["en", "pt"]] as [Lang, Lang][]) {
    const { entries, info } = readFreedict(a, b);
    infos.push(`freedict-${code3[a]}-${code3[b]}: ${info.split("\n").find((l) => /Edition/.test(l))?.trim() ?? ""}, ${entries.length} entries`);
    addDictionary(gpl, a, b, entries, lists);
  }
  addPivots(gpl, "es", "pt", "en");
  addPivots(gpl, "pt", "es", "en");
  // CC BY-SA 3.0 FreeDict/WikDict Portuguese–Spanish, kept in a file of its own.
  const wik: Pairs = new Map();
  const wikdict = readFreedict("pt", "es");
  addDictionary(wik, "pt", "es", wikdict.entries, lists);

  const nGpl = writePairs("freedict.tsv", [
    "Translations from FreeDict spa-por, spa-eng, eng-spa, por-eng, eng-por (GNU GPL 2.0 or later) and pivots",
    "between them through English. Built by scripts/build-lexicon.ts. Licence: GPL-2.0-or-later.",
    ...infos,
    "Format: source language, word, then one column per target language: lang:best|next|…",
  ], gpl);
  const nWik = writePairs("wikdict-por-spa.tsv", [
    "Translations from FreeDict por-spa (FreeDict+WikDict, base data from Wiktionary via DBnary), Karl Bartel.",
    "Licence: CC BY-SA 3.0 Unported. Built by scripts/build-lexicon.ts.",
    `${wikdict.info.split("\n").find((l) => /Edition/.test(l))?.trim() ?? ""}, ${wikdict.entries.length} entries`,
    "Format: source language, word, then one column per target language: lang:best|next|…",
  ], wik);

  // Cognates of every word the dictionaries know, attested in the other language's word list.
  const known: Record<Lang, Set<string>> = { es: new Set(), pt: new Set(), en: new Set() };
  for (const pairs of [gpl, wik])
    for (const [key, m] of pairs) {
      const [from, to, word] = key.split("\t") as [Lang, Lang, string];
      known[from].add(word);
      for (const t of m.keys()) known[to].add(t);
    }
  const foldedList = Object.fromEntries(
    searchLanguages.map((l) => {
      const m = new Map<string, string>();
      for (const w of lists[l]) if (!m.has(fold(w))) m.set(fold(w), w);
      return [l, m];
    }),
  ) as Record<Lang, Map<string, string>>;
  const cognates: Pairs = new Map();
  for (const a of searchLanguages)
    for (const w of known[a]) {
      if (stop[a].has(fold(w))) continue;
      for (const b of searchLanguages) {
        if (a === b) continue;
        const attested = cognateCandidates(w, a, b).filter((c) => foldedList[b].has(c) && !stop[b].has(c));
        attested.slice(0, 2).forEach((c, i) => addPair(cognates, a, b, w, foldedList[b].get(c)!, 1 / (i + 1)));
      }
    }
  const nCognates = writePairs("cognates.tsv", [
    "Orthographic cognates (rules in platform/search/cognates.ts) of the words in freedict.tsv and wikdict-por-spa.tsv,",
    "kept when attested in the other language's word list: hunspell-es (es_ES) and hunspell-pt-br (pt_BR), expanded",
    "without prefixes by hunspell's unmunch, and wamerican (SCOWL). Built by scripts/build-lexicon.ts.",
    "Licence: as freedict.tsv (GPL-2.0-or-later); the word lists were only looked up.",
    "Format: source language, word, then one column per target language: lang:best|next|…",
  ], cognates);

  // The taxonomy: themes (ours) and the SDG goals' names (UN text).
  const themesJson = JSON.parse(readFileSync(join(root, "data/reference/themes.json"), "utf8")) as Record<string, Theme[]>;
  const themes = [...themesJson["network-spaces"]!, ...themesJson["pairing-themes"]!];
  type GoalRow = { level: string; goal: string; en_short: string; en_title: string; es_short: string; es_title: string; pt_short: string; pt_title: string };
  const goals = (parse(readFileSync(join(root, "data/reference/sdg_goals_targets_en_es_pt.csv")), { columns: true }) as GoalRow[]).filter((g) => g.level === "goal");
  const related = (a: Lang, x: string, b: Lang, y: string) =>
    [gpl, wik, cognates].some((p) => p.get(`${a}\t${b}\t${x}`)?.has(y) || p.get(`${b}\t${a}\t${y}`)?.has(x));
  const themePairs = alignThemeNames(themes, stop, related);
  const nThemes = writePairs("themes.tsv", [
    "Word pairs aligned from the names of the themes in data/reference/themes.json (Pares, CC BY 4.0).",
    "Built by scripts/build-lexicon.ts. Licence: CC BY 4.0.",
    "Format: source language, word, then one column per target language: lang:best|next|…",
  ], themePairs);
  const bridged: Pairs = new Map();
  const sources = [gpl, cognates, themePairs];
  for (const [lang, files] of [
    ["es", ["/usr/share/mythes/th_es_ES_v2.dat"]],
    ["pt", ["/usr/share/mythes/th_pt_PT_v2.dat", "/usr/share/mythes/th_pt_BR.dat"]],
  ] as [Lang, string[]][])
    for (const [k, m] of synonymBridge(lang, readThesauri(files), sources, lists)) bridged.set(k, m);
  const nBridged = writePairs("synonyms.tsv", [
    "Translations of words no dictionary translates, through their synonyms in LibreOffice's MyThes thesauri",
    "(th_es_ES_v2: Marcelo Garrone, LGPL-2.1; th_pt_PT_v2: GPL-2.0-or-later; th_pt_BR: Raimundo Santos Moura, LGPL-3 or MPL)",
    "translated by freedict.tsv, cognates.tsv and themes.tsv. Built by scripts/build-lexicon.ts. Licence: GPL-2.0-or-later.",
    "Format: source language, word, then one column per target language: lang:best|next|…",
  ], bridged);
  const taxonomy = {
    _about:
      "Built by scripts/build-lexicon.ts. 'themes': folded words of the theme names (data/reference/themes.json, CC BY 4.0) that name at most two themes → theme ids. 'sdgGoals': folded words of the 17 SDG goals' short names and titles (UN text) that name at most two goals → goal numbers.",
    themes: keywordIndex(themes.map((t) => ({ id: t.id, text: t })), stop, 2),
    sdgGoals: keywordIndex(
      goals.map((g) => ({ id: Number(g.goal), text: { es: `${g.es_short} ${g.es_title}`, pt: `${g.pt_short} ${g.pt_title}`, en: `${g.en_short} ${g.en_title}` } })),
      stop,
      2,
    ),
  };
  writeFileSync(join(out, "taxonomy.json"), `${JSON.stringify(taxonomy, null, 1)}\n`);
  writeFileSync(
    join(out, "stopwords.tsv"),
    [
      "# Snowball stop words (BSD licence) as PostgreSQL ships them (tsearch_data/{spanish,portuguese,english}.stop), folded.",
      ...searchLanguages.map((l) => `${l}\t${[...stop[l]].sort().join(" ")}`),
      "",
    ].join("\n"),
  );
  process.stdout.write(
    `freedict.tsv ${nGpl} words, wikdict-por-spa.tsv ${nWik}, cognates.tsv ${nCognates}, themes.tsv ${nThemes}, synonyms.tsv ${nBridged}; ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

main();

// The cross-lingual lexicon the search expands queries with, read once from the committed files
// in data/reference/lexicon (built by scripts/build-lexicon.ts; sources and licences in each
// file's header). Every word is folded (lower case, no accents) as search sees it.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dataFile } from "../project-files.ts";
import { fold, type SearchLanguage, searchLanguages } from "./text.ts";

type Translations = Partial<Record<SearchLanguage, string[]>>;

export interface Lexicon {
  /** Translations of a folded word of `from`, best first, per target language. */
  translate(word: string, from: SearchLanguage): Translations;
  isStopWord(word: string): boolean;
  /** Whether the word is known in `language` (a dictionary headword or a translation into it). */
  knows(word: string, language: SearchLanguage): boolean;
  /** Themes and SDG goals a folded word names, per the taxonomy bridge. */
  taxonomy(word: string): { themes: string[]; sdgGoals: number[] };
}

// Earlier files are better sources: the themes' aligned names, then dictionaries, then the
// cognates attested in word lists, then translations through synonyms.
const files = ["themes.tsv", "freedict.tsv", "wikdict-por-spa.tsv", "cognates.tsv", "synonyms.tsv"];
const PER_FILE = 3;

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  loaded ??= load(pathToFileURL(`${dataFile("reference", "lexicon")}/`));
  return loaded;
}

function load(dir: URL): Lexicon {
  const table = new Map<string, Translations>();
  const known: Record<SearchLanguage, Set<string>> = { es: new Set(), pt: new Set(), en: new Set() };
  for (const file of files) {
    for (const line of readFileSync(new URL(file, dir), "utf8").split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const [lang, rawWord, ...columns] = line.split("\t");
      if (!lang || !rawWord || !isLang(lang)) continue;
      const word = fold(rawWord);
      known[lang].add(word);
      const key = `${lang}:${word}`;
      const entry = table.get(key) ?? {};
      for (const column of columns) {
        const colon = column.indexOf(":");
        const target = column.slice(0, colon);
        if (!isLang(target)) continue;
        const list = (entry[target] ??= []);
        let added = 0;
        for (const raw of column.slice(colon + 1).split("|")) {
          const translated = fold(raw.trim());
          if (!translated || translated.includes(" ") || list.includes(translated)) continue;
          list.push(translated);
          known[target].add(translated);
          if (++added >= PER_FILE) break;
        }
      }
      table.set(key, entry);
    }
  }
  const stop = new Set<string>();
  for (const line of readFileSync(new URL("stopwords.tsv", dir), "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    for (const w of line.split("\t")[1]?.split(" ") ?? []) stop.add(w);
  }
  const taxonomy = JSON.parse(readFileSync(new URL("taxonomy.json", dir), "utf8")) as {
    themes: Record<SearchLanguage, Record<string, string[]>>;
    sdgGoals: Record<SearchLanguage, Record<string, number[]>>;
  };
  return {
    translate: (word, from) => table.get(`${from}:${word}`) ?? {},
    isStopWord: (word) => stop.has(word),
    knows: (word, language) => known[language].has(word),
    taxonomy(word) {
      const themes = new Set<string>();
      const sdgGoals = new Set<number>();
      for (const lang of searchLanguages) {
        for (const t of taxonomy.themes[lang]?.[word] ?? []) themes.add(t);
        for (const g of taxonomy.sdgGoals[lang]?.[word] ?? []) sdgGoals.add(g);
      }
      return { themes: [...themes], sdgGoals: [...sdgGoals] };
    },
  };
}

function isLang(value: string): value is SearchLanguage {
  return (searchLanguages as readonly string[]).includes(value);
}

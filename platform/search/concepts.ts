// Language-neutral "concepts" of a text, for comparing two texts written in different languages
// (the exchange's matchmaking). Each content word becomes one or two concept keys: its Spanish
// form (Spanish is only the pivot: a Portuguese or English word is carried there through the
// lexicon's translations or an attested cognate), cut to a stem so that inflections and
// derivations meet ("saneamento" → "saneamiento" → "saneam"). Two texts share a concept when
// their words have the same key, whatever language each was written in; the words themselves are
// kept beside the key so that an explanation can say which words met.
import { cognateCandidates } from "./cognates.ts";
import { lexicon } from "./lexicon.ts";
import { fold, lemmaCandidates, type SearchLanguage, searchLanguages } from "./text.ts";

/** A concept of a text: its key, how often it occurs, and the text's own words that carry it. */
export interface Concept {
  key: string;
  count: number;
  words: string[];
}

const STEM_LENGTH = 6;
const MAX_KEYS_PER_WORD = 2;

/** The stem a concept is keyed by: the folded pivot word cut to a few letters. */
export function stemKey(word: string): string {
  return word.length <= STEM_LENGTH ? word : word.slice(0, STEM_LENGTH);
}

function spanishForms(word: string, language: SearchLanguage): string[] {
  const lex = lexicon();
  const forms = lemmaCandidates(word);
  if (language === "es") {
    const knownForm = forms.find((f) => lex.knows(f, "es"));
    return [knownForm ?? word];
  }
  for (const form of forms) {
    const translated = lex.translate(form, language).es ?? [];
    if (translated.length > 0) return translated.slice(0, MAX_KEYS_PER_WORD);
  }
  for (const form of forms) {
    const cognate = cognateCandidates(form, language, "es").find((c) => lex.knows(c, "es"));
    if (cognate) return [cognate];
  }
  // Unknown everywhere (a name, a technical word): shared spelling is the best guess.
  return [forms[forms.length > 1 ? 1 : 0] ?? word];
}

const cache = new Map<string, string[]>();

/**
 * The concept keys of one folded word of `language` (empty for a stop word). Without
 * `translate`, the word's own stem only (what matching on words alone would do; for measuring).
 */
export function conceptKeys(word: string, language: SearchLanguage, translate = true): string[] {
  if (!translate) return lexicon().isStopWord(word) || word.length < 3 || /^\d+$/.test(word) ? [] : [stemKey(word)];
  const cacheKey = `${language}:${word}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const lex = lexicon();
  let keys: string[] = [];
  if (!lex.isStopWord(word) && word.length >= 3 && !/^\d+$/.test(word)) {
    keys = [...new Set(spanishForms(word, language).map((w) => stemKey(fold(w))))].filter((k) => k.length >= 3 && !lex.isStopWord(k));
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(cacheKey, keys);
  return keys;
}

/** The concepts of a text written in `language`, most frequent first. */
export function concepts(text: string, language: SearchLanguage, translate = true): Concept[] {
  const byKey = new Map<string, Concept>();
  for (const raw of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || raw.length > 40) continue;
    const keys = conceptKeys(raw, language, translate);
    for (const key of keys) {
      const concept = byKey.get(key) ?? { key, count: 0, words: [] };
      concept.count += 1 / keys.length;
      if (!concept.words.includes(raw) && concept.words.length < 4) concept.words.push(raw);
      byKey.set(key, concept);
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export { searchLanguages };

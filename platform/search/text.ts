// Words as search sees them: folded the way the database's pares_normalize() folds text
// (accents removed, lower case, anything but letters and digits splits words), so a word
// counted in search_vocabulary and a word typed in the search box meet on the same form.

export const searchLanguages = ["es", "pt", "en"] as const;
export type SearchLanguage = (typeof searchLanguages)[number];

export function isSearchLanguage(value: unknown): value is SearchLanguage {
  return typeof value === "string" && (searchLanguages as readonly string[]).includes(value);
}

// Letters that unaccent's rules fold but Unicode decomposition leaves alone.
const extraFolds: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h", ŧ: "t", ŀ: "l",
};
const extraFoldPattern = new RegExp(`[${Object.keys(extraFolds).join("")}]`, "gu");

/** Lower case without accents: "Educación" → "educacion", "Ação" → "acao". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(extraFoldPattern, (c) => extraFolds[c] ?? c);
}

/** The words of `text` in lower case, accents kept (for rules that need them, like ñ → nh). */
export function lowerWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The distinct words of `text`, folded like pares_normalize(), in order of first appearance:
 * what search_vocabulary counts. Words without a letter (numbers) and words longer than 40
 * characters (identifiers, URLs run together) are left out: they never need correcting.
 */
export function foldedWords(text: string): string[] {
  const seen = new Set<string>();
  for (const word of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || word.length > 40 || !/\p{L}/u.test(word)) continue;
    seen.add(word);
  }
  return [...seen];
}

/**
 * Forms under which a (folded) word may be listed in a dictionary: the word itself, then its
 * likely singular and masculine forms. Dictionaries list lemmas; people type plurals.
 */
export function lemmaCandidates(word: string): string[] {
  const out = [word];
  const add = (w: string) => {
    if (w.length >= 3 && !out.includes(w)) out.push(w);
  };
  if (word.endsWith("oes") || word.endsWith("aes")) add(`${word.slice(0, -3)}ao`); // ações → ação
  if (word.endsWith("ies")) add(`${word.slice(0, -3)}y`); // cities → city
  if (word.endsWith("ces")) add(`${word.slice(0, -3)}z`); // luces → luz
  if (word.endsWith("ns")) add(`${word.slice(0, -2)}m`); // jovens → jovem
  if (word.endsWith("is")) add(`${word.slice(0, -2)}l`); // nacionais → nacional
  if (word.endsWith("eis")) add(`${word.slice(0, -3)}el`); // papéis → papel
  if (word.endsWith("es")) add(word.slice(0, -2)); // ciudades → ciudad
  if (word.endsWith("s")) add(word.slice(0, -1)); // viviendas → vivienda
  for (const w of [...out]) if (w.endsWith("a")) add(`${w.slice(0, -1)}o`); // públicas → público
  return out;
}

// User content stored per language ({ es?, pt?, en? } plus the language it was written in).
import { isLocale, type Locale, locales, type Translated } from "./locales.ts";

export interface LocalizedText {
  text: string;
  /** The language `text` is in. */
  language: Locale;
  /** True when the reader's language was missing and another language is shown instead. */
  fallback: boolean;
}

/**
 * The text in the reader's language when present; else the original language; else any
 * language present. `fallback` tells the page to mark it (lang attribute, "original in …").
 */
export function localize(value: Translated, reader: Locale, original?: string | null): LocalizedText | undefined {
  const own = value[reader];
  if (own) return { text: own, language: reader, fallback: false };
  const order = [...(isLocale(original) ? [original] : []), ...locales];
  for (const language of order) {
    const text = value[language];
    if (text) return { text, language, fallback: true };
  }
  return undefined;
}

/** The reader's language, else the original, as plain text ("" when the value is empty). */
export function localizedText(value: Translated, reader: Locale, original?: string | null): string {
  return localize(value, reader, original)?.text ?? "";
}

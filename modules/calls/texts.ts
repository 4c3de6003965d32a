// Structured texts stored per language ({ es?, pt?, en? } of objects): the reader's language when
// written, else the original, else any; with the language shown (for the lang attribute).
import { isLocale, type Locale, locales } from "../../platform/i18n/locales.ts";

export function pickText<T>(texts: Partial<Record<Locale, T>>, reader: Locale, original?: string | null): { value: T; language: Locale } | undefined {
  const order = [reader, ...(isLocale(original) ? [original] : []), ...locales];
  for (const language of order) {
    const value = texts[language];
    if (value) return { value, language };
  }
  return undefined;
}

// Names of languages (ISO 639-1 codes) in the reader's language, from CLDR through Intl.
import type { Locale } from "./locales.ts";

/** Each code with its name in `locale` ("Guaraní", "Guarani"), sorted by name. */
export function languageNames(locale: Locale, codes: readonly string[]): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const collator = new Intl.Collator(locale);
  return codes
    .map((code) => {
      const name = names.of(code) ?? code;
      // Spanish and Portuguese write language names in lower case; in a list they start a line.
      return { code, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

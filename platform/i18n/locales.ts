// The UI languages and the shape of user content stored per language.
export const locales = ["es", "pt", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "es";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Text stored per language: any subset of the UI languages. */
export type Translated = Partial<Record<Locale, string>>;

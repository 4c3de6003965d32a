// Full-text search per content language. The text-search configurations pares_es, pares_pt,
// pares_en (stemming + accent folding) and pares_simple are created by the first migration.
import { sql, type SQL } from "drizzle-orm";
import { isLocale, type Locale } from "../i18n/locales.ts";

const configs: Record<Locale, string> = { es: "pares_es", pt: "pares_pt", en: "pares_en" };

/** The text-search configuration for text written in `language` (unknown languages get no stemming). */
export function textSearchConfig(language: string | null | undefined): SQL {
  const name = isLocale(language) ? configs[language] : "pares_simple";
  return sql.raw(`'${name}'::regconfig`);
}

/** A tsvector of `text` as written in `language`. */
export function toSearchVector(language: string | null | undefined, text: SQL | string): SQL {
  return sql`to_tsvector(${textSearchConfig(language)}, ${text})`;
}

/** A query from what a person typed (websearch syntax: quotes, OR, -exclusion). */
export function toSearchQuery(language: string | null | undefined, typed: string): SQL {
  return sql`websearch_to_tsquery(${textSearchConfig(language)}, ${typed})`;
}

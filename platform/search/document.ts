// The text-search document of a record written in several languages: each language's text is
// stemmed by its own configuration (accents removed), title weighted A, summary B, the rest C.
// Queries (prepare-query.ts) stem each word with every configuration, so a document matches a
// word whatever language either is written in.
import { type SQL, sql } from "drizzle-orm";
import type { SearchLanguage } from "./text.ts";

export { foldedWords } from "./text.ts";

export interface DocumentPart {
  language: SearchLanguage;
  title: string;
  summary: string;
  body: string;
}

export function textSearchConfig(language: SearchLanguage): string {
  return `pares_${language}`;
}

export function documentVector(parts: DocumentPart[]): SQL {
  if (parts.length === 0) return sql`''::tsvector`;
  const pieces = parts.flatMap((p) => {
    const config = textSearchConfig(p.language);
    return [
      sql`setweight(to_tsvector(${config}::regconfig, ${p.title}), 'A')`,
      sql`setweight(to_tsvector(${config}::regconfig, ${p.summary}), 'B')`,
      sql`setweight(to_tsvector(${config}::regconfig, ${p.body}), 'C')`,
    ];
  });
  return sql.join(pieces, sql` || `);
}

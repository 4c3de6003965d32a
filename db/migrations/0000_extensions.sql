-- Extensions and text-search helpers used by every module. On PGlite the extensions are
-- loaded by platform/db/client.ts at every open; on a server they are trusted extensions.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS citext;--> statement-breakpoint
-- unaccent() is only STABLE; an IMMUTABLE wrapper with an explicit dictionary can be used in
-- indexes and generated columns.
CREATE OR REPLACE FUNCTION pares_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
-- How names are folded for searching: accents removed, lower case, punctuation as spaces.
CREATE OR REPLACE FUNCTION pares_normalize(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(pares_unaccent($1)), '[^[:alnum:]]+', ' ', 'g')) $$;--> statement-breakpoint
-- Full-text search per content language, accent-insensitive.
CREATE TEXT SEARCH CONFIGURATION pares_es (COPY = pg_catalog.spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION pares_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION pares_pt (COPY = pg_catalog.portuguese);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION pares_pt ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION pares_en (COPY = pg_catalog.english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION pares_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
-- Text of unknown language: no stemming, accents folded.
CREATE TEXT SEARCH CONFIGURATION pares_simple (COPY = pg_catalog.simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION pares_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

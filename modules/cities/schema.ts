import { sql } from "drizzle-orm";
import {
  char,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
} from "drizzle-orm/pg-core";
import type { Translated } from "../../platform/i18n/locales.ts";

/** UN M49 regions, sub-regions and intermediate regions (e.g. 019 Americas › 419 Latin America › 005 South America). */
export const worldRegions = pgTable("world_regions", {
  code: char("code", { length: 3 }).primaryKey(),
  level: text("level", { enum: ["region", "subregion", "intermediate"] }).notNull(),
  parentCode: char("parent_code", { length: 3 }),
  name: jsonb("name").$type<Translated>().notNull(),
});

export const countries = pgTable(
  "countries",
  {
    code: char("code", { length: 2 }).primaryKey(),
    iso3: char("iso3", { length: 3 }).notNull().unique(),
    isoNumeric: char("iso_numeric", { length: 3 }),
    name: jsonb("name").$type<Translated>().notNull(),
    regionCode: char("region_code", { length: 3 }).references(() => worldRegions.code),
    subregionCode: char("subregion_code", { length: 3 }).references(() => worldRegions.code),
    intermediateRegionCode: char("intermediate_region_code", { length: 3 }).references(() => worldRegions.code),
    capital: text("capital"),
    population: integer("population"),
    languages: text("languages"),
    /** How many directory cities the country has; kept by importCities. */
    cityCount: integer("city_count").notNull().default(0),
  },
  (t) => [index("countries_region_idx").on(t.regionCode, t.subregionCode, t.intermediateRegionCode)],
);

export const cities = pgTable(
  "cities",
  {
    /** The GeoNames id: stable, and what imports are matched on. */
    id: integer("id").primaryKey(),
    name: text("name").notNull(),
    asciiName: text("ascii_name").notNull(),
    names: jsonb("names").$type<Translated>().notNull(),
    countryCode: char("country_code", { length: 2 })
      .notNull()
      .references(() => countries.code),
    admin1Code: text("admin1_code"),
    admin1Name: text("admin1_name"),
    population: integer("population").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    timezone: text("timezone").notNull(),
    wikidataId: text("wikidata_id"),
  },
  (t) => [
    index("cities_country_population_idx").on(t.countryCode, t.population.desc()),
    index("cities_population_idx").on(t.population.desc()),
  ],
);

/**
 * Every name a city is known by (official, ASCII, es/pt/en, Latin-script alternates), folded
 * with pares_normalize(), plus each name's word tails ("sao paulo" → "paulo") so that a prefix
 * search finds a name by any of its words. Prefix search uses the btree index; typo-tolerant
 * search uses the trigram index over primary names.
 */
export const cityNameWeights = { primary: 0, alternate: 1, primaryTail: 2, alternateTail: 3 } as const;

export const cityNames = pgTable(
  "city_names",
  {
    cityId: integer("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    nameNorm: text("name_norm").notNull(),
    /** See cityNameWeights: lower is a better match. */
    weight: smallint("weight").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.nameNorm] }),
    index("city_names_prefix_idx").using("btree", sql`${t.nameNorm} text_pattern_ops`),
    index("city_names_trgm_idx").using("gin", sql`${t.nameNorm} gin_trgm_ops`).where(sql`${t.weight} = 0`),
  ],
);

// Networks of local governments and who belongs to them. A network is either hosted here (run
// by its secretariat: members apply, the secretariat decides) or external (recorded by a city so
// its portfolio is complete; the city records its own membership and roles in it).
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Translated } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { organizations } from "../organizations/schema.ts";

export const networkKinds = ["regional", "global", "thematic"] as const;
export type NetworkKind = (typeof networkKinds)[number];

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const networks = pgTable(
  "networks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    /** The name in the network's own language ("Mercociudades"). */
    name: text("name").notNull(),
    /** The name per UI language, where it differs ("Mercocidades" in pt). */
    names: jsonb("names").$type<Translated>().notNull().default({}),
    /** Acronym per language ("UCCI"; "CGLU"/"UCLG"). */
    acronyms: jsonb("acronyms").$type<Translated>().notNull().default({}),
    /** The name folded for search and sorting. */
    nameNorm: text("name_norm")
      .notNull()
      .generatedAlwaysAs(sql`public.pares_normalize(name)`),
    kind: text("kind", { enum: networkKinds }).notNull(),
    /** Hosted here and run by its secretariat, or only recorded by cities for their portfolio. */
    hosted: boolean("hosted").notNull().default(true),
    /** UN M49 codes of the regions covered (world_regions), or empty for worldwide. */
    regionCodes: text("region_codes").array().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes of the languages the network works in. */
    workingLanguages: text("working_languages").array().notNull().default(sql`'{}'::text[]`),
    foundedOn: date("founded_on"),
    description: jsonb("description").$type<Translated>().notNull().default({}),
    /** The language the description was written in. */
    descriptionLanguage: text("description_language").notNull().default("es"),
    website: text("website"),
    /** The logo, checked by content on upload (PNG, JPEG or WebP, at most 200 KB). */
    logo: bytea("logo"),
    logoType: text("logo_type"),
    logoUpdatedAt: timestamp("logo_updated_at", { withTimezone: true }),
    /** The organization that runs the network; its members are the network's secretariat. */
    secretariatOrganizationId: uuid("secretariat_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    /** For an external network: the organization that recorded it. */
    recordedByOrganizationId: uuid("recorded_by_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("networks_name_norm_trgm_idx").using("gin", sql`${t.nameNorm} gin_trgm_ops`),
    index("networks_secretariat_idx").on(t.secretariatOrganizationId),
  ],
);

/** Membership categories of a network (full member, associate, partner…), named per language. */
export const networkCategories = pgTable(
  "network_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    /** Stable key within the network: full, associate, partner… */
    key: text("key").notNull(),
    names: jsonb("names").$type<Translated>().notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("network_categories_key").on(t.networkId, t.key)],
);

export const membershipStatuses = ["applicant", "active", "inactive", "suspended", "withdrawn", "declined"] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/**
 * An organization's membership of a network: one row per pair, its current status, and every
 * change kept in network_membership_events. An application is a membership with status
 * "applicant"; a declined one keeps the row (status "declined") and may apply again.
 */
export const networkMemberships = pgTable(
  "network_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: text("status", { enum: membershipStatuses }).notNull(),
    categoryId: uuid("category_id").references(() => networkCategories.id, { onDelete: "set null" }),
    /** Member since (the date the membership became active, or as imported). */
    since: date("since"),
    founding: boolean("founding").notNull().default(false),
    /** When the status last changed: "inactive for a long time" is measured from here. */
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** The applicant's message to the secretariat. */
    message: text("message"),
    /** Where a real membership is documented (demo data carries the source; invented rows none). */
    sourceUrl: text("source_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("network_memberships_pair").on(t.networkId, t.organizationId),
    index("network_memberships_organization_idx").on(t.organizationId),
    index("network_memberships_network_status_idx").on(t.networkId, t.status),
  ],
);

/** Every change of a membership: who, when, why. */
export const networkMembershipEvents = pgTable(
  "network_membership_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    membershipId: uuid("membership_id")
      .notNull()
      .references(() => networkMemberships.id, { onDelete: "cascade" }),
    fromStatus: text("from_status", { enum: membershipStatuses }),
    toStatus: text("to_status", { enum: membershipStatuses }).notNull(),
    categoryId: uuid("category_id").references(() => networkCategories.id, { onDelete: "set null" }),
    reason: text("reason"),
    changedBy: text("changed_by").references(() => users.id, { onDelete: "set null" }),
    /**
     * The date the change takes effect (an import may date it in the past); null when nobody knows
     * it (a membership of an external network recorded without its start date).
     */
    effectiveOn: date("effective_on").default(sql`current_date`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("network_membership_events_membership_idx").on(t.membershipId, t.createdAt)],
);

export const populationBands = ["under_100k", "100k_500k", "500k_1m", "1m_5m", "over_5m"] as const;
export type PopulationBand = (typeof populationBands)[number];

/** A population band as [from, to) inhabitants; to is null for the open top band. */
export function populationBandRange(band: PopulationBand): [number, number | null] {
  switch (band) {
    case "under_100k":
      return [0, 100_000];
    case "100k_500k":
      return [100_000, 500_000];
    case "500k_1m":
      return [500_000, 1_000_000];
    case "1m_5m":
      return [1_000_000, 5_000_000];
    case "over_5m":
      return [5_000_000, null];
  }
}


// The good-practice bank: practices with every version kept, their files, the moderation
// workflow and its history, reports of inappropriate content, a network's thematic axes (of its
// bank and of its city–university observatory), calls for practices, collections (published as
// booklets) and the search index of published practices.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  char,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { cities } from "../cities/schema.ts";
import { networks } from "../networks/schema.ts";
import { organizations, type OrganizationKind } from "../organizations/schema.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Where a version stands. Draft → submitted → in review → published; or changes requested (with
 * comments), after which the author's next edit starts a new draft; or declined (with a reason).
 */
export const versionStatuses = ["draft", "submitted", "in_review", "changes_requested", "published", "declined"] as const;
export type VersionStatus = (typeof versionStatuses)[number];

/** The text of a practice in one language. */
export interface PracticeText {
  title: string;
  summary: string;
  problem: string;
  solution: string;
  results: string;
  lessons: string;
  replication: string;
}
export const practiceTextFields = ["title", "summary", "problem", "solution", "results", "lessons", "replication"] as const;
export type PracticeTextField = (typeof practiceTextFields)[number];

export interface PracticePartner {
  /** A partner registered on Pares, when it is one. */
  organizationId?: string | null;
  name: string;
  kind: OrganizationKind;
}

/** Everything an author edits, kept whole in each version. */
export interface PracticeContent {
  texts: Partial<Record<Locale, PracticeText>>;
  themeIds: string[];
  /** Keys of the network's own axes (network_practice_axes), mapped onto themes. */
  axisKeys: string[];
  sdgGoals: number[];
  sdgTargets: string[];
  startYear: number | null;
  endYear: number | null;
  /** A decimal as text ("120000.00"): money is never a float. */
  budgetAmount: string | null;
  /** ISO 4217. */
  budgetCurrency: string | null;
  populationReached: number | null;
  partners: PracticePartner[];
  contact: { name: string; position: string; email: string } | null;
  links: { url: string; label: string }[];
  /** The images and attachments of this version (practice_files), in order. */
  fileIds: string[];
}

export const practices = pgTable(
  "practices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    /** The bank the practice belongs to; null only for catalogue entries that link to their source. */
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    /** The owning organization; null only for catalogue entries. */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    /** Where the practice happens (the owner's city by default). */
    cityId: integer("city_id").references(() => cities.id),
    countryCode: char("country_code", { length: 2 }),
    originalLanguage: text("original_language").notNull(),
    /** The latest version: the one being written or reviewed (or the published one when none is). */
    currentVersionId: uuid("current_version_id").references((): AnyPgColumn => practiceVersions.id, { onDelete: "set null" }),
    /** The version the public reads; null until first published. */
    publishedVersionId: uuid("published_version_id").references((): AnyPgColumn => practiceVersions.id, { onDelete: "set null" }),
    /** The current version's status, kept here for the moderation queue's filters and counts. */
    status: text("status", { enum: versionStatuses }).notNull().default("draft"),
    /** Born of city–university cooperation (a university among the partners of the published version). */
    observatory: boolean("observatory").notNull().default(false),
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }),
    lastPublishedAt: timestamp("last_published_at", { withTimezone: true }),
    /** Taken down by a moderator (after a report): hidden from the public, kept for its authors. */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    /** A catalogue entry: title and facts only, read at this source. */
    sourceUrl: text("source_url"),
    /** Written for the demo, not a real practice. */
    demo: boolean("demo").notNull().default(false),
    /** The form's or the API client's idempotency key: a repeated creation finds the first practice. */
    creationKey: text("creation_key"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("practices_creation_key").on(t.createdBy, t.creationKey),
    index("practices_queue_idx").on(t.networkId, t.status, t.updatedAt),
    index("practices_organization_idx").on(t.organizationId, t.updatedAt),
  ],
);

export const practiceVersions = pgTable(
  "practice_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    status: text("status", { enum: versionStatuses }).notNull().default("draft"),
    originalLanguage: text("original_language").notNull(),
    content: jsonb("content").$type<PracticeContent>().notNull(),
    /** Raised at every save: an edit made from an older revision is refused, never silently lost. */
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The moderator who took the version into review. */
    reviewerId: text("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The changes requested, or the reason for declining. */
    decisionComment: text("decision_comment"),
  },
  (t) => [uniqueIndex("practice_versions_number").on(t.practiceId, t.number)],
);

export const practiceFileKinds = ["image", "attachment"] as const;
export type PracticeFileKind = (typeof practiceFileKinds)[number];

/** An uploaded image or attachment, checked by content; the bytes live in the file store. */
export const practiceFiles = pgTable(
  "practice_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: practiceFileKinds }).notNull(),
    storageKey: text("storage_key").notNull(),
    /** Images: a small copy for lists and the booklet's index. */
    thumbnailKey: text("thumbnail_key"),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    width: integer("width"),
    height: integer("height"),
    /** The uploaded name, cleaned; never used to store the file. */
    displayName: text("display_name").notNull(),
    /** Images: the text alternative, per language. */
    alt: jsonb("alt").$type<Translated>().notNull().default({}),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("practice_files_practice_idx").on(t.practiceId)],
);

export const practiceEventKinds = [
  "created",
  "edited",
  "submitted",
  "review_started",
  "changes_requested",
  "published",
  "declined",
  "withdrawn",
  "reported",
  "report_dismissed",
  "hidden",
  "restored",
] as const;
export type PracticeEventKind = (typeof practiceEventKinds)[number];

/** What happened to a practice, by whom, with the comment that went with it. */
export const practiceEvents = pgTable(
  "practice_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").references(() => practiceVersions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: practiceEventKinds }).notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("practice_events_practice_idx").on(t.practiceId, t.createdAt)],
);

export const reportReasons = ["spam", "offensive", "personal_data", "copyright", "inaccurate", "other"] as const;
export type ReportReason = (typeof reportReasons)[number];
export const reportStatuses = ["open", "dismissed", "upheld"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Inappropriate content reported by a signed-in person; moderators dismiss it or take the practice down. */
export const practiceReports = pgTable(
  "practice_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    reporterUserId: text("reporter_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: reportReasons }).notNull(),
    comment: text("comment"),
    status: text("status", { enum: reportStatuses }).notNull().default("open"),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolution: text("resolution"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open report per person and practice: a second click finds the first.
    uniqueIndex("practice_reports_open_once").on(t.practiceId, t.reporterUserId).where(sql`${t.status} = 'open'`),
    index("practice_reports_status_idx").on(t.status, t.createdAt),
  ],
);

export const axisScopes = ["bank", "observatory"] as const;
export type AxisScope = (typeof axisScopes)[number];

/** A network's own thematic axes (the seed network's bank has 8), each mapped onto the taxonomy. */
export const practiceAxes = pgTable(
  "practice_axes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    scope: text("scope", { enum: axisScopes }).notNull().default("bank"),
    key: text("key").notNull(),
    names: jsonb("names").$type<Translated>().notNull(),
    /** Themes of the taxonomy (themes.id) a practice on this axis carries. */
    themeIds: text("theme_ids").array().notNull().default(sql`'{}'::text[]`),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("practice_axes_key").on(t.networkId, t.scope, t.key)],
);

/**
 * A network's city–university observatory: practices with a university among their partners,
 * browsable on their own, co-moderated by a university association.
 */
export const practiceObservatories = pgTable("practice_observatories", {
  networkId: uuid("network_id")
    .primaryKey()
    .references(() => networks.id, { onDelete: "cascade" }),
  names: jsonb("names").$type<Translated>().notNull(),
  description: jsonb("description").$type<Translated>().notNull().default({}),
  /** The university association that co-moderates the observatory's practices. */
  partnerOrganizationId: uuid("partner_organization_id").references(() => organizations.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A call for practices on a theme with a deadline; its selected entries form a collection. */
export const practiceCalls = pgTable(
  "practice_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: jsonb("title").$type<Translated>().notNull(),
    description: jsonb("description").$type<Translated>().notNull().default({}),
    originalLanguage: text("original_language").notNull(),
    themeIds: text("theme_ids").array().notNull().default(sql`'{}'::text[]`),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    /** The collection its selected practices form. */
    collectionId: uuid("collection_id").references((): AnyPgColumn => practiceCollections.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("practice_calls_slug").on(t.networkId, t.slug)],
);

export const entryStatuses = ["submitted", "selected", "not_selected", "withdrawn"] as const;
export type EntryStatus = (typeof entryStatuses)[number];

export const practiceCallEntries = pgTable(
  "practice_call_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => practiceCalls.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    status: text("status", { enum: entryStatuses }).notNull().default("submitted"),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    note: text("note"),
  },
  (t) => [uniqueIndex("practice_call_entries_once").on(t.callId, t.practiceId), index("practice_call_entries_call_idx").on(t.callId, t.status)],
);

/** A curated set of published practices (a call's selection, a publication), published as a booklet. */
export const practiceCollections = pgTable(
  "practice_collections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: jsonb("title").$type<Translated>().notNull(),
    subtitle: jsonb("subtitle").$type<Translated>().notNull().default({}),
    foreword: jsonb("foreword").$type<Translated>().notNull().default({}),
    originalLanguage: text("original_language").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("practice_collections_slug").on(t.networkId, t.slug)],
);

export const practiceCollectionItems = pgTable(
  "practice_collection_items",
  {
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => practiceCollections.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.practiceId] }), index("practice_collection_items_practice_idx").on(t.practiceId)],
);

/**
 * One row per practice the public may read (published, not hidden): the facets denormalized and
 * the text as a tsvector of every language it is written in. Rebuilt at each publication.
 */
export const practiceSearch = pgTable(
  "practice_search",
  {
    practiceId: uuid("practice_id")
      .primaryKey()
      .references(() => practices.id, { onDelete: "cascade" }),
    networkId: uuid("network_id"),
    organizationId: uuid("organization_id"),
    cityId: integer("city_id"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    countryCode: char("country_code", { length: 2 }),
    /** The country's UN M49 intermediate region, else its sub-region. */
    regionCode: char("region_code", { length: 3 }),
    populationBand: text("population_band"),
    languages: text("languages").array().notNull(),
    originalLanguage: text("original_language").notNull(),
    /** The year it started. */
    year: smallint("year"),
    /** Themes, its axes' themes included. */
    themeIds: text("theme_ids").array().notNull(),
    sdgGoals: smallint("sdg_goals").array().notNull(),
    observatory: boolean("observatory").notNull(),
    /** A catalogue entry (read at its source). */
    catalogue: boolean("catalogue").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    document: tsvector("document").notNull(),
  },
  (t) => [
    index("practice_search_document_idx").using("gin", t.document),
    index("practice_search_themes_idx").using("gin", t.themeIds),
    index("practice_search_sdgs_idx").using("gin", t.sdgGoals),
    index("practice_search_published_idx").on(t.publishedAt.desc()),
    index("practice_search_network_idx").on(t.networkId, t.publishedAt.desc()),
    index("practice_search_country_idx").on(t.countryCode),
  ],
);

/** Every folded word of the published texts, for typo-tolerant search (platform/search). */
export const searchVocabulary = pgTable(
  "search_vocabulary",
  {
    word: text("word").primaryKey(),
    documents: integer("documents").notNull().default(0),
  },
  (t) => [index("search_vocabulary_trgm").using("gin", sql`${t.word} gin_trgm_ops`)],
);

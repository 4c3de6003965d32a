// The exchange (seed 002's "Enlace Sur"): what cities can share (offers: strengths) and what they
// want help with (needs), the concepts each item's text carries (language-neutral keys, for
// matching across languages), the matches between needs and offers with their explanation,
// suggestions a person dismissed, and the directory of local expertise.
import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import type { Locale } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { networks } from "../networks/schema.ts";
import { organizations } from "../organizations/schema.ts";
import { practices } from "../practices/schema.ts";

export const itemKinds = ["offer", "need"] as const;
export type ItemKind = (typeof itemKinds)[number];

/**
 * Open (looking for a counterpart), in conversation (a contact was accepted), matched (the
 * organization found what it looked for), closed (by the organization), expired (its expiry date
 * passed while it was still open).
 */
export const itemStatuses = ["open", "in_conversation", "matched", "closed", "expired"] as const;
export type ItemStatus = (typeof itemStatuses)[number];

/** How two cities can work together (the South–South programme's modalities, plus documents). */
export const modalities = ["technical_assistance", "expert_exchange", "internship", "training", "virtual_session", "documents"] as const;
export type Modality = (typeof modalities)[number];

/** Who sees an item: the members of the networks it names, or everyone on the platform. */
export const visibilities = ["networks", "platform"] as const;
export type Visibility = (typeof visibilities)[number];

export interface ItemText {
  title: string;
  description: string;
}

export const exchangeItems = pgTable(
  "exchange_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: itemKinds }).notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    originalLanguage: text("original_language").notNull(),
    /** Title and description per language; the original language's are required. */
    texts: jsonb("texts").$type<Partial<Record<Locale, ItemText>>>().notNull(),
    themeIds: text("theme_ids").array().notNull().default(sql`'{}'::text[]`),
    sdgGoals: integer("sdg_goals").array().notNull().default(sql`'{}'::integer[]`),
    modalities: text("modalities").array().notNull().default(sql`'{}'::text[]`),
    /** Languages the organization's team works in. */
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    /** When the organization can give or receive the help. */
    availableFrom: date("available_from"),
    availableUntil: date("available_until"),
    visibility: text("visibility", { enum: visibilities }).notNull().default("networks"),
    /** An offer may point to a published practice of the organization. */
    practiceId: uuid("practice_id").references(() => practices.id, { onDelete: "set null" }),
    /** The person to talk to: a member of the organization. */
    contactUserId: text("contact_user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: itemStatuses }).notNull().default("open"),
    /** After this day an open item expires; a reminder goes out a week before. */
    expiresOn: date("expires_on").notNull(),
    expiryRemindedAt: timestamp("expiry_reminded_at", { withTimezone: true }),
    /** Raised at every edit: an edit made from an older revision is refused, never silently lost. */
    revision: integer("revision").notNull().default(1),
    /** Written for the demo. */
    demo: boolean("demo").notNull().default(false),
    /** The form's or API client's idempotency key: a repeated post finds the first item. */
    creationKey: text("creation_key"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** When its matches were last computed from this revision (null: waiting in the outbox). */
    matchedRevision: integer("matched_revision"),
  },
  (t) => [
    uniqueIndex("exchange_items_creation_key").on(t.createdBy, t.creationKey),
    index("exchange_items_organization_idx").on(t.organizationId, t.updatedAt),
    index("exchange_items_browse_idx").on(t.kind, t.status, t.createdAt),
    check("exchange_items_window", sql`${t.availableUntil} is null or ${t.availableFrom} is null or ${t.availableUntil} >= ${t.availableFrom}`),
  ],
);

/** The networks whose members see an item (when its visibility is "networks"). */
export const exchangeItemNetworks = pgTable(
  "exchange_item_networks",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => exchangeItems.id, { onDelete: "cascade" }),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.networkId] }), index("exchange_item_networks_network_idx").on(t.networkId)],
);

/**
 * The concepts an item's texts carry (platform/search/concepts.ts), weighted (tf·idf, the item's
 * vector normalized to length 1 when written), with the item's own words for each.
 */
export const exchangeItemConcepts = pgTable(
  "exchange_item_concepts",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => exchangeItems.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** tf·idf, the item's vector normalized to length 1 (idf as it was when the item was indexed). */
    weight: real("weight").notNull(),
    words: text("words").array().notNull(),
  },
  // Each concept's items strongest first: candidates are read from the head of the list.
  (t) => [primaryKey({ columns: [t.itemId, t.key] }), index("exchange_item_concepts_key_weight_idx").on(t.key, t.weight.desc(), t.itemId)],
);

/** In how many items each concept occurs: its rarity weighs it. */
export const exchangeConceptStats = pgTable("exchange_concept_stats", {
  key: text("key").primaryKey(),
  items: integer("items").notNull(),
});

/** Why a need and an offer match: what a person reads next to the score. */
export interface MatchExplanation {
  sharedThemeIds: string[];
  sharedSdgGoals: number[];
  /** Concepts both texts carry, strongest first: each side's own words. */
  words: { need: string[]; offer: string[] }[];
  sharedLanguages: string[];
  sharedModalities: string[];
  sharedNetworkIds: string[];
  /** Both cities' populations are within a factor of 3. */
  similarSize: boolean;
  /** Between the two cities, when both are known. */
  distanceKm: number | null;
  /** Each part's contribution to the score (0–1 each, weighted below). */
  parts: Record<string, number>;
}

/** A need and an offer that suit each other, with the score and its explanation. */
export const exchangeMatches = pgTable(
  "exchange_matches",
  {
    needId: uuid("need_id")
      .notNull()
      .references(() => exchangeItems.id, { onDelete: "cascade" }),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => exchangeItems.id, { onDelete: "cascade" }),
    score: real("score").notNull(),
    explanation: jsonb("explanation").$type<MatchExplanation>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.offerId] }),
    index("exchange_matches_need_idx").on(t.needId, t.score),
    index("exchange_matches_offer_idx").on(t.offerId, t.score),
  ],
);

/** A suggestion a person marked "not relevant": it stays out of their list. */
export const exchangeDismissals = pgTable(
  "exchange_dismissals",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => exchangeItems.id, { onDelete: "cascade" }),
    otherId: uuid("other_id")
      .notNull()
      .references(() => exchangeItems.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId, t.otherId] })],
);

/**
 * The community of local expertise: a person who agreed to be listed, with the themes they know
 * and the languages they work in. Personal data: deleted with the account.
 */
export const expertiseProfiles = pgTable(
  "expertise_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    position: text("position").notNull().default(""),
    /** What they know, in their words, per language. */
    summary: jsonb("summary").$type<Partial<Record<Locale, string>>>().notNull().default({}),
    themeIds: text("theme_ids").array().notNull().default(sql`'{}'::text[]`),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    /** The person's consent to appear in the directory; withdrawn at any time. */
    listed: boolean("listed").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("expertise_profiles_listed_idx").on(t.listed, t.organizationId)],
);

/** A request from one organization to another about an item (or one of theirs that matched it). */
export const contactStatuses = ["requested", "accepted", "declined", "withdrawn"] as const;
export type ContactStatus = (typeof contactStatuses)[number];

export const exchangeContacts = pgTable(
  "exchange_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The item the request is about (the other organization's). */
    itemId: uuid("item_id")
      .notNull()
      .references(() => exchangeItems.id, { onDelete: "cascade" }),
    /** The requester's own item that matched it, when the request came from a match. */
    fromItemId: uuid("from_item_id").references(() => exchangeItems.id, { onDelete: "set null" }),
    fromOrganizationId: uuid("from_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    toOrganizationId: uuid("to_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    message: text("message").notNull(),
    status: text("status", { enum: contactStatuses }).notNull().default("requested"),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    creationKey: text("creation_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("exchange_contacts_creation_key").on(t.requestedBy, t.creationKey),
    // One open request per organization and item: asking twice finds the first.
    uniqueIndex("exchange_contacts_one_pending").on(t.fromOrganizationId, t.itemId).where(sql`status = 'requested'`),
    index("exchange_contacts_to_idx").on(t.toOrganizationId, t.createdAt),
    index("exchange_contacts_from_idx").on(t.fromOrganizationId, t.createdAt),
  ],
);

/** How a conversation ended: counted on the network's page. */
export const conversationOutcomes = ["exchange_done", "project", "no_follow_up"] as const;
export type ConversationOutcome = (typeof conversationOutcomes)[number];

/** The private conversation an accepted request opens between the two organizations' people. */
export const exchangeConversations = pgTable(
  "exchange_conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contactId: uuid("contact_id")
      .notNull()
      .unique()
      .references(() => exchangeContacts.id, { onDelete: "cascade" }),
    /** The requester's organization and the other one: only their people read the conversation. */
    organizationA: uuid("organization_a")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    organizationB: uuid("organization_b")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: conversationOutcomes }),
    outcomeNote: text("outcome_note"),
    closedBy: text("closed_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("exchange_conversations_a_idx").on(t.organizationA, t.lastMessageAt), index("exchange_conversations_b_idx").on(t.organizationB, t.lastMessageAt)],
);

export const exchangeMessages = pgTable(
  "exchange_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => exchangeConversations.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    authorOrganizationId: uuid("author_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    creationKey: text("creation_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("exchange_messages_conversation_idx").on(t.conversationId, t.createdAt), uniqueIndex("exchange_messages_creation_key").on(t.authorUserId, t.creationKey)],
);

/** A file sent with a message, checked by content; the bytes live in the file store. */
export const exchangeMessageFiles = pgTable(
  "exchange_message_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => exchangeMessages.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    displayName: text("display_name").notNull(),
  },
  (t) => [index("exchange_message_files_message_idx").on(t.messageId)],
);

/** Up to when a person has read a conversation. */
export const exchangeConversationReads = pgTable(
  "exchange_conversation_reads",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => exchangeConversations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
);

// Notifications by interest: what a person wants to hear about (themes, SDGs, countries, networks,
// kinds of item), how (in-app always; e-mail at once, in a daily or weekly digest, or not) per
// kind of event, and the notifications themselves — one row per person and event, whatever the
// number of deliveries, with the state of its e-mail.
import { sql } from "drizzle-orm";
import { boolean, char, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";

/** Kinds of item a person may follow. */
export const interestKinds = ["offer", "need", "practice", "call", "event"] as const;
export type InterestKind = (typeof interestKinds)[number];

/** What a person follows. Without a row, defaults come from their profile and organizations. */
export const notificationInterests = pgTable("notification_interests", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  themeIds: text("theme_ids").array().notNull().default(sql`'{}'::text[]`),
  sdgGoals: integer("sdg_goals").array().notNull().default(sql`'{}'::integer[]`),
  countryCodes: char("country_codes", { length: 2 }).array().notNull().default(sql`'{}'::char(2)[]`),
  networkIds: uuid("network_ids").array().notNull().default(sql`'{}'::uuid[]`),
  kinds: text("kinds").array().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const channels = ["immediate", "daily", "weekly", "off"] as const;
export type Channel = (typeof channels)[number];

/** How a person gets e-mail for one kind of event (without a row: the kind's default). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventKind: text("event_kind").notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    /** Set when the person turned it off from an e-mail's unsubscribe link. */
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.eventKind] })],
);

/** pending: waits for its e-mail (now or in a digest); sent / digested: went out; none: no e-mail (off). */
export const emailStates = ["pending", "sent", "digested", "none"] as const;
export type EmailState = (typeof emailStates)[number];

/** Something that happened that a person should know, shown in their inbox. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventKind: text("event_kind").notNull(),
    /** The event, the same for every recipient: a person gets each event once. */
    eventKey: text("event_key").notNull(),
    /** What the inbox and e-mail say (titles per language, names, the path to open). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    emailState: text("email_state", { enum: emailStates }).notNull(),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    demo: boolean("demo").notNull().default(false),
  },
  (t) => [
    uniqueIndex("notifications_once").on(t.userId, t.eventKey),
    index("notifications_inbox_idx").on(t.userId, t.createdAt),
    index("notifications_digest_idx").on(t.channel, t.emailState, t.userId).where(sql`email_state = 'pending'`),
  ],
);

/** When a person's last digest of each period went out (the next is due a day or a week later, in their time zone). */
export const notificationDigests = pgTable(
  "notification_digests",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    period: text("period", { enum: ["daily", "weekly"] }).notNull(),
    /** The local day (YYYY-MM-DD, in the person's time zone) the last digest covered. */
    lastDay: text("last_day").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.period] })],
);

/**
 * The secret of a person's one-click unsubscribe link for one kind of event (RFC 8058): it works
 * without signing in, and only for that person and kind.
 */
export const notificationUnsubscribeTokens = pgTable(
  "notification_unsubscribe_tokens",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventKind: text("event_kind").notNull(),
    token: uuid("token").notNull().defaultRandom().unique(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.eventKind] })],
);

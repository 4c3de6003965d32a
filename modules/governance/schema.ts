// A network's bodies (presidency, council, thematic units…), its terms, the roles organizations
// hold in the bodies for a term, candidacies to coordinate a unit, and the people each
// organization sends to a unit (its technical team).
import { sql } from "drizzle-orm";
import { boolean, char, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Translated } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { countries } from "../cities/schema.ts";
import { networks } from "../networks/schema.ts";
import { organizations } from "../organizations/schema.ts";

export const bodyKinds = [
  "presidency",
  "vice_presidency",
  "council",
  "executive_direction",
  "secretariat",
  "thematic_unit",
  "working_group",
  "commission",
] as const;
export type BodyKind = (typeof bodyKinds)[number];

export const networkBodies = pgTable(
  "network_bodies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    /** Address within the network: /networks/mercociudades/bodies/culture */
    slug: text("slug").notNull(),
    kind: text("kind", { enum: bodyKinds }).notNull(),
    names: jsonb("names").$type<Translated>().notNull(),
    /** The language the body was named in first (shown when a translation is missing). */
    nameLanguage: text("name_language").notNull().default("es"),
    description: jsonb("description").$type<Translated>().notNull().default({}),
    /** Ids of the themes the body covers (themes.id). */
    themeIds: text("theme_ids").array().notNull().default(sql`'{}'::text[]`),
    /** A regional vice-presidency: the UN M49 regions or ISO countries it answers for. */
    regionCodes: text("region_codes").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("network_bodies_slug").on(t.networkId, t.slug), index("network_bodies_network_kind_idx").on(t.networkId, t.kind)],
);

/** Seats of a council per country. */
export const networkBodySeats = pgTable(
  "network_body_seats",
  {
    bodyId: uuid("body_id")
      .notNull()
      .references(() => networkBodies.id, { onDelete: "cascade" }),
    countryCode: char("country_code", { length: 2 })
      .notNull()
      .references(() => countries.code),
    seats: smallint("seats").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.countryCode] }), check("network_body_seats_positive", sql`${t.seats} > 0`)],
);

/** A network's terms of office ("2025–2026"), with the window in which candidacies are received. */
export const networkTerms = pgTable(
  "network_terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    candidaciesOpenOn: date("candidacies_open_on"),
    candidaciesCloseOn: date("candidacies_close_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("network_terms_start").on(t.networkId, t.startsOn),
    check("network_terms_dates", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const roleKinds = ["president", "vice_president", "council_member", "coordinator", "sub_coordinator", "member"] as const;
export type RoleKind = (typeof roleKinds)[number];

/** Roles that coordinate a unit: at most one at a time per organization and unit. */
export const coordinationRoles: readonly RoleKind[] = ["coordinator", "sub_coordinator"];

/**
 * A role an organization holds in a body, from startsOn to endsOn (inclusive; open when null).
 * History is kept: a role that ended stays, with its dates. An approved candidacy creates its
 * role dated from the term's start, so it becomes current on that day.
 */
export const networkRoles = pgTable(
  "network_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => networkBodies.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: text("role", { enum: roleKinds }).notNull(),
    termId: uuid("term_id").references(() => networkTerms.id, { onDelete: "set null" }),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    /** A council seat's country (the organization's country unless given). */
    seatCountryCode: char("seat_country_code", { length: 2 }).references(() => countries.code),
    candidacyId: uuid("candidacy_id"),
    note: text("note"),
    /** Where a real role is documented (demo data carries the source; invented rows none). */
    sourceUrl: text("source_url"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("network_roles_dates", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    index("network_roles_organization_idx").on(t.organizationId, t.startsOn),
    index("network_roles_body_idx").on(t.bodyId, t.startsOn),
    index("network_roles_network_idx").on(t.networkId, t.endsOn),
    // A network's page reads its bodies' current holders, and counts each unit's members from the index alone.
    index("network_roles_network_role_idx").on(t.networkId, t.role, t.bodyId, t.startsOn, t.endsOn),
    // The exclusion constraint network_roles_no_overlapping_coordination (btree_gist) is added
    // by hand in migration 0008: one coordination per organization and unit at any date.
  ],
);

export const candidacyStatuses = ["submitted", "approved", "rejected", "withdrawn"] as const;
export type CandidacyStatus = (typeof candidacyStatuses)[number];
export const candidacyRoles = ["coordinator", "sub_coordinator"] as const;
export const decidingBodies = ["assembly", "council", "executive_direction", "summit"] as const;

/** A member organization's application to coordinate or sub-coordinate a unit for a term. */
export const networkCandidacies = pgTable(
  "network_candidacies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => networkBodies.id, { onDelete: "cascade" }),
    termId: uuid("term_id")
      .notNull()
      .references(() => networkTerms.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: text("role", { enum: candidacyRoles }).notNull(),
    statement: text("statement"),
    status: text("status", { enum: candidacyStatuses }).notNull().default("submitted"),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Which body took the decision the secretariat records (the assembly, the council…). */
    decidingBody: text("deciding_body", { enum: decidingBodies }),
    /** The minutes or resolution it was taken in ("XXIX Summit, resolution 4"). */
    decisionReference: text("decision_reference"),
    decisionReason: text("decision_reason"),
    roleId: uuid("role_id").references(() => networkRoles.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live candidacy per organization, unit and term (a withdrawn or rejected one may be followed by another).
    uniqueIndex("network_candidacies_live")
      .on(t.bodyId, t.termId, t.organizationId)
      .where(sql`${t.status} in ('submitted', 'approved')`),
    index("network_candidacies_network_idx").on(t.networkId, t.status),
    index("network_candidacies_organization_idx").on(t.organizationId),
  ],
);

/** The people an organization sends to a unit (its technical team there). */
export const networkBodyParticipants = pgTable(
  "network_body_participants",
  {
    bodyId: uuid("body_id")
      .notNull()
      .references(() => networkBodies.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.organizationId, t.userId] }),
    index("network_body_participants_user_idx").on(t.userId),
    index("network_body_participants_organization_idx").on(t.organizationId, t.bodyId),
  ],
);

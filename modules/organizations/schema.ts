// Organizations people act for (usually a city government), their members and how people join
// them: invitations by e-mail and requests approved by a focal point.
import { sql } from "drizzle-orm";
import { char, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Translated } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { cities, countries } from "../cities/schema.ts";

export const organizationKinds = [
  "local_government",
  "local_government_group",
  "second_level_government",
  "national_government",
  "university",
  "university_association",
  "civil_society",
  "company",
  "international_organization",
  "network_secretariat",
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/** Kinds tied to a reference city: the city governed, or a group's lead municipality. */
export const cityKinds: readonly OrganizationKind[] = ["local_government", "local_government_group"];

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /** The name folded for search and sorting (accents, case and punctuation ignored). */
    nameNorm: text("name_norm")
      .notNull()
      .generatedAlwaysAs(sql`public.pares_normalize(name)`),
    kind: text("kind", { enum: organizationKinds }).notNull(),
    /** The city a local government governs, or the lead municipality of a group. */
    cityId: integer("city_id").references(() => cities.id),
    countryCode: char("country_code", { length: 2 })
      .notNull()
      .references(() => countries.code),
    description: jsonb("description").$type<Translated>().notNull().default({}),
    descriptionLanguage: text("description_language"),
    website: text("website"),
    /** Set by a platform administrator who checked the organization is who it says it is. */
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /** A duplicate merged into another keeps its row (old links redirect) and has no members. */
    mergedIntoId: uuid("merged_into_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("organizations_city_kinds", sql`${t.kind} not in ('local_government', 'local_government_group') or ${t.cityId} is not null`),
    // One government per city: a second one is a duplicate to join, not to create.
    uniqueIndex("organizations_one_government_per_city")
      .on(t.cityId)
      .where(sql`${t.kind} = 'local_government' and ${t.mergedIntoId} is null`),
    index("organizations_country_idx").on(t.countryCode),
    index("organizations_name_norm_trgm_idx").using("gin", sql`${t.nameNorm} gin_trgm_ops`),
    // The directory's order: verified first, then by name.
    index("organizations_directory_order_idx").on(sql`(${t.verifiedAt} is not null) desc`, t.nameNorm),
  ],
);

export const memberRoles = ["focal_point", "authority", "staff"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const organizationMembers = pgTable(
  "organization_members",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: memberRoles }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index("organization_members_user_idx").on(t.userId)],
);

/**
 * An invitation to join an organization, sent by e-mail. Only a SHA-256 of the link's token is
 * kept; it works once, until it expires or is revoked.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: memberRoles }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    /** The language of the invitation e-mail. */
    locale: text("locale").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A new invitation to the same address replaces the open one.
    uniqueIndex("invitations_open_per_address")
      .on(t.organizationId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

export const joinRequestStatuses = ["pending", "approved", "declined", "withdrawn"] as const;

export const joinRequests = pgTable(
  "join_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message"),
    status: text("status", { enum: joinRequestStatuses }).notNull().default("pending"),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("join_requests_one_pending").on(t.organizationId, t.userId).where(sql`${t.status} = 'pending'`),
    index("join_requests_user_idx").on(t.userId),
  ],
);

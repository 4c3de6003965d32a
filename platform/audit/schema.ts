import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Security-relevant events (sign-ins, failed sign-ins, role and membership changes, tokens…),
 * for platform administrators. Written in the same transaction as the change it records.
 * People are referenced by id without a foreign key: the trail outlives a deleted account, whose
 * personal data (name, e-mail) it never copies.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind").notNull(),
    /** Who did it (null: the system, or someone not signed in). */
    actorUserId: text("actor_user_id"),
    /** Whom it concerns, when not the actor. */
    subjectUserId: text("subject_user_id"),
    organizationId: uuid("organization_id"),
    ipAddress: text("ip_address"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_kind_at_idx").on(t.kind, t.at),
    index("audit_events_actor_idx").on(t.actorUserId, t.at),
    index("audit_events_subject_idx").on(t.subjectUserId, t.at),
    index("audit_events_organization_idx").on(t.organizationId, t.at),
  ],
);

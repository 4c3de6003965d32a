import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const outboxStatuses = ["pending", "done", "dead"] as const;

/**
 * Side effects to carry out after a transaction commits (e-mails first). A use case writes the
 * row in the same transaction as the change that causes it; the outbox worker delivers it at
 * least once, retrying with backoff, and a row claimed by a worker that died is claimed again
 * when its lease runs out.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Set by callers that may retry: a second enqueue with the same key is ignored. */
    idempotencyKey: text("idempotency_key").unique(),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    leasedBy: text("leased_by"),
    lastError: text("last_error"),
    /** What delivery produced (for e-mail: how it went out, and the rendered message when kept locally). */
    result: jsonb("result").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbox_kind_created_idx").on(t.kind, t.createdAt),
  ],
);

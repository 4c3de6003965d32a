import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { outbox } from "./schema.ts";
import { notifyOutbox } from "./signal.ts";

export interface OutboxMessage {
  kind: string;
  payload: Record<string, unknown>;
  /** A retried request passing the same key adds nothing. */
  idempotencyKey?: string;
}

/**
 * Writes an outbox row. Call it with the transaction of the change that causes the side effect,
 * so both commit or neither does. Returns the row's id (the existing one for a repeated key).
 */
export async function enqueue(db: Database, message: OutboxMessage): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({ kind: message.kind, payload: message.payload, idempotencyKey: message.idempotencyKey })
    .onConflictDoUpdate({ target: outbox.idempotencyKey, set: { idempotencyKey: sql`excluded.idempotency_key` } })
    .returning({ id: outbox.id });
  notifyOutbox();
  return row!.id;
}

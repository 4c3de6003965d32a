import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { outbox } from "../outbox/schema.ts";
import { emailOutboxKind } from "./send-email.ts";

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** The language the message was written in. */
  locale: string;
  keptAt: Date | null;
}

/** The e-mails kept locally because no SMTP server is configured, newest first (development only). */
export async function listMailbox(db: Database, limit = 50): Promise<MailboxMessage[]> {
  const rows = await db
    .select({ id: outbox.id, payload: outbox.payload, result: outbox.result, doneAt: outbox.doneAt })
    .from(outbox)
    .where(and(eq(outbox.kind, emailOutboxKind), eq(outbox.status, "done"), sql`${outbox.result}->>'via' = 'mailbox'`))
    .orderBy(desc(outbox.doneAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    to: String(r.result?.to ?? ""),
    subject: String(r.result?.subject ?? ""),
    text: String(r.result?.text ?? ""),
    locale: String(r.payload.locale ?? ""),
    keptAt: r.doneAt,
  }));
}

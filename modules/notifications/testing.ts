// For tests: delivering everything in the outbox as the server's worker does (matches, fan-outs,
// digests, e-mails kept in the local mailbox), and reading what was mailed.
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { createLogger } from "../../platform/log.ts";
import { createEmailHandler } from "../../platform/mail/deliver-email.ts";
import { emailOutboxKind } from "../../platform/mail/send-email.ts";
import { mailboxTransport } from "../../platform/mail/transport.ts";
import { createOutboxWorker } from "../../platform/outbox/worker.ts";
import { emailTemplates, moduleOutboxHandlers } from "../index.ts";

export async function drainOutbox(db: Database): Promise<number> {
  const worker = createOutboxWorker({
    db,
    log: createLogger("silent"),
    batchSize: 50,
    handlers: {
      ...moduleOutboxHandlers(db),
      [emailOutboxKind]: createEmailHandler({ templates: emailTemplates, transport: mailboxTransport, from: "Pares <test@pares.invalid>", publicUrl: "http://pares.test" }),
    },
  });
  let total = 0;
  for (let round = 0; round < 100; round++) {
    const handled = await worker.runOnce();
    total += handled;
    if (handled === 0) break;
  }
  return total;
}

export interface MailedMessage {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string> | null;
  template: string;
}

/** E-mails delivered to the local mailbox, oldest first. */
export async function mailbox(db: Database, to?: string): Promise<MailedMessage[]> {
  const rows = await queryRows<{ payload: { to: string; template: string }; result: { subject: string; text: string; headers?: Record<string, string> } | null }>(
    db,
    sql`select payload, result from outbox where kind = 'email' and status = 'done' order by created_at, id`,
  );
  return rows
    .filter((r) => !to || r.payload.to === to)
    .map((r) => ({ to: r.payload.to, template: r.payload.template, subject: r.result?.subject ?? "", text: r.result?.text ?? "", headers: r.result?.headers ?? null }));
}

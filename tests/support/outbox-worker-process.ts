// An outbox worker as a process of its own, for tests that kill it mid-delivery: it opens the
// database named by PGLITE_DIR or DATABASE_URL, delivers with every module's handlers (e-mails to
// the local mailbox), prints "claimed <kind>" when a handler starts, and runs until killed.
import { openDatabase } from "../../platform/db/client.ts";
import { createLogger } from "../../platform/log.ts";
import { createEmailHandler } from "../../platform/mail/deliver-email.ts";
import { emailOutboxKind } from "../../platform/mail/send-email.ts";
import { mailboxTransport } from "../../platform/mail/transport.ts";
import { createOutboxWorker, type OutboxHandler } from "../../platform/outbox/worker.ts";
import { emailTemplates, moduleOutboxHandlers } from "../../modules/index.ts";

const database = process.env.DATABASE_URL ? await openDatabase({ url: process.env.DATABASE_URL, poolSize: 2 }) : await openDatabase({ dir: process.env.PGLITE_DIR! });
const handlers: Record<string, OutboxHandler> = {
  ...moduleOutboxHandlers(database.db),
  [emailOutboxKind]: createEmailHandler({ templates: emailTemplates, transport: mailboxTransport, from: "Pares <test@pares.invalid>", publicUrl: "http://pares.test" }),
};
const announced = Object.fromEntries(
  Object.entries(handlers).map(([kind, handler]): [string, OutboxHandler] => [
    kind,
    async (row) => {
      process.stdout.write(`claimed ${kind}\n`);
      return handler(row);
    },
  ]),
);
const worker = createOutboxWorker({ db: database.db, log: createLogger("silent"), handlers: announced, leaseMs: Number(process.env.LEASE_MS ?? 1500), pollMs: 50, batchSize: 1 });
process.stdout.write("ready\n");
for (;;) {
  if ((await worker.runOnce()) === 0) await new Promise((r) => setTimeout(r, 50));
}

import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailTemplates } from "../../modules/index.ts";
import { startSmtpServer } from "../../tests/support/smtp.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { createTestDatabase } from "../db/testing.ts";
import { createLogger } from "../log.ts";
import { outbox } from "../outbox/schema.ts";
import { createOutboxWorker } from "../outbox/worker.ts";
import { createEmailHandler } from "./deliver-email.ts";
import { emailOutboxKind, sendEmail } from "./send-email.ts";
import { createSmtpTransport, mailboxTransport, type MailTransport } from "./transport.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

function workerWith(transport: MailTransport) {
  return createOutboxWorker({
    db: handle.db,
    log: createLogger("silent"),
    backoffBaseMs: 0,
    handlers: {
      [emailOutboxKind]: createEmailHandler({ templates: emailTemplates, transport, from: "Pares <no-reply@pares.test>", publicUrl: "https://pares.test" }),
    },
  });
}

describe("e-mail", () => {
  it("arrives over SMTP in the recipient's language, with a non-ASCII subject, as text and HTML", async () => {
    const smtp = await startSmtpServer();
    const transport = createSmtpTransport(smtp.url);
    try {
      const id = await sendEmail(handle.db, { to: "joao@prefeitura.test", locale: "pt", template: "accounts.admin-welcome", data: { name: "João Conceição" } });
      await workerWith(transport).runOnce();
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to).toEqual(["joao@prefeitura.test"]);
      const mail = await simpleParser(smtp.received[0]!.raw);
      expect(mail.subject).toBe("Você já administra o Pares");
      expect(mail.messageId).toBe(`<${id}@pares>`);
      expect(mail.text).toContain("Olá, João Conceição:");
      expect(mail.text).toContain("https://pares.test/pt");
      expect(mail.html).toContain('<html lang="pt">');
      expect(mail.html).toContain("João Conceição");
      const [row] = await handle.db.select().from(outbox).where(eq(outbox.id, id));
      expect(row).toMatchObject({ status: "done", attempts: 1, result: expect.objectContaining({ via: "smtp", subject: "Você já administra o Pares" }) });
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it("is retried when the SMTP server refuses it for now, and delivered once", async () => {
    const smtp = await startSmtpServer(1);
    const transport = createSmtpTransport(smtp.url);
    try {
      const id = await sendEmail(handle.db, { to: "ana@intendencia.test", locale: "es", template: "accounts.admin-welcome", data: { name: "Ana" } });
      const worker = workerWith(transport);
      await worker.runOnce();
      const [afterFirst] = await handle.db.select().from(outbox).where(eq(outbox.id, id));
      expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("451") });
      await worker.runOnce();
      await worker.runOnce();
      expect(smtp.received).toHaveLength(1);
      expect((await simpleParser(smtp.received[0]!.raw)).subject).toBe("Ya administra Pares");
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it("is kept, rendered, in the local mailbox when no SMTP server is configured", async () => {
    const id = await sendEmail(handle.db, { to: "kim@city.test", locale: "en", template: "accounts.admin-welcome", data: { name: "Kim <b>" } });
    await workerWith(mailboxTransport).runOnce();
    const [row] = await handle.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row!.result).toMatchObject({ via: "mailbox", to: "kim@city.test", subject: "You now administer Pares" });
    expect(row!.result!.text).toContain("Hello Kim <b>,");
    expect(row!.result!.html).toContain("Kim &lt;b&gt;");
  });

  it("refuses a malformed address or language when queued", async () => {
    await expect(sendEmail(handle.db, { to: "not an address", locale: "es", template: "x", data: {} })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { to: [expect.any(String)] },
    });
  });
});

// The outbox handler for e-mail: render in the recipient's language, send, record how.
import { catalogs } from "../i18n/catalogs.ts";
import { createTranslator } from "../i18n/translator.ts";
import type { OutboxHandler } from "../outbox/worker.ts";
import { renderEmail } from "./render.ts";
import { emailPayload } from "./send-email.ts";
import type { EmailTemplate } from "./templates.ts";
import type { MailTransport } from "./transport.ts";

export function createEmailHandler(options: {
  templates: EmailTemplate[];
  transport: MailTransport;
  from: string;
  /** Where people reach the platform, for links (read at delivery: the port may be known only then). */
  publicUrl: string | (() => string);
}): OutboxHandler {
  const byName = new Map(options.templates.map((t) => [t.name, t]));
  return async (row) => {
    const payload = emailPayload.parse(row.payload);
    const template = byName.get(payload.template);
    if (!template) throw new Error(`unknown e-mail template "${payload.template}"`);
    const data = template.data.parse(payload.data);
    const t = createTranslator(payload.locale, catalogs[payload.locale]);
    const publicUrl = typeof options.publicUrl === "function" ? options.publicUrl() : options.publicUrl;
    const rendered = renderEmail(payload.locale, template.content(t, data, { locale: payload.locale, publicUrl }));
    const messageId = `<${row.id}@pares>`;
    const sent = await options.transport.send({ from: options.from, to: payload.to, messageId, ...rendered });
    return {
      via: options.transport.kind,
      to: payload.to,
      subject: rendered.subject,
      messageId,
      ...(sent.response && { response: sent.response }),
      // Kept only when the mail did not leave, for the development mailbox.
      ...(options.transport.kind === "mailbox" && { text: rendered.text, html: rendered.html, ...(rendered.headers && { headers: rendered.headers }) }),
    };
  };
}

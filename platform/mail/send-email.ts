import { z } from "zod";
import type { Database } from "../db/client.ts";
import { invalid } from "../errors.ts";
import { locales } from "../i18n/locales.ts";
import { enqueue } from "../outbox/enqueue.ts";

export const emailOutboxKind = "email";

export const emailPayload = z.object({
  to: z.email(),
  locale: z.enum(locales),
  template: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});
export type EmailPayload = z.infer<typeof emailPayload>;

/**
 * Queues an e-mail, rendered in the recipient's language when it is delivered. Call it with the
 * transaction of the change it reports, so the mail goes out if and only if the change commits.
 */
export async function sendEmail(db: Database, email: EmailPayload, idempotencyKey?: string): Promise<string> {
  const parsed = emailPayload.safeParse(email);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  return enqueue(db, { kind: emailOutboxKind, payload: parsed.data, idempotencyKey });
}

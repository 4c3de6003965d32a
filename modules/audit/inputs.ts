import { z } from "zod";
import { auditEventKinds } from "../../platform/audit/record-audit-event.ts";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "i18n:validation.date" })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: "i18n:validation.date" });

export const listAuditEventsInput = z.object({
  kind: z.enum(auditEventKinds, { error: "i18n:validation.auditKind" }).optional().describe("Only events of this kind"),
  person: z.string().trim().max(254, { error: "i18n:validation.tooLong" }).optional().describe("E-mail address of the person who acted or was concerned"),
  organization: z.string().trim().max(80, { error: "i18n:validation.slug" }).optional().describe("Slug of the organization concerned"),
  from: day.optional().describe("First day (UTC), YYYY-MM-DD"),
  to: day.optional().describe("Last day (UTC), YYYY-MM-DD"),
  page: z.coerce.number({ error: "i18n:validation.page" }).int({ error: "i18n:validation.page" }).min(1, { error: "i18n:validation.page" }).max(10_000, { error: "i18n:validation.page" }).default(1),
  pageSize: z.coerce.number({ error: "i18n:validation.pageSize" }).int({ error: "i18n:validation.pageSize" }).min(1, { error: "i18n:validation.pageSize" }).max(200, { error: "i18n:validation.pageSize" }).default(50),
});
export type ListAuditEventsInput = z.input<typeof listAuditEventsInput>;

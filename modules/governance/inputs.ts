// The inputs of the governance use cases (also the API's request schemas). Messages starting with
// "i18n:" are catalog keys, translated where the error is shown.
import { z } from "zod";
import { locales } from "../../platform/i18n/locales.ts";
import { countryCode, page, pageSize } from "../cities/inputs.ts";
import { bodyKinds, candidacyRoles, candidacyStatuses, decidingBodies, roleKinds } from "./schema.ts";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A calendar day written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "i18n:validation.date" })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: "i18n:validation.date" })
  // Year 0 is a date to JavaScript but not to PostgreSQL; nothing here is older than 1800.
  .refine((v) => v >= "1800-01-01", { error: "i18n:validation.date" });
const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());

const text = (max: number) => z.string().trim().max(max, { error: "i18n:validation.tooLong" });
const optionalText = (max: number) => z.preprocess(blankToUndefined, text(max).optional());

export const bodySlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "i18n:validation.slug" })
  .max(80, { error: "i18n:validation.slug" })
  .describe("The body's address within the network, e.g. culture");
const organizationRef = z
  .string()
  .trim()
  .min(1, { error: "i18n:validation.required" })
  .max(100, { error: "i18n:validation.required" })
  .describe("The organization's slug, e.g. intendencia-de-montevideo");
const uuid = (error: string) => z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error });
const language = z.enum(locales, { error: "i18n:validation.language" });
const flag = z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" || v === "off" ? false : v), z.boolean({ error: "i18n:validation.choice" }));
const position = z.coerce
  .number({ error: "i18n:governance.validation.position" })
  .int({ error: "i18n:governance.validation.position" })
  .min(0, { error: "i18n:governance.validation.position" })
  .max(10_000, { error: "i18n:governance.validation.position" });
/** Region codes of a regional vice-presidency: UN M49 (three digits) or ISO countries (two letters). */
const regionCodes = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^(\d{3}|[A-Z]{2})$/, { error: "i18n:governance.validation.regionCodes" }),
  )
  .max(50, { error: "i18n:validation.tooLong" });
const themeIds = z.array(z.string().trim().max(80, { error: "i18n:governance.validation.themes" })).max(30, { error: "i18n:governance.validation.themes" });

export const bodyKind = z.enum(bodyKinds, { error: "i18n:governance.validation.bodyKind" }).describe("What kind of body it is");
export const roleKind = z.enum(roleKinds, { error: "i18n:governance.validation.roleKind" }).describe("The role held in the body");

export const createBodyInput = z.object({
  kind: bodyKind,
  name: z.string().trim().min(2, { error: "i18n:governance.validation.bodyName" }).max(200, { error: "i18n:validation.tooLong" }).describe("The name in nameLanguage"),
  nameLanguage: language.default("es").describe("The language the name (and description) are written in: the original"),
  slug: z.preprocess(blankToUndefined, bodySlug.optional()).describe("Made from the name when not given"),
  description: optionalText(4000).describe("What the body does, in nameLanguage"),
  themeIds: themeIds.default([]).describe("Themes it covers (ids of the network-spaces scheme, see GET /themes)"),
  regionCodes: regionCodes.default([]).describe("For a regional vice-presidency: UN M49 regions or ISO countries"),
  active: flag.default(true),
  position: position.default(0).describe("Order among the bodies of its kind"),
});
export type CreateBodyInput = z.input<typeof createBodyInput>;

export const updateBodyInput = z.object({
  language: language.optional().describe("The language of name and description given here (default: the body's original language)"),
  name: z.string().trim().min(2, { error: "i18n:governance.validation.bodyName" }).max(200, { error: "i18n:validation.tooLong" }).optional(),
  description: z.string().trim().max(4000, { error: "i18n:validation.tooLong" }).optional().describe("Empty removes the description in that language"),
  themeIds: themeIds.optional(),
  regionCodes: regionCodes.optional(),
  active: flag.optional(),
  position: position.optional(),
});
export type UpdateBodyInput = z.input<typeof updateBodyInput>;

export const setSeatsInput = z.object({
  seats: z
    .array(
      z.object({
        countryCode,
        seats: z.coerce
          .number({ error: "i18n:governance.validation.seats" })
          .int({ error: "i18n:governance.validation.seats" })
          .min(0, { error: "i18n:governance.validation.seats" })
          .max(100, { error: "i18n:governance.validation.seats" })
          .describe("0 removes the country's seats"),
      }),
    )
    .max(250, { error: "i18n:validation.tooLong" })
    .describe("Every country's seats; countries left out have none"),
});
export type SetSeatsInput = z.input<typeof setSeatsInput>;

const termFields = {
  label: z.string().trim().min(1, { error: "i18n:validation.required" }).max(60, { error: "i18n:validation.tooLong" }).describe("How the term is called, e.g. 2025–2026"),
  startsOn: isoDate,
  endsOn: isoDate,
  candidaciesOpenOn: optionalDate.describe("First day candidacies are received"),
  candidaciesCloseOn: optionalDate.describe("Last day candidacies are received (before the term starts)"),
};
type TermDates = { startsOn?: string; endsOn?: string; candidaciesOpenOn?: string; candidaciesCloseOn?: string };
function checkTermDates(v: TermDates, ctx: z.RefinementCtx) {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "i18n:governance.validation.endBeforeStart" });
  if (!!v.candidaciesOpenOn !== !!v.candidaciesCloseOn) {
    ctx.addIssue({ code: "custom", path: [v.candidaciesOpenOn ? "candidaciesCloseOn" : "candidaciesOpenOn"], message: "i18n:governance.validation.windowBothDates" });
  }
  if (v.candidaciesOpenOn && v.candidaciesCloseOn && v.candidaciesCloseOn < v.candidaciesOpenOn) {
    ctx.addIssue({ code: "custom", path: ["candidaciesCloseOn"], message: "i18n:governance.validation.closeBeforeOpen" });
  }
  if (v.candidaciesCloseOn && v.startsOn && v.candidaciesCloseOn >= v.startsOn) {
    ctx.addIssue({ code: "custom", path: ["candidaciesCloseOn"], message: "i18n:governance.validation.closeAfterStart" });
  }
}
export const createTermInput = z.object(termFields).superRefine(checkTermDates);
export type CreateTermInput = z.input<typeof createTermInput>;
export const updateTermInput = z
  .object({
    label: termFields.label.optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
    candidaciesOpenOn: z.preprocess(blankToUndefined, isoDate.optional().nullable()).describe("null removes the window"),
    candidaciesCloseOn: z.preprocess(blankToUndefined, isoDate.optional().nullable()),
  })
  .describe("Only the fields given change; the dates are checked together with the ones kept");
export type UpdateTermInput = z.input<typeof updateTermInput>;
export const termDatesRefinement = checkTermDates;

export const assignRoleInput = z.object({
  body: bodySlug,
  organization: organizationRef,
  role: roleKind,
  term: z.preprocess(blankToUndefined, uuid("i18n:governance.validation.term").optional()).describe("The term (its id); the dates default to the term's"),
  startsOn: optionalDate.describe("Required without a term"),
  endsOn: optionalDate.describe("Inclusive; empty for an open-ended role"),
  seatCountryCode: z.preprocess(blankToUndefined, countryCode.optional()).describe("A council seat's country (the organization's unless given)"),
  note: optionalText(500),
  sourceUrl: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: "i18n:validation.website" })
      .max(300, { error: "i18n:validation.website" })
      .optional(),
  ),
});
export type AssignRoleInput = z.input<typeof assignRoleInput>;

export const endRoleInput = z.object({
  endsOn: optionalDate.describe("The role's last day (default: today)"),
});
export type EndRoleInput = z.input<typeof endRoleInput>;

export const roleFilters = ["current", "upcoming", "past"] as const;
export const listRolesInput = z.object({
  body: z.preprocess(blankToUndefined, bodySlug.optional()),
  organization: z.preprocess(blankToUndefined, organizationRef.optional()),
  when: z.preprocess(blankToUndefined, z.enum(roleFilters, { error: "i18n:validation.choice" }).optional()).describe("current, upcoming or past roles (default: all)"),
  page,
  pageSize,
});
export type ListRolesInput = z.input<typeof listRolesInput>;

export const submitCandidacyInput = z.object({
  body: bodySlug,
  term: uuid("i18n:governance.validation.term").describe("The term applied for (its id)"),
  role: z.enum(candidacyRoles, { error: "i18n:governance.validation.candidacyRole" }),
  statement: z
    .string({ error: "i18n:governance.validation.statement" })
    .trim()
    .min(20, { error: "i18n:governance.validation.statement" })
    .max(4000, { error: "i18n:validation.tooLong" })
    .describe("Why the organization applies and what it proposes"),
  organization: z.preprocess(blankToUndefined, organizationRef.optional()).describe("The applying organization (default: the one the caller acts for)"),
});
export type SubmitCandidacyInput = z.input<typeof submitCandidacyInput>;

export const decideCandidacyInput = z
  .object({
    decision: z.enum(["approve", "reject"], { error: "i18n:governance.validation.candidacyDecision" }),
    decidingBody: z.enum(decidingBodies, { error: "i18n:governance.validation.decidingBody" }).describe("The body whose decision is recorded"),
    reference: z.string({ error: "i18n:validation.required" }).trim().min(1, { error: "i18n:validation.required" }).max(200, { error: "i18n:validation.tooLong" }).describe("The minutes or resolution, e.g. XXIX Cumbre, resolución 4"),
    reason: optionalText(2000).describe("Required when rejecting"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "i18n:governance.validation.rejectionReason" });
  });
export type DecideCandidacyInput = z.input<typeof decideCandidacyInput>;

export const listCandidaciesInput = z.object({
  term: z.preprocess(blankToUndefined, uuid("i18n:governance.validation.term").optional()),
  body: z.preprocess(blankToUndefined, bodySlug.optional()),
  status: z.preprocess(blankToUndefined, z.enum(candidacyStatuses, { error: "i18n:validation.choice" }).optional()),
});
export type ListCandidaciesInput = z.input<typeof listCandidaciesInput>;

/** Which organization takes part (default: the one the caller acts for). */
export const participationInput = z.object({
  organization: z.preprocess(blankToUndefined, organizationRef.optional()),
});
export type ParticipationInput = z.input<typeof participationInput>;

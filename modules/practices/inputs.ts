// Zod schemas of the practices module's inputs (also the API's parameters). Messages starting
// with "i18n:" are catalog keys, translated where the error is shown.
import { z } from "zod";
import { countryCode, page, pageSize, regionCode } from "../cities/inputs.ts";
import { populationBands } from "../networks/schema.ts";
import { networkSlug } from "../networks/inputs.ts";
import { organizationKinds } from "../organizations/schema.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { type entryStatuses, type practiceTextFields, reportReasons, versionStatuses } from "./schema.ts";

export const practiceSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "i18n:validation.slug" })
  .max(120, { error: "i18n:validation.slug" })
  .describe("The practice's address on Pares");

export const language = z.enum(locales, { error: "i18n:validation.language" });

/** Limits of each text field, in characters. */
export const textLimits: Record<(typeof practiceTextFields)[number], number> = {
  title: 160,
  summary: 800,
  problem: 6000,
  solution: 8000,
  results: 6000,
  lessons: 4000,
  replication: 4000,
};

const textField = (max: number, description: string) =>
  z
    .string()
    .trim()
    // Line breaks are normalized so the limit counts what a person sees.
    .transform((s) => s.replace(/\r\n?/g, "\n"))
    .pipe(z.string().max(max, { error: "i18n:validation.tooLong" }))
    .default("")
    .describe(description);

/** The text in one language; empty fields are allowed in a draft and required at submission. */
export const practiceText = z.object({
  title: textField(textLimits.title, "The title"),
  summary: textField(textLimits.summary, "Two or three sentences"),
  problem: textField(textLimits.problem, "The problem it answers"),
  solution: textField(textLimits.solution, "What was done"),
  results: textField(textLimits.results, "Results, with figures"),
  lessons: textField(textLimits.lessons, "Lessons learned"),
  replication: textField(textLimits.replication, "How another city can replicate it"),
});

const themeId = z.string().trim().regex(/^[a-z0-9-]{1,60}$/, { error: "i18n:practices.validation.theme" });
const axisKey = z.string().trim().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, { error: "i18n:practices.validation.axis" }).max(40, { error: "i18n:practices.validation.axis" });
const sdgGoal = z.coerce.number({ error: "i18n:practices.validation.sdgGoal" }).int({ error: "i18n:practices.validation.sdgGoal" }).min(1, { error: "i18n:practices.validation.sdgGoal" }).max(17, { error: "i18n:practices.validation.sdgGoal" });
const sdgTarget = z
  .string()
  .trim()
  .regex(/^\d{1,2}\.[0-9a-z]{1,2}$/, { error: "i18n:practices.validation.sdgTarget" })
  .describe("An SDG target code, e.g. 11.1");
const thisYear = () => new Date().getUTCFullYear();
const year = z.coerce
  .number({ error: "i18n:practices.validation.year" })
  .int({ error: "i18n:practices.validation.year" })
  .min(1950, { error: "i18n:practices.validation.year" })
  .refine((y) => y <= thisYear() + 10, { error: "i18n:practices.validation.year" });
const unique = <T>(values: T[]) => [...new Set(values)];
const knownCurrencies = new Set(Intl.supportedValuesOf("currency"));

export const partnerInput = z.object({
  name: z.string().trim().min(2, { error: "i18n:practices.validation.partnerName" }).max(200, { error: "i18n:validation.tooLong" }),
  kind: z.enum(organizationKinds, { error: "i18n:practices.validation.partnerKind" }),
  organization: z
    .string()
    .trim()
    .max(120)
    .optional()
    .describe("The partner's slug when it is an organization on Pares"),
});

export const linkInput = z.object({
  url: z.url({ protocol: /^https?$/, error: "i18n:practices.validation.link" }).max(500, { error: "i18n:practices.validation.link" }),
  label: z.string().trim().max(200, { error: "i18n:validation.tooLong" }).default(""),
});

/** What an author writes; every field optional in a draft (submission checks completeness). */
export const practiceFields = {
  originalLanguage: language.optional().describe("The language the practice was written in (default: the first language given)"),
  texts: z
    .object({ es: practiceText.optional(), pt: practiceText.optional(), en: practiceText.optional() })
    .optional()
    .describe("Title, summary, problem, solution, results, lessons and replication per language; a language left out is unchanged"),
  themeIds: z.array(themeId).max(10, { error: "i18n:practices.validation.tooManyThemes" }).transform(unique).optional().describe("Themes of the taxonomy (GET /themes)"),
  axisKeys: z.array(axisKey).max(8, { error: "i18n:practices.validation.axis" }).transform(unique).optional().describe("The network's own axes (GET /networks/{slug}/practice-axes)"),
  sdgGoals: z.array(sdgGoal).max(17).transform(unique).optional().describe("SDG goals, 1–17"),
  sdgTargets: z.array(sdgTarget).max(20, { error: "i18n:practices.validation.sdgTarget" }).transform(unique).optional().describe("SDG target codes"),
  startYear: year.nullable().optional().describe("The year it started"),
  endYear: year.nullable().optional().describe("The year it ended; null while it goes on"),
  budgetAmount: z
    .string()
    .trim()
    .regex(/^\d{1,13}(\.\d{1,2})?$/, { error: "i18n:practices.validation.budgetAmount" })
    .nullable()
    .optional()
    .describe("The budget, a decimal with at most two decimals (e.g. 120000.50)"),
  budgetCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => knownCurrencies.has(c), { error: "i18n:practices.validation.currency" })
    .nullable()
    .optional()
    .describe("ISO 4217 currency code, e.g. USD, BRL, ARS"),
  populationReached: z.coerce
    .number({ error: "i18n:practices.validation.population" })
    .int({ error: "i18n:practices.validation.population" })
    .min(0, { error: "i18n:practices.validation.population" })
    .max(2_000_000_000, { error: "i18n:practices.validation.population" })
    .nullable()
    .optional()
    .describe("How many people the practice reached"),
  partners: z.array(partnerInput).max(30, { error: "i18n:practices.validation.tooManyPartners" }).optional().describe("Other cities, universities, NGOs, companies…"),
  contact: z
    .object({
      name: z.string().trim().max(120, { error: "i18n:validation.tooLong" }).default(""),
      position: z.string().trim().max(160, { error: "i18n:validation.tooLong" }).default(""),
      email: z.union([z.literal(""), z.email({ error: "i18n:practices.validation.contactEmail" }).max(200)]).default(""),
    })
    .nullable()
    .optional()
    .describe("Who to ask; the address is shown to signed-in people only"),
  links: z.array(linkInput).max(10, { error: "i18n:practices.validation.tooManyLinks" }).optional(),
  fileIds: z.array(z.uuid({ error: "i18n:practices.validation.file" })).max(20, { error: "i18n:practices.validation.tooManyFiles" }).optional().describe("Images and attachments of the practice, in order (uploaded first)"),
};

export const createPracticeInput = z.object({
  ...practiceFields,
  network: networkSlug.describe("The network whose bank the practice is for"),
  organization: z.string().trim().max(120).optional().describe("The owning organization's slug (default: the one the caller acts for)"),
  idempotencyKey: z
    .string()
    .trim()
    .min(8)
    .max(100)
    .optional()
    .describe("Repeating a creation with the same key returns the first practice instead of a second one"),
});
export type CreatePracticeInput = z.input<typeof createPracticeInput>;

export const updatePracticeInput = z.object({
  ...practiceFields,
  revision: z.coerce
    .number({ error: "i18n:practices.validation.revision" })
    .int()
    .min(1)
    .optional()
    .describe("The revision the edit was made from (GET returns it); an edit from an older one is refused with 409 instead of overwriting someone else's"),
});
export type UpdatePracticeInput = z.input<typeof updatePracticeInput>;

export const decisionKinds = ["publish", "request_changes", "decline"] as const;
export const decidePracticeInput = z
  .object({
    decision: z.enum(decisionKinds, { error: "i18n:practices.validation.decision" }),
    comment: z.string().trim().max(4000, { error: "i18n:validation.tooLong" }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== "publish" && !value.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: value.decision === "decline" ? "i18n:practices.validation.reasonRequired" : "i18n:practices.validation.commentRequired" });
  });
export type DecidePracticeInput = z.input<typeof decidePracticeInput>;

export const reportPracticeInput = z.object({
  reason: z.enum(reportReasons, { error: "i18n:practices.validation.reportReason" }),
  comment: z.string().trim().max(2000, { error: "i18n:validation.tooLong" }).optional(),
});
export type ReportPracticeInput = z.input<typeof reportPracticeInput>;

export const resolveReportInput = z.object({
  resolution: z.enum(["dismiss", "hide"], { error: "i18n:practices.validation.resolution" }).describe("dismiss: the practice stays; hide: it is taken down"),
  note: z.string().trim().max(2000, { error: "i18n:validation.tooLong" }).optional(),
});
export type ResolveReportInput = z.input<typeof resolveReportInput>;

export const fileAltInput = z.object({
  alt: z
    .object({ es: z.string().trim().max(300).optional(), pt: z.string().trim().max(300).optional(), en: z.string().trim().max(300).optional() })
    .optional()
    .describe("Images: what the image shows, per language"),
});

export const queueFilters = ["submitted", "in_review", "changes_requested", "declined", "published", "reported"] as const;
export const moderationQueueInput = z.object({
  network: networkSlug.optional(),
  status: z.enum(queueFilters, { error: "i18n:practices.validation.status" }).optional().describe("Default: submitted and in review"),
  theme: themeId.optional(),
  observatory: z.enum(["yes", "no"]).optional(),
  page,
  pageSize,
});
export type ModerationQueueInput = z.input<typeof moderationQueueInput>;

export const sortOrders = ["relevance", "newest"] as const;
/** A query parameter given once arrives as a string, several times as an array; empty values are no filter. */
const oneOrMany = (value: unknown) => {
  const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const kept = list.filter((v) => v !== "");
  return kept.length > 0 ? kept : undefined;
};
const yesNo = z.enum(["yes", "no"], { error: "i18n:validation.choice" });
export const searchPracticesInput = z.object({
  q: z.string().trim().max(200, { error: "i18n:validation.searchText" }).optional().describe("Words in Spanish, Portuguese or English; accents ignored, typos tolerated, other languages' practices found too"),
  theme: z.preprocess(oneOrMany, z.array(themeId).max(10).transform(unique).optional()).describe("Themes (all must match); repeat the parameter for several"),
  sdg: z.preprocess(oneOrMany, z.array(sdgGoal).max(17).transform(unique).optional()).describe("SDG goals (all must match); repeat the parameter for several"),
  country: countryCode.optional(),
  region: regionCode.optional(),
  population: z.enum(populationBands, { error: "i18n:validation.populationBand" }).optional(),
  year: year.optional().describe("The year the practice started"),
  language: language.optional().describe("Practices available in this language"),
  network: networkSlug.optional(),
  observatory: yesNo.optional().describe("yes: city–university practices only"),
  catalogue: yesNo.optional().describe("no: leave out catalogue entries that link to their source"),
  sort: z.enum(sortOrders, { error: "i18n:validation.choice" }).default("relevance").describe("relevance (default with words) or newest"),
  view: z.enum(["list", "map"], { error: "i18n:validation.choice" }).default("list").describe("map: also the places of every result (at most 1000)"),
  page,
  pageSize,
});
export type SearchPracticesInput = z.input<typeof searchPracticesInput>;

export const createCallInput = z
  .object({
    title: z.string().trim().min(3, { error: "i18n:practices.validation.callTitle" }).max(200, { error: "i18n:validation.tooLong" }),
    description: z.string().trim().max(6000, { error: "i18n:validation.tooLong" }).default(""),
    language,
    themeIds: z.array(themeId).max(10).transform(unique).default([]),
    opensAt: z.coerce.date({ error: "i18n:practices.validation.dateTime" }),
    closesAt: z.coerce.date({ error: "i18n:practices.validation.dateTime" }),
  })
  .superRefine((value, ctx) => {
    if (value.closesAt <= value.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "i18n:practices.validation.deadlineBeforeOpening" });
  });
export type CreateCallInput = z.input<typeof createCallInput>;

export const decideEntryInput = z.object({
  status: z.enum(["selected", "not_selected"] satisfies (typeof entryStatuses)[number][], { error: "i18n:practices.validation.entryStatus" }),
  note: z.string().trim().max(2000, { error: "i18n:validation.tooLong" }).optional(),
});
export type DecideEntryInput = z.input<typeof decideEntryInput>;

export const saveCollectionInput = z.object({
  title: z.string().trim().min(3, { error: "i18n:practices.validation.collectionTitle" }).max(200, { error: "i18n:validation.tooLong" }),
  subtitle: z.string().trim().max(300, { error: "i18n:validation.tooLong" }).default(""),
  foreword: z.string().trim().max(8000, { error: "i18n:validation.tooLong" }).default(""),
  language,
  practices: z.array(practiceSlug).max(200).transform(unique).optional().describe("The practices, in order; left out: unchanged"),
});
export type SaveCollectionInput = z.input<typeof saveCollectionInput>;

export const versionStatus = z.enum(versionStatuses);

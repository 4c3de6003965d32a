// Zod schemas of the calls' inputs (also the API's parameters). Messages starting with "i18n:"
// are catalog keys, translated where the error is shown. Amounts are typed in the currency's
// units ("7000" or "7000.50") and kept in cents; date-times are typed as the wall-clock time of
// the call's time zone.
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { locales } from "../../platform/i18n/locales.ts";
import { isTimeZone } from "../../platform/i18n/time-zones.ts";
import { organizationKinds } from "../organizations/schema.ts";
import { callKinds, fundingModalities } from "./schema.ts";

const unique = <T>(values: T[]) => [...new Set(values)];
const language = z.enum(locales, { error: "i18n:validation.language" });
export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "i18n:validation.slug" })
  .max(80, { error: "i18n:validation.slug" });
const themeId = z.string().trim().regex(/^[a-z0-9-]{1,60}$/, { error: "i18n:calls.validation.theme" });
const text = (max: number) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/\r\n?/g, "\n"))
    .pipe(z.string().max(max, { error: "i18n:validation.tooLong" }))
    .default("");

/**
 * An amount in the currency's units, at most two decimals ("7000", 7000.5), given back as a
 * decimal string ("7000.50"); use cases keep it as whole cents (`cents`). Parsing the output again
 * gives the same output (the API validates, then the use case does).
 */
export const amount = z
  .union([z.number(), z.string()])
  .transform((v) => String(v).trim().replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, { error: "i18n:calls.validation.amount" }))
  .transform((v) => Number(v).toFixed(2));

/** Whole cents of an amount `amount` gave back. */
export const cents = (value: string | undefined): number => (value === undefined ? 0 : Math.round(Number(value) * 100));

export const timeZone = z.string().trim().refine(isTimeZone, { error: "i18n:validation.timeZone" });
/** "2027-03-15T23:59" or with seconds: the wall-clock time in the call's zone. */
export const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: "i18n:calls.validation.dateTime" });

/** The instant a wall-clock time names in a zone (a time skipped by a DST change moves forward). */
export function instantIn(local: string, zone: string): Date {
  return new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds);
}

/** The wall-clock time of an instant in a zone, as a form shows it ("2027-03-15T23:59"). */
export function localIn(instant: Date, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: "minute" });
}

export const programmeText = z.object({ name: text(200), purpose: text(4000), principles: text(4000), linesOfAction: text(4000) });
export const saveProgrammeInput = z
  .object({
    network: slug.describe("The network's slug"),
    slug: slug.describe("The programme's slug, unique in the network"),
    originalLanguage: language.optional(),
    texts: z.object({ es: programmeText.optional(), pt: programmeText.optional(), en: programmeText.optional() }),
  })
  .superRefine((v, ctx) => {
    const original = v.originalLanguage ?? locales.find((l) => v.texts[l]);
    if (!original || !v.texts[original]?.name) ctx.addIssue({ code: "custom", path: ["texts", original ?? "es", "name"], message: "i18n:validation.required" });
  });
export type SaveProgrammeInput = z.input<typeof saveProgrammeInput>;

export const eligibilityRules = z.object({
  leadMustBeMember: z.coerce.boolean().default(true),
  leadKinds: z.array(z.enum(organizationKinds, { error: "i18n:calls.validation.organizationKind" })).transform(unique).default(["local_government"]),
  oneLeadPerCall: z.coerce.boolean().default(true),
  minPartners: z.coerce.number({ error: "i18n:calls.validation.count" }).int({ error: "i18n:calls.validation.count" }).min(0, { error: "i18n:calls.validation.count" }).max(50, { error: "i18n:calls.validation.count" }).default(0),
  minCountries: z.coerce.number({ error: "i18n:calls.validation.count" }).int({ error: "i18n:calls.validation.count" }).min(0, { error: "i18n:calls.validation.count" }).max(20, { error: "i18n:calls.validation.count" }).default(0),
  partnerKinds: z.array(z.enum(organizationKinds, { error: "i18n:calls.validation.organizationKind" })).transform(unique).default([]),
});

const callText = z.object({ title: text(200), description: text(8000) });
const months = (max: number) => z.coerce.number({ error: "i18n:calls.validation.months" }).int({ error: "i18n:calls.validation.months" }).min(0, { error: "i18n:calls.validation.months" }).max(max, { error: "i18n:calls.validation.months" });

export const saveCallInput = z
  .object({
    programme: z.uuid({ error: "i18n:calls.validation.programme" }),
    slug,
    kind: z.enum(callKinds, { error: "i18n:calls.validation.kind" }),
    originalLanguage: language.optional(),
    texts: z.object({ es: callText.optional(), pt: callText.optional(), en: callText.optional() }),
    themeIds: z.array(themeId).max(12, { error: "i18n:calls.validation.tooManyThemes" }).transform(unique).default([]),
    opensAt: localDateTime,
    closesAt: localDateTime,
    timeZone,
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { error: "i18n:calls.validation.currency" }).default("USD"),
    totalBudget: amount,
    projectCap: amount,
    maxFundedSharePercent: z.coerce.number({ error: "i18n:calls.validation.share" }).int({ error: "i18n:calls.validation.share" }).min(1, { error: "i18n:calls.validation.share" }).max(100, { error: "i18n:calls.validation.share" }).default(50),
    executionMonths: months(60).default(12),
    extensionMonths: months(24).default(6),
    modalities: z.array(z.enum(fundingModalities, { error: "i18n:calls.validation.modality" })).transform(unique).default([...fundingModalities]),
    rules: eligibilityRules.default({ leadMustBeMember: true, leadKinds: ["local_government"], oneLeadPerCall: true, minPartners: 0, minCountries: 0, partnerKinds: [] }),
    feedbackToApplicants: z.coerce.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const original = v.originalLanguage ?? locales.find((l) => v.texts[l]);
    if (!original || !v.texts[original]?.title) ctx.addIssue({ code: "custom", path: ["texts", original ?? "es", "title"], message: "i18n:validation.required" });
    if (isTimeZone(v.timeZone) && instantIn(v.closesAt, v.timeZone) <= instantIn(v.opensAt, v.timeZone)) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "i18n:calls.validation.closesBeforeOpens" });
    if (cents(v.projectCap) > cents(v.totalBudget)) ctx.addIssue({ code: "custom", path: ["projectCap"], message: "i18n:calls.validation.capOverBudget" });
    if (cents(v.projectCap) <= 0) ctx.addIssue({ code: "custom", path: ["projectCap"], message: "i18n:calls.validation.amountPositive" });
  });
export type SaveCallInput = z.input<typeof saveCallInput>;

const isoDate = z.iso.date({ error: "i18n:calls.validation.date" });
const sdgGoal = z.coerce.number({ error: "i18n:calls.validation.sdgGoal" }).int({ error: "i18n:calls.validation.sdgGoal" }).min(1, { error: "i18n:calls.validation.sdgGoal" }).max(17, { error: "i18n:calls.validation.sdgGoal" });
export const idempotencyKey = z.string().trim().min(8).max(100).optional().describe("The same key sent again (a double click, a retry) gives the first result");

export const startApplicationInput = z.object({
  call: z.uuid({ error: "i18n:calls.validation.call" }),
  organization: slug.optional().describe("The lead organization's slug (default: the one the person acts for)"),
  title: text(200).pipe(z.string().min(1, { error: "i18n:validation.required" })),
  language: language.default("es"),
  idempotencyKey,
});
export type StartApplicationInput = z.input<typeof startApplicationInput>;

export const activity = z
  .object({ title: text(200).pipe(z.string().min(1, { error: "i18n:validation.required" })), startsOn: isoDate, endsOn: isoDate, description: text(2000) })
  .refine((a) => a.endsOn >= a.startsOn, { path: ["endsOn"], error: "i18n:calls.validation.endsBeforeStarts" });

export const budgetLine = z.object({
  organization: z.uuid({ error: "i18n:calls.validation.budgetOrganization" }).describe("The organization that spends it: the lead or a partner"),
  description: text(300).pipe(z.string().min(1, { error: "i18n:validation.required" })),
  requested: amount.default("0.00"),
  counterpartCash: amount.default("0.00"),
  counterpartInKind: amount.default("0.00"),
});

export const applicationContent = z.object({
  summary: text(3000),
  objectives: text(3000),
  activities: z.array(activity).max(40, { error: "i18n:calls.validation.tooMany" }).default([]),
  expectedResults: text(3000),
  indicators: z.array(text(300)).max(20, { error: "i18n:calls.validation.tooMany" }).transform((list) => list.filter((s) => s.length > 0)).default([]),
});

/** An autosave or a save: the whole draft, from the revision it was read at. */
export const saveApplicationInput = z.object({
  revision: z.coerce.number({ error: "i18n:calls.validation.revision" }).int({ error: "i18n:calls.validation.revision" }).min(1, { error: "i18n:calls.validation.revision" }),
  title: text(200).pipe(z.string().min(1, { error: "i18n:validation.required" })),
  language: language,
  modality: z.enum(fundingModalities, { error: "i18n:calls.validation.modality" }).nullable().default(null),
  themeIds: z.array(themeId).max(8, { error: "i18n:calls.validation.tooManyThemes" }).transform(unique).default([]),
  sdgGoals: z.array(sdgGoal).max(17).transform(unique).default([]),
  content: applicationContent,
  budget: z.array(budgetLine).max(60, { error: "i18n:calls.validation.tooMany" }).default([]),
});
export type SaveApplicationInput = z.input<typeof saveApplicationInput>;

export const invitePartnerInput = z.object({ organization: slug.describe("The partner organization's slug") });
export const answerInvitationInput = z.object({
  organization: slug.optional().describe("The partner organization answering (default: the one the person acts for)"),
  answer: z.enum(["confirm", "decline"], { error: "i18n:calls.validation.answer" }),
});
export const submitApplicationInput = z.object({ idempotencyKey });

const criterionText = z.object({ name: text(200), guidance: text(2000) });
export const saveRubricInput = z.object({
  criteria: z
    .array(
      z
        .object({
          texts: z.object({ es: criterionText.optional(), pt: criterionText.optional(), en: criterionText.optional() }),
          weight: z.coerce.number({ error: "i18n:calls.validation.weight" }).int({ error: "i18n:calls.validation.weight" }).min(1, { error: "i18n:calls.validation.weight" }).max(100, { error: "i18n:calls.validation.weight" }),
          scaleMax: z.coerce.number({ error: "i18n:calls.validation.scale" }).int({ error: "i18n:calls.validation.scale" }).min(1, { error: "i18n:calls.validation.scale" }).max(100, { error: "i18n:calls.validation.scale" }).default(5),
        })
        .refine((c) => locales.some((l) => c.texts[l]?.name), { path: ["texts"], error: "i18n:validation.required" }),
    )
    .min(1, { error: "i18n:calls.validation.criteria" })
    .max(20, { error: "i18n:calls.validation.tooMany" }),
});
export type SaveRubricInput = z.input<typeof saveRubricInput>;

export const assignReviewerInput = z.object({ reviewer: z.email({ error: "i18n:validation.email" }).trim().toLowerCase().describe("The reviewer's e-mail address (their account)") });
export const declareInput = z.object({
  conflict: z.coerce.boolean().describe("true: the reviewer has a conflict of interest and is excused"),
  note: text(1000),
});
export const submitReviewInput = z.object({
  scores: z.array(z.object({ criterion: z.uuid({ error: "i18n:calls.validation.criterion" }), score: z.coerce.number({ error: "i18n:calls.validation.score" }).int({ error: "i18n:calls.validation.score" }).min(0, { error: "i18n:calls.validation.score" }), comment: text(2000) })),
  comment: text(4000).describe("For the secretariat only"),
  feedback: text(4000).describe("For the applicant, without the reviewer's name (when the call allows feedback)"),
});
export type SubmitReviewInput = z.input<typeof submitReviewInput>;

export const decideInput = z
  .object({
    decision: z.enum(["awarded", "not_awarded"], { error: "i18n:calls.validation.decision" }),
    amount: amount.optional().describe("The amount awarded (at most the amount requested)"),
    reasons: text(4000).pipe(z.string().min(1, { error: "i18n:validation.required" })),
  })
  .refine((d) => d.decision === "not_awarded" || cents(d.amount) > 0, { path: ["amount"], error: "i18n:calls.validation.amountPositive" });
export type DecideInput = z.input<typeof decideInput>;

export const reportExpense = z.object({
  organization: z.uuid({ error: "i18n:calls.validation.budgetOrganization" }),
  description: text(300).pipe(z.string().min(1, { error: "i18n:validation.required" })),
  funded: amount.default("0.00").describe("Spent from the programme's funds"),
  counterpartCash: amount.default("0.00"),
  counterpartInKind: amount.default("0.00"),
});
export const submitReportInput = z.object({
  narrative: text(20000).pipe(z.string().min(1, { error: "i18n:validation.required" })),
  expenses: z.array(reportExpense).max(200, { error: "i18n:calls.validation.tooMany" }).default([]),
});
export type SubmitReportInput = z.input<typeof submitReportInput>;
export const reviewReportInput = z.object({ accept: z.coerce.boolean(), note: text(4000) });
export const requestExtensionInput = z.object({
  months: z.coerce.number({ error: "i18n:calls.validation.months" }).int({ error: "i18n:calls.validation.months" }).min(1, { error: "i18n:calls.validation.months" }).max(24, { error: "i18n:calls.validation.months" }),
  reason: text(4000).pipe(z.string().min(1, { error: "i18n:validation.required" })),
});
export const decideExtensionInput = z.object({ approve: z.coerce.boolean(), note: text(4000) });
export const closeProjectInput = z.object({ note: text(4000) });

const trainingText = z.object({ name: text(200), description: text(8000), covered: text(1000) });
export const saveTrainingInput = z
  .object({
    programme: z.uuid({ error: "i18n:calls.validation.programme" }),
    slug,
    originalLanguage: language.optional(),
    texts: z.object({ es: trainingText.optional(), pt: trainingText.optional(), en: trainingText.optional() }),
  })
  .refine((v) => locales.some((l) => v.texts[l]?.name), { path: ["texts"], error: "i18n:validation.required" });
export type SaveTrainingInput = z.input<typeof saveTrainingInput>;

const seats = z.coerce.number({ error: "i18n:calls.validation.seats" }).int({ error: "i18n:calls.validation.seats" }).min(1, { error: "i18n:calls.validation.seats" }).max(1000, { error: "i18n:calls.validation.seats" });
export const saveEditionInput = z
  .object({
    training: z.uuid({ error: "i18n:calls.validation.training" }),
    call: z.uuid({ error: "i18n:calls.validation.call" }).describe("The admission call (kind training_admission)"),
    label: text(120).pipe(z.string().min(1, { error: "i18n:validation.required" })),
    startsOn: isoDate,
    endsOn: isoDate,
    mode: z.enum(["in_person", "online", "hybrid"], { error: "i18n:calls.validation.mode" }),
    place: text(200),
    seatsMin: seats,
    seatsMax: seats,
    valuePerParticipant: amount,
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { error: "i18n:calls.validation.currency" }).default("USD"),
    partnerNetworks: z.array(slug).max(20).default([]).describe("Slugs of partner networks whose members may apply too"),
    mentoringMonths: months(24).default(0),
    attendanceRequiredPercent: z.coerce.number({ error: "i18n:calls.validation.share" }).int({ error: "i18n:calls.validation.share" }).min(0, { error: "i18n:calls.validation.share" }).max(100, { error: "i18n:calls.validation.share" }).default(75),
    sessions: z.array(z.object({ title: text(200).pipe(z.string().min(1, { error: "i18n:validation.required" })), startsAt: z.iso.datetime({ offset: true, error: "i18n:calls.validation.dateTime" }) })).max(200).default([]),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], error: "i18n:calls.validation.endsBeforeStarts" })
  .refine((v) => v.seatsMax >= v.seatsMin, { path: ["seatsMax"], error: "i18n:calls.validation.seats" });
export type SaveEditionInput = z.input<typeof saveEditionInput>;

export const applyToTrainingInput = z.object({
  organization: slug.optional().describe("The organization applying for the person (default: the one they act for)"),
  motivation: text(3000).pipe(z.string().min(1, { error: "i18n:validation.required" })),
});
export const selectParticipantsInput = z.object({
  selected: z.array(z.uuid()).max(1000).describe("Enrolments given a seat"),
  waitlist: z.array(z.uuid()).max(1000).default([]).describe("Enrolments on the waiting list, in order"),
});
export const attendanceInput = z.object({ present: z.array(z.uuid()).max(1000).describe("Enrolments present at the session") });
export const feedbackInput = z.object({
  overall: z.coerce.number({ error: "i18n:calls.validation.rating" }).int({ error: "i18n:calls.validation.rating" }).min(1, { error: "i18n:calls.validation.rating" }).max(5, { error: "i18n:calls.validation.rating" }),
  usefulness: z.coerce.number({ error: "i18n:calls.validation.rating" }).int({ error: "i18n:calls.validation.rating" }).min(1, { error: "i18n:calls.validation.rating" }).max(5, { error: "i18n:calls.validation.rating" }),
  comments: text(4000),
});
export const summitProjectsInput = z.object({
  projects: z.array(z.object({ enrolment: z.uuid(), title: text(200).pipe(z.string().min(1, { error: "i18n:validation.required" })) })).max(3, { error: "i18n:calls.validation.threeProjects" }),
});

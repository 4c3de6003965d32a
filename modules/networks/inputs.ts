// Zod schemas of the networks module's inputs (also the API's parameters). Messages starting with
// "i18n:" are catalog keys, translated where the error is shown.
import { z } from "zod";
import { spokenLanguages } from "../accounts/inputs.ts";
import { countryCode, page, pageSize, regionCode } from "../cities/inputs.ts";
import { organizationSlug } from "../organizations/inputs.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { membershipStatuses, networkKinds, populationBands } from "./schema.ts";

export const networkSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "i18n:validation.slug" })
  .max(80, { error: "i18n:validation.slug" })
  .describe("The network's address on Pares, e.g. mercociudades");

export const networkKind = z
  .enum(networkKinds, { error: "i18n:validation.networkKind" })
  .describe("regional: cooperation within a territory; global: local governments worldwide; thematic: one policy area");

/** Statuses the secretariat sets on a member (applications are decided, not set). */
export const memberStatuses = ["active", "inactive", "suspended", "withdrawn"] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const membershipStatus = z.enum(membershipStatuses, { error: "i18n:validation.membershipStatus" });
export const memberStatus = z.enum(memberStatuses, { error: "i18n:validation.memberStatus" });

/** A category's stable key within its network: full, associate, partner… */
export const categoryKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, { error: "i18n:validation.categoryKey" })
  .max(40, { error: "i18n:validation.categoryKey" })
  .describe("The category's key within the network, e.g. full, associate, partner");

const emptyToUndefined = (v: string) => (v === "" ? undefined : v);

const optionalText = (max: number) => z.string().trim().max(max, { error: "i18n:validation.tooLong" }).transform(emptyToUndefined).optional();

/** A calendar date as YYYY-MM-DD that exists (2026-02-30 does not). */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "i18n:validation.date" })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, { error: "i18n:validation.date" })
  // Year 0 is a date to JavaScript but not to PostgreSQL; nothing here is older than 1800.
  .refine((v) => v >= "1800-01-01", { error: "i18n:validation.date" });

/** Today in UTC, as YYYY-MM-DD (the database's current_date on a UTC server). */
export const today = () => new Date().toISOString().slice(0, 10);

/** A date that is not after today. */
export const pastDate = isoDate.refine((v) => v <= today(), { error: "i18n:validation.dateInFuture" });

/** Text per UI language ({ es?, pt?, en? }); empty strings mean "not given". */
const translated = (max: number, message = "i18n:validation.tooLong") =>
  z
    .object({
      es: z.string().trim().max(max, { error: message }).optional(),
      pt: z.string().trim().max(max, { error: message }).optional(),
      en: z.string().trim().max(max, { error: message }).optional(),
    })
    .transform((v) => Object.fromEntries(Object.entries(v).filter(([, text]) => !!text)) as Partial<Record<(typeof locales)[number], string>>);

const website = z
  .string()
  .trim()
  .transform(emptyToUndefined)
  .pipe(z.url({ protocol: /^https?$/, error: "i18n:validation.website" }).max(300, { error: "i18n:validation.website" }).optional())
  .optional()
  .describe("The network's web site (http or https)");

const unique = <T>(values: T[]) => [...new Set(values)];

const networkProfile = {
  name: z
    .string()
    .trim()
    .min(2, { error: "i18n:validation.networkName" })
    .max(200, { error: "i18n:validation.tooLong" })
    .describe("The name in the network's own language (Mercociudades)"),
  names: translated(200).optional().describe("The name per UI language, where it differs (Mercocidades in pt)"),
  acronyms: translated(20).optional().describe("Acronym per language (UCLG in en, CGLU in es)"),
  kind: networkKind,
  regionCodes: z
    .array(regionCode)
    .max(40, { error: "i18n:validation.tooLong" })
    .transform(unique)
    .optional()
    .describe("UN M49 codes of the regions covered (GET /countries lists them per country); empty for worldwide"),
  workingLanguages: z
    .array(z.enum(spokenLanguages, { error: "i18n:validation.choice" }))
    .max(spokenLanguages.length)
    .transform(unique)
    .optional()
    .describe("ISO 639-1 codes of the languages the network works in"),
  foundedOn: z
    .union([z.literal(""), pastDate])
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .describe("Founding date, YYYY-MM-DD"),
  description: optionalText(4000).describe("What the network is and does, in the language given by descriptionLanguage"),
  descriptionLanguage: z.enum(locales, { error: "i18n:validation.language" }).optional().describe("The language of description"),
  website,
};

export const createNetworkInput = z.object({
  ...networkProfile,
  secretariat: organizationSlug.describe("The slug of the organization that runs the network: its members become the network's secretariat"),
});
export type CreateNetworkInput = z.input<typeof createNetworkInput>;

export const updateNetworkInput = z.object({
  ...networkProfile,
  name: networkProfile.name.optional(),
  kind: networkKind.optional(),
  secretariat: organizationSlug.optional().describe("Platform administrators only: hand the network to another secretariat organization"),
});
export type UpdateNetworkInput = z.input<typeof updateNetworkInput>;

export const recordExternalNetworkInput = z.object({
  name: networkProfile.name,
  acronyms: networkProfile.acronyms,
  kind: networkKind,
  website,
  organization: organizationSlug.optional().describe("The member organization recording it (default: the one the caller acts for)"),
  since: z
    .union([z.literal(""), pastDate])
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .describe("Member since, YYYY-MM-DD; left out when not known (it is then stored as unknown, never as today)"),
});
export type RecordExternalNetworkInput = z.input<typeof recordExternalNetworkInput>;

export const joinExternalNetworkInput = z.object({
  organization: recordExternalNetworkInput.shape.organization,
  since: recordExternalNetworkInput.shape.since,
});
export type JoinExternalNetworkInput = z.input<typeof joinExternalNetworkInput>;

export const listNetworksInput = z.object({
  q: z.string().trim().max(100, { error: "i18n:validation.searchText" }).optional().describe("Part of the network's name or acronym; accents and case are ignored"),
  kind: networkKind.optional(),
  hosted: z
    .enum(["yes", "no"], { error: "i18n:validation.hostedFilter" })
    .optional()
    .describe("yes: networks hosted and run here; no: networks recorded by their members"),
  page,
  pageSize,
});
export type ListNetworksInput = z.input<typeof listNetworksInput>;

export const applyToNetworkInput = z.object({
  message: optionalText(2000).describe("A note for the network's secretariat"),
  organization: organizationSlug.optional().describe("The organization applying (default: the one the caller acts for)"),
});
export type ApplyToNetworkInput = z.input<typeof applyToNetworkInput>;

export const decideMembershipInput = z
  .object({
    decision: z.enum(["approve", "decline"], { error: "i18n:validation.decision" }),
    category: z
      .union([z.literal(""), categoryKey])
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .describe("To approve: the member's category, required when the network has categories (none is assumed)"),
    reason: optionalText(2000).describe("Required to decline: told to the applicant"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "decline" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "i18n:validation.reasonRequired" });
  });
export type DecideMembershipInput = z.input<typeof decideMembershipInput>;

export const changeMembershipStatusInput = z.object({
  status: memberStatus,
  category: z
    .union([z.literal(""), categoryKey])
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .describe("The member's category; left out: unchanged"),
  reason: z.string().trim().min(1, { error: "i18n:validation.reasonRequired" }).max(2000, { error: "i18n:validation.tooLong" }),
  effectiveOn: z
    .union([z.literal(""), pastDate])
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .describe("The date the change takes effect, YYYY-MM-DD, not after today (default today)"),
});
export type ChangeMembershipStatusInput = z.input<typeof changeMembershipStatusInput>;

export const withdrawMembershipInput = z.object({
  reason: optionalText(2000).describe("Why the organization leaves or cancels its application (seen by the secretariat)"),
});
export type WithdrawMembershipInput = z.input<typeof withdrawMembershipInput>;

export const listNetworkMembersInput = z.object({
  q: z.string().trim().max(100, { error: "i18n:validation.searchText" }).optional().describe("Part of the member's name; accents and case are ignored"),
  country: countryCode.optional(),
  status: membershipStatus.optional().describe("The secretariat only; everyone else sees active members"),
  category: categoryKey.optional(),
  population: z.enum(populationBands, { error: "i18n:validation.populationBand" }).optional().describe("Population of the member's reference city"),
  page,
  pageSize,
});
export type ListNetworkMembersInput = z.input<typeof listNetworkMembersInput>;

export const exportFormats = ["csv", "xlsx"] as const;
export const exportNetworkMembersInput = listNetworkMembersInput.omit({ page: true, pageSize: true }).extend({
  format: z.enum(exportFormats, { error: "i18n:validation.exportFormat" }).default("csv"),
});
export type ExportNetworkMembersInput = z.input<typeof exportNetworkMembersInput>;

export const saveNetworkCategoryInput = z.object({
  key: categoryKey,
  names: translated(100).refine((v) => Object.keys(v).length > 0, { error: "i18n:validation.categoryName" }),
});
export type SaveNetworkCategoryInput = z.input<typeof saveNetworkCategoryInput>;

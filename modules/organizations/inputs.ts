import { z } from "zod";
import { countryCode, page, pageSize } from "../cities/inputs.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { memberRoles, organizationKinds } from "./schema.ts";

// Messages starting with "i18n:" are catalog keys, translated where the error is shown.
export const organizationSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "i18n:validation.slug" })
  .max(80, { error: "i18n:validation.slug" })
  .describe("The organization's address on Pares, e.g. prefeitura-de-porto-alegre");

export const organizationKind = z.enum(organizationKinds, { error: "i18n:validation.organizationKind" }).describe("What kind of organization it is");
export const memberRole = z
  .enum(memberRoles, { error: "i18n:validation.memberRole" })
  .describe("focal_point manages the organization and its members; authority is the mayor, rector…; staff are technical teams");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "i18n:validation.tooLong" })
    .transform((v) => (v === "" ? undefined : v))
    .optional();

const website = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(
    z
      .url({ protocol: /^https?$/, error: "i18n:validation.website" })
      .max(300, { error: "i18n:validation.website" })
      .optional(),
  )
  .optional()
  .describe("The organization's web site (http or https)");

const cityId = z.coerce
  .number({ error: "i18n:validation.city" })
  .int({ error: "i18n:validation.city" })
  .positive({ error: "i18n:validation.city" })
  .describe("The reference city (GeoNames id): the city governed, or a group's lead municipality");

export const createOrganizationInput = z
  .object({
    name: z.string().trim().min(2, { error: "i18n:validation.organizationName" }).max(200, { error: "i18n:validation.tooLong" }),
    kind: organizationKind,
    cityId: z
      .union([z.literal(""), cityId])
      .optional()
      .transform((v) => (v === "" ? undefined : v)),
    countryCode: z
      .union([z.literal(""), countryCode])
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .describe("ISO 3166-1 alpha-2 country code; taken from the city when one is given"),
    description: optionalText(4000).describe("What the organization does, in the language given by descriptionLanguage"),
    descriptionLanguage: z.enum(locales, { error: "i18n:validation.language" }).default("es"),
    website,
  })
  .superRefine((v, ctx) => {
    if ((v.kind === "local_government" || v.kind === "local_government_group") && v.cityId === undefined) {
      ctx.addIssue({ code: "custom", path: ["cityId"], message: "i18n:validation.cityRequired" });
    }
    if (v.cityId === undefined && v.countryCode === undefined) {
      ctx.addIssue({ code: "custom", path: ["countryCode"], message: "i18n:validation.countryRequired" });
    }
  });
export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;

export const updateOrganizationInput = z.object({
  name: z.string().trim().min(2, { error: "i18n:validation.organizationName" }).max(200, { error: "i18n:validation.tooLong" }).optional(),
  description: optionalText(4000),
  descriptionLanguage: z.enum(locales, { error: "i18n:validation.language" }).optional(),
  website,
});
export type UpdateOrganizationInput = z.input<typeof updateOrganizationInput>;

export const listOrganizationsInput = z.object({
  q: z.string().trim().max(100, { error: "i18n:validation.searchText" }).optional().describe("Part of the organization's name; accents and case are ignored"),
  kind: organizationKind.optional(),
  country: countryCode.optional(),
  verified: z.enum(["yes", "no"], { error: "i18n:validation.verifiedFilter" }).optional().describe("yes: only verified organizations; no: only those awaiting verification"),
  page,
  pageSize,
});
export type ListOrganizationsInput = z.input<typeof listOrganizationsInput>;

export const inviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().max(254, { error: "i18n:validation.email" }).pipe(z.email({ error: "i18n:validation.email" })),
  role: memberRole,
  /** The language of the invitation e-mail. */
  locale: z.enum(locales, { error: "i18n:validation.language" }).default("es"),
});
export type InviteMemberInput = z.input<typeof inviteMemberInput>;

export const joinRequestInput = z.object({
  message: optionalText(1000).describe("A note for the organization's focal points"),
});

export const changeMemberRoleInput = z.object({ role: memberRole });

export const decideJoinRequestInput = z.object({
  decision: z.enum(["approve", "decline"], { error: "i18n:validation.decision" }),
  role: memberRole.default("staff"),
});

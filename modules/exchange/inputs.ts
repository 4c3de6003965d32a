// Zod schemas of the exchange's inputs (also the API's parameters). Messages starting with
// "i18n:" are catalog keys, translated where the error is shown.
import { z } from "zod";
import { page, pageSize } from "../cities/inputs.ts";
import { networkSlug } from "../networks/inputs.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { conversationOutcomes, itemKinds, itemStatuses, modalities, visibilities } from "./schema.ts";

export const itemId = z.uuid({ error: "i18n:exchange.validation.item" }).describe("The offer's or need's id");
const language = z.enum(locales, { error: "i18n:validation.language" });
const unique = <T>(values: T[]) => [...new Set(values)];

/** Limits of each text, in characters. */
export const itemTextLimits = { title: 160, description: 4000 } as const;

const textField = (max: number, description: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/\r\n?/g, "\n"))
    .pipe(z.string().max(max, { error: "i18n:validation.tooLong" }))
    .default("")
    .describe(description);

export const itemText = z.object({
  title: textField(itemTextLimits.title, "What the city offers or needs, in a line"),
  description: textField(itemTextLimits.description, "The details: the situation, what was done or is wanted, the team"),
});

const themeId = z.string().trim().regex(/^[a-z0-9-]{1,60}$/, { error: "i18n:exchange.validation.theme" });
const sdgGoal = z.coerce.number({ error: "i18n:exchange.validation.sdgGoal" }).int({ error: "i18n:exchange.validation.sdgGoal" }).min(1, { error: "i18n:exchange.validation.sdgGoal" }).max(17, { error: "i18n:exchange.validation.sdgGoal" });
const isoDate = z.iso.date({ error: "i18n:exchange.validation.date" });

/** What an organization writes about an offer or a need; on an update every field is optional. */
export const itemFields = {
  originalLanguage: language.optional().describe("The language it was written in (default: the first language given)"),
  texts: z
    .object({ es: itemText.optional(), pt: itemText.optional(), en: itemText.optional() })
    .describe("Title and description per language; the original language's title and description are required"),
  themeIds: z.array(themeId).max(8, { error: "i18n:exchange.validation.tooManyThemes" }).transform(unique).default([]).describe("Themes of the taxonomy (GET /themes)"),
  sdgGoals: z.array(sdgGoal).max(17).transform(unique).default([]).describe("SDG goals, 1–17"),
  modalities: z
    .array(z.enum(modalities, { error: "i18n:exchange.validation.modality" }))
    .transform(unique)
    .default([])
    .describe("How the cities could work together"),
  languages: z.array(language).transform(unique).default([]).describe("Languages the team works in (default: the original language)"),
  availableFrom: isoDate.nullable().default(null).describe("From when (YYYY-MM-DD)"),
  availableUntil: isoDate.nullable().default(null).describe("Until when (YYYY-MM-DD)"),
  visibility: z.enum(visibilities, { error: "i18n:exchange.validation.visibility" }).default("networks").describe("networks: only members of the networks named; platform: everyone signed in"),
  networks: z.array(networkSlug).max(20).transform(unique).default([]).describe("Slugs of the networks whose members see it (the organization must be an active member of each)"),
  practice: z.string().trim().max(120).nullable().default(null).describe("An offer may point to one of the organization's published practices (its slug)"),
  contact: z.string().trim().max(100).nullable().default(null).describe("The contact person: the user id of a member of the organization (default: the author)"),
  expiresOn: isoDate.nullable().default(null).describe("When it expires if still open (default: in 6 months; at most 2 years ahead)"),
};

export const postItemInput = z.object({
  kind: z.enum(itemKinds, { error: "i18n:exchange.validation.kind" }).describe("offer: a strength the city can share; need: a challenge it wants help with"),
  organization: z.string().trim().max(120).optional().describe("The organization's slug (default: the one the caller acts for)"),
  ...itemFields,
  idempotencyKey: z.string().trim().min(8).max(100).optional().describe("A retried request with the same key returns the first item"),
});
export type PostItemInput = z.input<typeof postItemInput>;

export const updateItemInput = z.object({
  ...itemFields,
  revision: z.coerce.number().int().min(1).describe("The revision the edit was made from: an edit of an older one is refused (409)"),
});
export type UpdateItemInput = z.input<typeof updateItemInput>;

/** What the organization can do to its item's status. */
export const itemStatusActions = ["close", "mark_matched", "reopen"] as const;
export const changeItemStatusInput = z.object({
  action: z.enum(itemStatusActions, { error: "i18n:exchange.validation.action" }),
  /** Reopening may set a new expiry date. */
  expiresOn: isoDate.nullable().default(null),
});

export const browseItemsInput = z.object({
  q: z.string().trim().max(200).default("").describe("Words in any of the three languages"),
  kind: z.enum(itemKinds).optional(),
  theme: themeId.optional(),
  sdg: sdgGoal.optional(),
  network: networkSlug.optional(),
  modality: z.enum(modalities).optional(),
  language: language.optional().describe("A language the team works in"),
  status: z.enum(itemStatuses).optional().describe("Default: open and in conversation"),
  organization: z.string().trim().max(120).optional().describe("One organization's items (slug)"),
  page,
  pageSize,
});
export type BrowseItemsInput = z.input<typeof browseItemsInput>;

export const dismissMatchInput = z.object({ other: itemId.describe("The suggested item to leave out") });

export const expertiseProfileInput = z.object({
  organization: z.string().trim().max(120).optional().describe("The organization the person works for (slug; default: the one they act for)"),
  position: z.string().trim().max(160, { error: "i18n:validation.tooLong" }).default(""),
  summary: z
    .object({
      es: z.string().trim().max(1000, { error: "i18n:validation.tooLong" }).optional(),
      pt: z.string().trim().max(1000, { error: "i18n:validation.tooLong" }).optional(),
      en: z.string().trim().max(1000, { error: "i18n:validation.tooLong" }).optional(),
    })
    .default({}),
  themeIds: z.array(themeId).max(8, { error: "i18n:exchange.validation.tooManyThemes" }).transform(unique).default([]),
  languages: z.array(language).transform(unique).default([]),
  listed: z.boolean().describe("Consent to appear in the directory of local expertise"),
});

export const listExpertiseInput = z.object({
  theme: themeId.optional(),
  language: language.optional(),
  network: networkSlug.optional(),
  page,
  pageSize,
});

export const contactId = z.uuid({ error: "i18n:exchange.validation.contactRequest" }).describe("The contact request's id");
export const conversationId = z.uuid({ error: "i18n:exchange.validation.conversation" }).describe("The conversation's id");

export const requestContactInput = z.object({
  item: itemId.describe("The other organization's offer or need"),
  fromItem: itemId.optional().describe("Your organization's own item that matched it, if any"),
  organization: z.string().trim().max(120).optional().describe("Your organization (slug; default: the one you act for)"),
  message: z
    .string()
    .trim()
    .min(10, { error: "i18n:exchange.validation.messageShort" })
    .max(4000, { error: "i18n:validation.tooLong" })
    .describe("Who you are and what you would like to talk about"),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});

export const decideContactInput = z.object({
  decision: z.enum(["accept", "decline"], { error: "i18n:exchange.validation.decision" }),
  reason: z.string().trim().max(1000, { error: "i18n:validation.tooLong" }).default("").describe("Why not (shown to the requester)"),
});

export const postMessageInput = z.object({
  body: z.string().trim().min(1, { error: "i18n:exchange.validation.messageEmpty" }).max(8000, { error: "i18n:validation.tooLong" }),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});

export const closeConversationInput = z.object({
  outcome: z.enum(conversationOutcomes, { error: "i18n:exchange.validation.outcome" }).describe("exchange_done, project (turned into a project) or no_follow_up"),
  note: z.string().trim().max(1000, { error: "i18n:validation.tooLong" }).default(""),
});

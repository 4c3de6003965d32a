// What an organization wrote about an offer or a need, checked against the database: the original
// language's title and description, themes that exist, networks the organization is an active
// member of, its own published practice, a contact who belongs to it, a sensible window and
// expiry. Every problem is reported by field at once.
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../platform/db/client.ts";
import { invalid } from "../../platform/errors.ts";
import { type Locale, locales } from "../../platform/i18n/locales.ts";
import { networks } from "../networks/schema.ts";
import { organizationMembers } from "../organizations/schema.ts";
import { practices } from "../practices/schema.ts";
import { themes } from "../themes/schema.ts";
import { activeNetworksOf } from "./find.ts";
import type { itemFields } from "./inputs.ts";
import type { ItemText, Modality, Visibility } from "./schema.ts";

type Fields = z.output<z.ZodObject<typeof itemFields>>;

export interface ItemValues {
  originalLanguage: Locale;
  texts: Partial<Record<Locale, ItemText>>;
  themeIds: string[];
  sdgGoals: number[];
  modalities: Modality[];
  languages: string[];
  availableFrom: string | null;
  availableUntil: string | null;
  visibility: Visibility;
  practiceId: string | null;
  contactUserId: string | null;
  expiresOn: string;
  networkIds: string[];
}

const MIN_DESCRIPTION = 20;

export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

export async function checkItemContent(db: Database, organizationId: string, input: Fields, defaultContact: string, today = new Date().toISOString().slice(0, 10)): Promise<ItemValues> {
  const errors: Record<string, string[]> = {};
  const texts: Partial<Record<Locale, ItemText>> = {};
  for (const l of locales) {
    const t = input.texts[l];
    if (t && (t.title || t.description)) texts[l] = { title: t.title, description: t.description };
  }
  const originalLanguage = input.originalLanguage ?? locales.find((l) => texts[l]) ?? "es";
  const original = texts[originalLanguage];
  if (!original?.title) errors[`texts.${originalLanguage}.title`] = ["i18n:exchange.validation.titleRequired"];
  if (!original || original.description.length < MIN_DESCRIPTION) errors[`texts.${originalLanguage}.description`] = ["i18n:exchange.validation.descriptionRequired"];
  if (input.themeIds.length > 0) {
    const found = new Set((await db.select({ id: themes.id }).from(themes).where(inArray(themes.id, input.themeIds))).map((t) => t.id));
    if (input.themeIds.some((id) => !found.has(id))) errors.themeIds = ["i18n:exchange.validation.theme"];
  }
  let networkIds: string[] = [];
  if (input.networks.length > 0) {
    const rows = await db.select({ id: networks.id, slug: networks.slug, secretariat: networks.secretariatOrganizationId }).from(networks).where(inArray(networks.slug, input.networks));
    const active = await activeNetworksOf(db, [organizationId]);
    const allowed = rows.filter((n) => active.has(n.id) || n.secretariat === organizationId);
    if (rows.length < input.networks.length || allowed.length < rows.length) errors.networks = ["i18n:exchange.validation.network"];
    networkIds = allowed.map((n) => n.id);
  }
  if (input.visibility === "networks" && input.networks.length === 0) errors.networks = ["i18n:exchange.validation.networkRequired"];
  let practiceId: string | null = null;
  if (input.practice) {
    const [practice] = await db
      .select({ id: practices.id })
      .from(practices)
      .where(and(eq(practices.slug, input.practice), eq(practices.organizationId, organizationId), isNotNull(practices.publishedVersionId), isNull(practices.hiddenAt)));
    if (!practice) errors.practice = ["i18n:exchange.validation.practice"];
    else practiceId = practice.id;
  }
  const contactUserId = input.contact ?? defaultContact;
  const [member] = await db
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, contactUserId)));
  if (!member) errors.contact = ["i18n:exchange.validation.contact"];
  if (input.availableFrom && input.availableUntil && input.availableUntil < input.availableFrom) errors.availableUntil = ["i18n:exchange.validation.window"];
  const expiresOn = input.expiresOn ?? addMonths(today, 6);
  if (expiresOn < today || expiresOn > addMonths(today, 24)) errors.expiresOn = ["i18n:exchange.validation.expiresOn"];
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return {
    originalLanguage,
    texts,
    themeIds: input.themeIds,
    sdgGoals: input.sdgGoals,
    modalities: input.modalities,
    languages: input.languages.length > 0 ? input.languages : [originalLanguage],
    availableFrom: input.availableFrom,
    availableUntil: input.availableUntil,
    visibility: input.visibility,
    practiceId,
    contactUserId,
    expiresOn,
    networkIds,
  };
}

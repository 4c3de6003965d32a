// A version's content: built from what an author sends (fields left out stay as they were),
// its references checked against the database (themes, axes, SDG targets, partners, files), and
// its completeness checked before it goes to the moderators. Field errors name the field as the
// API sends it ("texts.pt.summary", "themeIds").
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../platform/db/client.ts";
import { invalid, type FieldErrors } from "../../platform/errors.ts";
import { isLocale, type Locale, locales } from "../../platform/i18n/locales.ts";
import { organizations } from "../organizations/schema.ts";
import { sdgTargets, themes } from "../themes/schema.ts";
import type { practiceFields } from "./inputs.ts";
import { type PracticeContent, practiceAxes, practiceFiles, type PracticePartner, type PracticeText, type PracticeTextField, practiceTextFields } from "./schema.ts";

type Fields = { [K in keyof typeof practiceFields]: z.output<(typeof practiceFields)[K]> };
/** What an author sends, partners resolved to organizations on Pares (resolvePartners). */
export type ContentChanges = Partial<Omit<Fields, "partners">> & { partners?: PracticePartner[] };

export function emptyContent(): PracticeContent {
  return {
    texts: {},
    themeIds: [],
    axisKeys: [],
    sdgGoals: [],
    sdgTargets: [],
    startYear: null,
    endYear: null,
    budgetAmount: null,
    budgetCurrency: null,
    populationReached: null,
    partners: [],
    contact: null,
    links: [],
    fileIds: [],
  };
}

const blankText = (): PracticeText => ({ title: "", summary: "", problem: "", solution: "", results: "", lessons: "", replication: "" });

/** The content with what the author sent applied; a language sent with every field empty is removed. */
export function mergeContent(base: PracticeContent, input: ContentChanges): PracticeContent {
  const texts = { ...base.texts };
  for (const language of locales) {
    const sent = input.texts?.[language];
    if (!sent) continue;
    const merged = { ...blankText(), ...sent };
    if (practiceTextFields.every((f) => merged[f] === "")) delete texts[language];
    else texts[language] = merged;
  }
  const contact = input.contact === undefined ? base.contact : input.contact && (input.contact.name || input.contact.email || input.contact.position) ? input.contact : null;
  return {
    texts,
    themeIds: input.themeIds ?? base.themeIds,
    axisKeys: input.axisKeys ?? base.axisKeys,
    sdgGoals: input.sdgGoals ?? base.sdgGoals,
    sdgTargets: input.sdgTargets ?? base.sdgTargets,
    startYear: input.startYear === undefined ? base.startYear : input.startYear,
    endYear: input.endYear === undefined ? base.endYear : input.endYear,
    budgetAmount: input.budgetAmount === undefined ? base.budgetAmount : input.budgetAmount,
    budgetCurrency: input.budgetCurrency === undefined ? base.budgetCurrency : input.budgetCurrency,
    populationReached: input.populationReached === undefined ? base.populationReached : input.populationReached,
    partners: input.partners ?? base.partners,
    contact,
    links: input.links ? input.links.map((l) => ({ url: l.url, label: l.label })) : base.links,
    fileIds: input.fileIds ?? base.fileIds,
  };
}

/**
 * Checks what the content refers to (themes, the network's axes, SDG targets, the practice's
 * files). Throws "invalid" naming each field in the way.
 */
export async function checkReferences(db: Database, networkId: string | null, practiceId: string | null, content: PracticeContent): Promise<PracticeContent> {
  const errors: FieldErrors = {};
  if (content.themeIds.length > 0) {
    const known = await db.select({ id: themes.id }).from(themes).where(inArray(themes.id, content.themeIds));
    if (known.length !== content.themeIds.length) errors.themeIds = ["i18n:practices.validation.theme"];
  }
  if (content.axisKeys.length > 0) {
    const known = networkId
      ? await db
          .select({ key: practiceAxes.key })
          .from(practiceAxes)
          .where(and(eq(practiceAxes.networkId, networkId), eq(practiceAxes.scope, "bank"), inArray(practiceAxes.key, content.axisKeys)))
      : [];
    if (known.length !== content.axisKeys.length) errors.axisKeys = ["i18n:practices.validation.axis"];
  }
  if (content.sdgTargets.length > 0) {
    const known = await db.select({ code: sdgTargets.code, goal: sdgTargets.goal }).from(sdgTargets).where(inArray(sdgTargets.code, content.sdgTargets));
    if (known.length !== content.sdgTargets.length) errors.sdgTargets = ["i18n:practices.validation.sdgTarget"];
  }
  if (content.startYear !== null && content.endYear !== null && content.endYear < content.startYear) errors.endYear = ["i18n:practices.validation.endBeforeStart"];
  if ((content.budgetAmount === null) !== (content.budgetCurrency === null)) {
    errors[content.budgetAmount === null ? "budgetAmount" : "budgetCurrency"] = ["i18n:practices.validation.budgetPair"];
  }
  if (content.fileIds.length > 0) {
    const files = practiceId
      ? await db
          .select({ id: practiceFiles.id })
          .from(practiceFiles)
          .where(and(eq(practiceFiles.practiceId, practiceId), inArray(practiceFiles.id, content.fileIds)))
      : [];
    if (files.length !== content.fileIds.length) errors.fileIds = ["i18n:practices.validation.file"];
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return content;
}

/** Partners as sent, those naming an organization on Pares (by slug) tied to it; an unknown slug is refused on its row. */
export async function resolvePartners(db: Database, sent: Fields["partners"]): Promise<PracticePartner[] | undefined> {
  if (!sent) return undefined;
  const slugs = sent.flatMap((p) => (p.organization ? [p.organization] : []));
  const found = slugs.length > 0 ? await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(inArray(organizations.slug, slugs)) : [];
  const bySlug = new Map(found.map((o) => [o.slug, o.id]));
  const errors: FieldErrors = {};
  const partners = sent.map((p, i) => {
    const id = p.organization ? bySlug.get(p.organization) : undefined;
    if (p.organization && !id) errors[`partners.${i}.organization`] = ["i18n:practices.validation.partnerOrganization"];
    return { name: p.name, kind: p.kind, organizationId: id ?? null };
  });
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return partners;
}

/** Fields a practice needs before the moderators see it, in its original language. */
export const requiredTextFields = ["title", "summary", "problem", "solution", "results"] as const;

/** What is missing for submission, by field; empty when the practice is complete. */
const requiredMessages: Record<(typeof requiredTextFields)[number], string> = {
  title: "i18n:practices.validation.required.title",
  summary: "i18n:practices.validation.required.summary",
  problem: "i18n:practices.validation.required.problem",
  solution: "i18n:practices.validation.required.solution",
  results: "i18n:practices.validation.required.results",
};

export function missingForSubmission(content: PracticeContent, originalLanguage: string): FieldErrors {
  const errors: FieldErrors = {};
  const language: Locale = isLocale(originalLanguage) ? originalLanguage : "es";
  const text = content.texts[language];
  for (const field of requiredTextFields) {
    if (!text?.[field]) errors[`texts.${language}.${field}`] = [requiredMessages[field]];
  }
  if (content.themeIds.length === 0 && content.axisKeys.length === 0) errors.themeIds = ["i18n:practices.validation.themeRequired"];
  if (content.startYear === null) errors.startYear = ["i18n:practices.validation.startYearRequired"];
  return errors;
}

/** The languages a version is written in, the original first. */
export function languagesOf(content: PracticeContent, originalLanguage: string): Locale[] {
  const present = locales.filter((l) => !!content.texts[l]?.title);
  return [...present.filter((l) => l === originalLanguage), ...present.filter((l) => l !== originalLanguage)];
}

/** A practice's text as a reader sees it: each field in their language when translated, else in the original. */
export interface ReaderText {
  text: PracticeText;
  /** The language of the practice as a whole (its title): the reader's when translated, else the original. */
  language: Locale;
  /** True when `language` is not the reader's. */
  fallback: boolean;
  /**
   * The language each field is shown in. A partial translation (only a title and a summary, say)
   * leaves the other fields in the original language, marked as such, rather than hiding them.
   */
  fieldLanguages: Record<PracticeTextField, Locale>;
}

export function readerText(content: PracticeContent, reader: Locale, originalLanguage: string): ReaderText {
  const original: Locale = isLocale(originalLanguage) ? originalLanguage : "es";
  const languages = languagesOf(content, original);
  const language = languages.includes(reader) ? reader : (languages[0] ?? original);
  const order = [...new Set<Locale>([language, original, ...languages, ...locales])];
  const text = { ...blankText() };
  const fieldLanguages = {} as Record<PracticeTextField, Locale>;
  for (const field of practiceTextFields) {
    const from = order.find((l) => !!content.texts[l]?.[field]?.trim()) ?? language;
    text[field] = content.texts[from]?.[field] ?? "";
    fieldLanguages[field] = from;
  }
  return { text, language, fallback: language !== reader, fieldLanguages };
}

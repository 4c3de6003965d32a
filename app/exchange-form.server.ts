// The offer-or-need form, both ways: a posted form to the use cases' input (fields named as the
// use cases name them in their errors: "texts.pt.title", "networks", "expiresOn"), an item to the
// form's values, and what the form offers (themes, SDGs, the organization's networks, practices
// and people).
import { addMonths } from "../modules/exchange/content.ts";
import type { ItemView } from "../modules/exchange/describe.ts";
import type { UpdateItemInput } from "../modules/exchange/inputs.ts";
import type { Modality, Visibility } from "../modules/exchange/schema.ts";
import { listItemChoices } from "../modules/exchange/list-item-choices.ts";
import { listSdgs } from "../modules/themes/list-sdgs.ts";
import { listThemes } from "../modules/themes/list-themes.ts";
import type { ServiceContext } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { type Locale, locales } from "../platform/i18n/locales.ts";
import type { Actor } from "../modules/organizations/actor.ts";
import { formError } from "./route-helpers.ts";

export type FormValues = Record<string, string | string[]>;

/** Fields that take several values (checkboxes). */
const listFields = ["themeIds", "sdgGoals", "modalities", "languages", "networks"] as const;

/** The posted form as values to show again (every text field, lists as lists). */
export function valuesOf(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (key === "_csrf") continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (all.length === 0) continue;
    values[key] = (listFields as readonly string[]).includes(key) ? all : all[0]!;
  }
  for (const key of listFields) values[key] ??= [];
  return values;
}

const text = (values: FormValues, key: string) => {
  const v = values[key];
  return typeof v === "string" ? v.trim() : "";
};
const list = (values: FormValues, key: string) => {
  const v = values[key];
  return Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
};
const orNull = (value: string) => (value === "" ? null : value);

/** The fields postItem and updateItem share, from the form. */
export function itemInput(values: FormValues): Omit<UpdateItemInput, "revision"> {
  const texts: Record<string, { title: string; description: string }> = {};
  for (const l of locales) {
    if (!(`texts.${l}.title` in values) && !(`texts.${l}.description` in values)) continue;
    texts[l] = { title: text(values, `texts.${l}.title`), description: typeof values[`texts.${l}.description`] === "string" ? (values[`texts.${l}.description`] as string) : "" };
  }
  return {
    originalLanguage: (text(values, "originalLanguage") || undefined) as Locale | undefined,
    texts,
    themeIds: list(values, "themeIds"),
    sdgGoals: list(values, "sdgGoals").map(Number),
    modalities: list(values, "modalities") as Modality[],
    languages: list(values, "languages") as Locale[],
    availableFrom: orNull(text(values, "availableFrom")),
    availableUntil: orNull(text(values, "availableUntil")),
    visibility: (text(values, "visibility") || undefined) as Visibility | undefined,
    // Networks count only when the item is shown to networks (the boxes stay ticked otherwise).
    networks: text(values, "visibility") === "platform" ? [] : list(values, "networks"),
    practice: orNull(text(values, "practice")),
    contact: orNull(text(values, "contact")),
    expiresOn: orNull(text(values, "expiresOn")),
  };
}

/** The form's values for an item being edited (an empty contact keeps the current one). */
export function valuesOfItem(item: ItemView): FormValues {
  const values: FormValues = {
    kind: item.kind,
    originalLanguage: item.originalLanguage,
    themeIds: item.themeIds,
    sdgGoals: item.sdgGoals.map(String),
    modalities: item.modalities,
    languages: item.languages,
    availableFrom: item.availableFrom ?? "",
    availableUntil: item.availableUntil ?? "",
    visibility: item.visibility,
    networks: item.networks.map((n) => n.slug),
    practice: item.practice?.slug ?? "",
    contact: "",
    expiresOn: item.expiresOn,
  };
  for (const l of locales) {
    values[`texts.${l}.title`] = item.texts[l]?.title ?? "";
    values[`texts.${l}.description`] = item.texts[l]?.description ?? "";
  }
  return values;
}

/** The values a new offer or need starts with: the page's language, the organization's networks, the author as contact, six months. */
export function newItemValues(kind: string, language: Locale, choices: Awaited<ReturnType<typeof formOptions>>, userId: string): FormValues {
  return {
    kind,
    originalLanguage: language,
    languages: [language],
    visibility: choices.networks.length > 0 ? "networks" : "platform",
    networks: choices.networks.map((n) => n.slug),
    contact: choices.contacts.some((c) => c.userId === userId) ? userId : "",
    expiresOn: addMonths(new Date().toISOString().slice(0, 10), 6),
    themeIds: [],
    sdgGoals: [],
    modalities: [],
  };
}

/** What the form offers: the taxonomy's themes, the SDGs, and the organization's networks, practices and people. */
export async function formOptions(ctx: ServiceContext, actor: Actor, organizationSlug: string | undefined, locale: Locale) {
  const [themes, sdgs, choices] = await Promise.all([listThemes(ctx, {}, locale), listSdgs(ctx, {}, locale), listItemChoices(ctx, actor, organizationSlug, locale)]);
  return {
    ...choices,
    themes: themes.map((th) => ({ id: th.id, scheme: th.scheme, name: th.name })),
    sdgs: sdgs.map((g) => ({ goal: g.goal, shortName: g.shortName })),
  };
}

/** Field errors of list items ("themeIds.2") shown on the list's fieldset ("themeIds"). */
function onFields(fields: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!fields) return fields;
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const list = listFields.find((f) => key.startsWith(`${f}.`));
    out[list ?? key] ??= message;
  }
  return out;
}

/**
 * A refusal shown on the form: messages per field and the values sent, so nothing typed is lost;
 * an edit made from an older revision says so.
 */
export function itemFormError(error: unknown, locale: Locale, values: FormValues) {
  const stale = error instanceof AppError && error.messageKey === "exchange.error.staleRevision";
  const response = formError(error, locale, { values, stale });
  response.data.errors.fields = onFields(response.data.errors.fields);
  return response;
}

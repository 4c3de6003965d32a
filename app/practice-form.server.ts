// The practice editor's form, both ways: a posted form to the use cases' input (fields named as
// the use cases name them in their errors: "texts.pt.summary", "partners.1.name"), and a
// practice to the form's values. Rows left blank (partners, links) are dropped, and the errors
// of the rows kept are given back their row on the form.
import { organizationKinds } from "../modules/organizations/schema.ts";
import type { PracticeView } from "../modules/practices/get-practice.ts";
import { listPracticeAxes } from "../modules/practices/list-practice-axes.ts";
import { practiceTextFields } from "../modules/practices/schema.ts";
import { maxPracticeFileBytes } from "../modules/practices/upload-practice-file.ts";
import { listSdgs } from "../modules/themes/list-sdgs.ts";
import { listThemes } from "../modules/themes/list-themes.ts";
import type { ServiceContext } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { type Locale, locales } from "../platform/i18n/locales.ts";
import { formError } from "./route-helpers.ts";

export type FormValues = Record<string, string | string[]>;

/** The posted form as values to show again (every text field, lists as lists). */
export function valuesOf(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (key === "_csrf") continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (all.length === 0) continue;
    values[key] = key === "themeIds" || key === "axisKeys" || key === "sdgGoals" ? all : all[0]!;
  }
  for (const key of ["themeIds", "axisKeys", "sdgGoals"]) values[key] ??= [];
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

/** "1.300", "1 300" and "1,300" as 1300: people write thousands as they are used to. */
function wholeNumber(value: string): string {
  return /^\d{1,3}([.,\s\u00a0\u202f]\d{3})+$/.test(value) ? value.replace(/[.,\s\u00a0\u202f]/g, "") : value;
}

export interface PracticeFormInput {
  input: Record<string, unknown>;
  /** Posted row → form row, for the errors of partners and links. */
  rows: { partners: number[]; links: number[] };
}

export function practiceInput(values: FormValues): PracticeFormInput {
  const texts: Record<string, Record<string, string>> = {};
  for (const l of locales) {
    if (!practiceTextFields.some((f) => `texts.${l}.${f}` in values)) continue;
    texts[l] = Object.fromEntries(practiceTextFields.map((f) => [f, typeof values[`texts.${l}.${f}`] === "string" ? (values[`texts.${l}.${f}`] as string) : ""]));
  }
  const partners: { name: string; kind: string; organization?: string }[] = [];
  const partnerRowsKept: number[] = [];
  for (let i = 0; i < 50 && `partners.${i}.name` in values; i++) {
    const name = text(values, `partners.${i}.name`);
    const organization = text(values, `partners.${i}.organization`);
    if (!name && !organization) continue;
    partners.push({ name, kind: text(values, `partners.${i}.kind`), ...(organization ? { organization } : {}) });
    partnerRowsKept.push(i);
  }
  const links: { url: string; label: string }[] = [];
  const linkRowsKept: number[] = [];
  for (let i = 0; i < 20 && `links.${i}.url` in values; i++) {
    const url = text(values, `links.${i}.url`);
    const label = text(values, `links.${i}.label`);
    if (!url && !label) continue;
    links.push({ url, label });
    linkRowsKept.push(i);
  }
  const input: Record<string, unknown> = {
    originalLanguage: text(values, "originalLanguage") || undefined,
    texts,
    themeIds: list(values, "themeIds"),
    sdgGoals: list(values, "sdgGoals"),
    sdgTargets: text(values, "sdgTargets")
      .split(/[\s,;]+/)
      .filter(Boolean),
    startYear: orNull(text(values, "startYear")),
    endYear: orNull(text(values, "endYear")),
    budgetAmount: orNull(text(values, "budgetAmount").replace(/\s/g, "")),
    budgetCurrency: orNull(text(values, "budgetCurrency")),
    populationReached: orNull(wholeNumber(text(values, "populationReached"))),
    partners,
    contact: { name: text(values, "contact.name"), position: text(values, "contact.position"), email: text(values, "contact.email") },
    links,
  };
  // The network's axes are on the form only when it has some.
  if ("axesShown" in values) input.axisKeys = list(values, "axisKeys");
  return { input, rows: { partners: partnerRowsKept, links: linkRowsKept } };
}

/** Field errors of kept rows named by their row on the form ("partners.0.name" → "partners.2.name"). */
export function errorsOnRows(fields: Record<string, string> | undefined, rows: PracticeFormInput["rows"]): Record<string, string> | undefined {
  if (!fields) return fields;
  return Object.fromEntries(
    Object.entries(fields).map(([key, message]) => {
      const match = /^(partners|links)\.(\d+)(\..*)?$/.exec(key);
      if (!match) return [key, message];
      const row = rows[match[1] as "partners" | "links"][Number(match[2])];
      return [`${match[1]}.${row ?? match[2]}${match[3] ?? ".name"}`.replace(/^links\.(\d+)\.name$/, "links.$1.url"), message];
    }),
  );
}

/** The form's values for a practice being edited. */
export function valuesOfPractice(p: PracticeView): FormValues {
  const values: FormValues = {
    originalLanguage: p.originalLanguage,
    themeIds: p.themes.map((t) => t.id),
    axisKeys: p.axes.map((a) => a.key),
    sdgGoals: p.sdgGoals.map((g) => String(g.goal)),
    sdgTargets: p.sdgTargets.map((s) => s.code).join(", "),
    startYear: p.startYear?.toString() ?? "",
    endYear: p.endYear?.toString() ?? "",
    budgetAmount: p.budget?.amount ?? "",
    budgetCurrency: p.budget?.currency ?? "",
    populationReached: p.populationReached?.toString() ?? "",
    "contact.name": p.contact?.name ?? "",
    "contact.position": p.contact?.position ?? "",
    "contact.email": p.contact?.email ?? "",
  };
  for (const l of locales) for (const f of practiceTextFields) values[`texts.${l}.${f}`] = p.texts?.[l]?.[f] ?? "";
  p.partners.forEach((partner, i) => {
    values[`partners.${i}.name`] = partner.name;
    values[`partners.${i}.kind`] = partner.kind;
    values[`partners.${i}.organization`] = partner.organizationSlug ?? "";
  });
  p.links.forEach((link, i) => {
    values[`links.${i}.url`] = link.url;
    values[`links.${i}.label`] = link.label;
  });
  return values;
}

/** What the editor offers: the taxonomy's themes, the network's axes, the SDGs, partner kinds. */
export async function editorOptions(ctx: ServiceContext, networkSlug: string | null, locale: Locale) {
  const [themes, sdgs, axes] = await Promise.all([
    listThemes(ctx, {}, locale),
    listSdgs(ctx, {}, locale),
    networkSlug ? listPracticeAxes(ctx, networkSlug, locale) : Promise.resolve([]),
  ]);
  return {
    themes: themes.map((th) => ({ id: th.id, scheme: th.scheme, name: th.name })),
    sdgs: sdgs.map((g) => ({ goal: g.goal, shortName: g.shortName })),
    axes: axes.map((a) => ({ key: a.key, name: a.name })),
    partnerKinds: organizationKinds,
    maxFileMb: maxPracticeFileBytes / 1024 / 1024,
  };
}

/**
 * A refusal shown on the editor: messages per field (rows named as on the form) and the values
 * sent, so nothing typed is lost; an edit made from an older revision says what to do.
 */
export function editorError(error: unknown, locale: Locale, values: FormValues, rows: PracticeFormInput["rows"]) {
  const response = formError(error, locale, { values, stale: error instanceof AppError && error.messageKey === "practices.error.staleRevision" });
  response.data.errors.fields = errorsOnRows(response.data.errors.fields, rows);
  return response;
}

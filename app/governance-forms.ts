// What the governance pages' actions share: a posted form with repeated fields (themes), and a
// refusal turned into what the form shows — each field's message next to it (ids prefixed by
// the form's intent, so several forms live on one page), and anything about a field the form does
// not have, such as a rule about the body itself, for the whole form, naming the field.
import { data } from "react-router";
import { localizeGovernanceError } from "../modules/governance/rules.ts";
import { AppError, httpStatusOf } from "../platform/errors.ts";
import { catalogs } from "../platform/i18n/catalogs.ts";
import type { Locale } from "../platform/i18n/locales.ts";
import { createTranslator } from "../platform/i18n/translator.ts";
import { csrfFieldName } from "../platform/http/csrf.ts";

export interface PostedForm {
  fields: Record<string, string>;
  all: (name: string) => string[];
}

export async function readForm(request: Request): Promise<PostedForm> {
  const form = await request.formData();
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (key !== csrfFieldName && typeof value === "string") fields[key] = value;
  return { fields, all: (name) => form.getAll(name).filter((v): v is string => typeof v === "string") };
}

export interface GovernanceFormErrors {
  form?: string;
  /** Keyed by field id: `${intent}-${field}`. */
  fields?: Record<string, string>;
}

export function governanceFormError(error: unknown, locale: Locale, form: { intent: string; shown: readonly string[]; values?: Record<string, string> }) {
  const localized = localizeGovernanceError(error, locale, form.shown);
  if (!(localized instanceof AppError)) throw localized;
  const t = createTranslator(locale, catalogs[locale]);
  const translate = (m: string) => (m.startsWith("i18n:") ? t(m.slice(5)) : m);
  const fields: Record<string, string> = {};
  const loose: string[] = [];
  for (const [field, messages] of Object.entries(localized.fieldErrors ?? {})) {
    const message = translate(messages[0] ?? "");
    if (form.shown.includes(field)) fields[`${form.intent}-${field}`] = message;
    else loose.push(t("validation.field", { field: t(`governance.field.${field}`), message }));
  }
  const whole = localized.code === "invalid" && localized.fieldErrors ? loose : [t(localized.messageKey), ...loose];
  const errors: GovernanceFormErrors = { form: whole.join(" ") || undefined, fields: Object.keys(fields).length ? fields : undefined };
  return data({ intent: form.intent, values: form.values ?? {}, errors }, { status: httpStatusOf[localized.code] });
}

/** The labels of the fields an error names, for the error summary. */
export function errorLabels(errors: GovernanceFormErrors | undefined, t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.keys(errors?.fields ?? {}).map((id) => [id, t(`governance.field.${id.slice(id.indexOf("-") + 1)}`)]));
}

/** "UY, 005 AR" → ["UY", "005", "AR"]. */
export function splitCodes(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

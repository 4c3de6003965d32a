// What page loaders share: the request's services and language, and domain errors turned into
// the matching HTTP responses (a resource the visitor may not see answers 404).
import { data, type RouterContextProvider } from "react-router";
import { AppError, httpStatusOf } from "../platform/errors.ts";
import { catalogs } from "../platform/i18n/catalogs.ts";
import { createTranslator } from "../platform/i18n/translator.ts";
import { csrfFieldName } from "../platform/http/csrf.ts";
import { defaultLocale, isLocale, type Locale } from "../platform/i18n/locales.ts";
import { getRequestContext } from "./context.ts";

export function services(context: Readonly<RouterContextProvider>) {
  return getRequestContext(context).services;
}

export function pageLocale(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : defaultLocale;
}

export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) {
      throw data(null, { status: 404 });
    }
    throw error;
  }
}

/** The query string as an object, empty values dropped (an empty filter means no filter). */
export function queryOf(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries([...params].filter(([, v]) => v.trim() !== ""));
}

/** A posted form as a plain object of its text fields (the CSRF field left out). */
export async function formFields(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (key !== csrfFieldName && typeof value === "string") fields[key] = value;
  return fields;
}

/**
 * Turns a domain error from an action into what the form shows (messages in the page's
 * language, per field or for the whole form) with the matching status; rethrows anything else.
 */
export function formError<Extra extends object = object>(error: unknown, locale: Locale, extra?: Extra) {
  if (!(error instanceof AppError)) throw error;
  const t = createTranslator(locale, catalogs[locale]);
  const translate = (m: string) => (m.startsWith("i18n:") ? t(m.slice(5)) : m);
  const fields = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, translate(messages[0] ?? "")]))
    : undefined;
  const form = error.code === "invalid" && fields ? undefined : t(error.messageKey);
  return data({ ...(extra as Extra), errors: { form, fields } }, { status: httpStatusOf[error.code] });
}

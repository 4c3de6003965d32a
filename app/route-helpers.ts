// What page loaders share: the request's services and language, and domain errors turned into
// the matching HTTP responses (a resource the visitor may not see answers 404).
import { data, type RouterContextProvider } from "react-router";
import { AppError } from "../platform/errors.ts";
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

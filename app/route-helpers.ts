// What page loaders share: the request's services and language, and domain errors turned into
// the matching HTTP responses (a resource the visitor may not see answers 404).
import { data, redirect, type RouterContextProvider } from "react-router";
import { type CurrentUser, getCurrentUser } from "../modules/accounts/get-current-user.ts";
import { type Actor, anonymousActor, loadActor } from "../modules/organizations/actor.ts";
import { AppError, httpStatusOf } from "../platform/errors.ts";
import { catalogs } from "../platform/i18n/catalogs.ts";
import { createTranslator } from "../platform/i18n/translator.ts";
import { csrfFieldName } from "../platform/http/csrf.ts";
import { translateFieldMessage } from "../platform/http/problem.ts";
import { defaultLocale, isLocale, type Locale } from "../platform/i18n/locales.ts";
import { getRequestContext } from "./context.ts";

export function services(context: Readonly<RouterContextProvider>) {
  return getRequestContext(context).services;
}

const users = new WeakMap<object, Promise<CurrentUser | null>>();
const actors = new WeakMap<object, Promise<Actor>>();

/** The person signed in on this request, if any (looked up once per request). */
export function currentUserOf(context: Readonly<RouterContextProvider>, request: Request): Promise<CurrentUser | null> {
  const requestContext = getRequestContext(context);
  let user = users.get(requestContext);
  if (!user) {
    user = getCurrentUser(requestContext.services, request.headers);
    users.set(requestContext, user);
  }
  return user;
}

/** Who is making this request, with their memberships and roles (loaded once per request). */
export function actorOf(context: Readonly<RouterContextProvider>, request: Request): Promise<Actor> {
  const requestContext = getRequestContext(context);
  let actor = actors.get(requestContext);
  if (!actor) {
    actor = (async () => {
      const user = await currentUserOf(context, request);
      const loaded = user ? await loadActor(requestContext.services, user.id) : null;
      return { ...(loaded ?? anonymousActor), ipAddress: request.headers.get("x-pares-client-ip") };
    })();
    actors.set(requestContext, actor);
  }
  return actor;
}

/** The sign-in page, coming back here afterwards. */
export function signInRedirect(request: Request, locale: Locale): Response {
  const url = new URL(request.url);
  return redirect(`/${locale}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** The signed-in actor, or a redirect to sign in. */
export async function requireActor(
  context: Readonly<RouterContextProvider>,
  request: Request,
  params: { lang?: string },
): Promise<Actor & { userId: string }> {
  const actor = await actorOf(context, request);
  if (actor.userId === null) throw signInRedirect(request, pageLocale(params));
  return actor as Actor & { userId: string };
}

/**
 * Runs a loader's use case, turning refusals into pages: not signed in → sign in; hidden →
 * 404; refused → 403.
 */
export async function orPageError<T>(work: Promise<T>, request: Request, params: { lang?: string }): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "unauthorized") throw signInRedirect(request, pageLocale(params));
      if (error.code === "not_found") throw data(null, { status: 404 });
      if (error.code === "forbidden") throw data(null, { status: 403 });
      if (error.code === "invalid") throw data(null, { status: 400 });
    }
    throw error;
  }
}

export function pageLocale(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : defaultLocale;
}

/** The person signed in on this request; anyone else is sent to sign in, coming back here afterwards. */
export async function requireUser(context: Readonly<RouterContextProvider>, request: Request, params: { lang?: string }): Promise<CurrentUser> {
  const user = await currentUserOf(context, request);
  if (!user) throw signInRedirect(request, pageLocale(params));
  return user;
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
  const translate = (m: string) => translateFieldMessage(t, m);
  const fields = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, translate(messages[0] ?? "")]))
    : undefined;
  const form = error.code === "invalid" && fields ? undefined : t(error.messageKey);
  return data({ ...(extra as Extra), errors: { form, fields } }, { status: httpStatusOf[error.code] });
}

/**
 * Where to go after signing in: a path of this site in the page's language (never another
 * site: "//evil.example" and absolute URLs are ignored), else the account page.
 */
export function safeNext(next: string | null | undefined, locale: Locale): string {
  if (next && next.startsWith(`/${locale}/`) && !next.startsWith("//") && !next.includes("\\") && !/[\r\n]/.test(next)) return next;
  return `/${locale}/account`;
}

// The few pages the server answers itself, outside React Router (a refused form post).
import type { Context } from "hono";
import { catalogs } from "../platform/i18n/catalogs.ts";
import { isLocale, type Locale } from "../platform/i18n/locales.ts";
import { localeCookieName, negotiateLocale, readCookie } from "../platform/i18n/negotiate.ts";
import { createTranslator } from "../platform/i18n/translator.ts";

export function requestLocale(c: Context): Locale {
  const first = new URL(c.req.url).pathname.split("/")[1];
  if (isLocale(first)) return first;
  return negotiateLocale(c.req.header("accept-language"), readCookie(c.req.header("cookie"), localeCookieName));
}

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function serverPage(c: Context, kind: "forbidden" | "nulCharacter"): string {
  const locale = requestLocale(c);
  const t = createTranslator(locale, catalogs[locale]);
  const title = kind === "forbidden" ? t("error.forbidden.title") : t("error.invalid.title");
  const detail = kind === "forbidden" ? t("error.csrf.detail") : t("error.nulCharacter.detail");
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Pares</title></head><body><main><h1>${escape(title)}</h1><p>${escape(detail)}</p><p><a href="/${locale}">${escape(t("error.backHome"))}</a></p></main></body></html>`;
}

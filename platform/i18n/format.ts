// Numbers, dates and currencies through Intl, always in the reader's locale. Times that matter
// (deadlines, meetings) always name their time zone.
import type { Locale } from "./locales.ts";

const intlTag: Record<Locale, string> = { es: "es", pt: "pt-BR", en: "en" };

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlTag[locale], options).format(value);
}

export function formatCurrency(locale: Locale, value: number, currency: string): string {
  return new Intl.NumberFormat(intlTag[locale], { style: "currency", currency }).format(value);
}

/** A date and time in `timeZone`, with the zone's name shown (e.g. "15 mar 2027, 10:00 GMT-3"). */
export function formatDateTime(locale: Locale, value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag[locale], {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(value);
}

export function formatDate(locale: Locale, value: Date | string, timeZone = "UTC"): string {
  const date = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: "long", timeZone }).format(date);
}

/** The current UTC offset of a time zone, e.g. "GMT-03:00". */
export function timeZoneOffset(locale: Locale, timeZone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat(intlTag[locale], { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

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

const cardinal: Record<Locale, { n: string; s: string; e: string; w: string }> = {
  es: { n: "N", s: "S", e: "E", w: "O" },
  pt: { n: "N", s: "S", e: "L", w: "O" },
  en: { n: "N", s: "S", e: "E", w: "W" },
};

/** "34.9033° S, 56.1882° W", with the locale's decimal separator and compass letters. */
export function formatCoordinates(locale: Locale, latitude: number, longitude: number): string {
  const c = cardinal[locale];
  const degrees = (v: number) =>
    `${formatNumber(locale, Math.abs(v), { minimumFractionDigits: 4, maximumFractionDigits: 4 })}°`;
  return `${degrees(latitude)} ${latitude < 0 ? c.s : c.n}, ${degrees(longitude)} ${longitude < 0 ? c.w : c.e}`;
}

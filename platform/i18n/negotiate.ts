import { match } from "@formatjs/intl-localematcher";
import { defaultLocale, isLocale, type Locale, locales } from "./locales.ts";

export const localeCookieName = "pares_lang";

/** Language tags of an Accept-Language header, best first. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag?.trim() ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((l) => l.tag);
}

/** The UI language for a request: the saved preference, else the best match of Accept-Language. */
export function negotiateLocale(acceptLanguage: string | null | undefined, saved?: string | null): Locale {
  if (isLocale(saved)) return saved;
  const requested = parseAcceptLanguage(acceptLanguage);
  if (requested.length === 0) return defaultLocale;
  try {
    const best = match(requested, locales as unknown as string[], defaultLocale, { algorithm: "best fit" });
    return isLocale(best) ? best : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

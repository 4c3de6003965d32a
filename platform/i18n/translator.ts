import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "./locales.ts";
import type { Messages } from "./catalogs.ts";

export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;
export type Translate = (key: string, values?: MessageValues) => string;

const compiled = new Map<string, IntlMessageFormat>();

/** A translate function over one catalog; a missing key shows the key itself (and fails npm run i18n:check). */
export function createTranslator(locale: Locale, messages: Messages): Translate {
  return (key, values) => {
    const message = messages[key];
    if (message === undefined) return key;
    const cacheKey = `${locale}\u0000${key}\u0000${message}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(message, locale);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values as Record<string, string | number | Date>));
  };
}

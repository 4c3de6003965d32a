// The UI language for components: translate, and format numbers and dates in the reader's locale.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { Messages } from "../platform/i18n/catalogs.ts";
import type { Locale } from "../platform/i18n/locales.ts";
import { createTranslator, type Translate } from "../platform/i18n/translator.ts";
import { formatDateTime, formatNumber } from "../platform/i18n/format.ts";

interface I18n {
  locale: Locale;
  t: Translate;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** A date and time in the reader's time zone (the one in their profile, else UTC), zone shown. */
  dateTime: (value: Date | string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, messages, timeZone = "UTC", children }: { locale: Locale; messages: Messages; timeZone?: string; children: ReactNode }) {
  const value = useMemo(
    () => ({
      locale,
      t: createTranslator(locale, messages),
      number: (v: number, o?: Intl.NumberFormatOptions) => formatNumber(locale, v, o),
      dateTime: (v: Date | string) => formatDateTime(locale, typeof v === "string" ? new Date(v) : v, timeZone),
    }),
    [locale, messages, timeZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

// The UI message catalogs (ICU MessageFormat, flat JSON). Each language has one file per area
// (messages.json for the platform and older modules; a module may own its own file), merged here;
// scripts/i18n-check.ts refuses a key defined in two files.
import en from "../../locales/en/messages.json" with { type: "json" };
import enPractices from "../../locales/en/practices.json" with { type: "json" };
import enStorage from "../../locales/en/storage.json" with { type: "json" };
import enBooklet from "../../locales/en/booklet.json" with { type: "json" };
import enPracticePages from "../../locales/en/practices-pages.json" with { type: "json" };
import enExchange from "../../locales/en/exchange.json" with { type: "json" };
import enNotifications from "../../locales/en/notifications.json" with { type: "json" };
import enExchangePages from "../../locales/en/exchange-pages.json" with { type: "json" };
import enNotificationsPages from "../../locales/en/notifications-pages.json" with { type: "json" };
import enCalls from "../../locales/en/calls.json" with { type: "json" };
import enCallsPages from "../../locales/en/calls-pages.json" with { type: "json" };
import es from "../../locales/es/messages.json" with { type: "json" };
import esPractices from "../../locales/es/practices.json" with { type: "json" };
import esStorage from "../../locales/es/storage.json" with { type: "json" };
import esBooklet from "../../locales/es/booklet.json" with { type: "json" };
import esPracticePages from "../../locales/es/practices-pages.json" with { type: "json" };
import esExchange from "../../locales/es/exchange.json" with { type: "json" };
import esNotifications from "../../locales/es/notifications.json" with { type: "json" };
import esExchangePages from "../../locales/es/exchange-pages.json" with { type: "json" };
import esNotificationsPages from "../../locales/es/notifications-pages.json" with { type: "json" };
import esCalls from "../../locales/es/calls.json" with { type: "json" };
import esCallsPages from "../../locales/es/calls-pages.json" with { type: "json" };
import pt from "../../locales/pt/messages.json" with { type: "json" };
import ptPractices from "../../locales/pt/practices.json" with { type: "json" };
import ptStorage from "../../locales/pt/storage.json" with { type: "json" };
import ptBooklet from "../../locales/pt/booklet.json" with { type: "json" };
import ptPracticePages from "../../locales/pt/practices-pages.json" with { type: "json" };
import ptExchange from "../../locales/pt/exchange.json" with { type: "json" };
import ptNotifications from "../../locales/pt/notifications.json" with { type: "json" };
import ptExchangePages from "../../locales/pt/exchange-pages.json" with { type: "json" };
import ptNotificationsPages from "../../locales/pt/notifications-pages.json" with { type: "json" };
import ptCalls from "../../locales/pt/calls.json" with { type: "json" };
import ptCallsPages from "../../locales/pt/calls-pages.json" with { type: "json" };
import type { Locale } from "./locales.ts";

export type Messages = Record<string, string>;
export type MessageKey = keyof typeof es;

export const catalogs: Record<Locale, Messages> = {
  es: { ...es, ...esPractices, ...esStorage, ...esBooklet, ...esPracticePages, ...esExchange, ...esNotifications, ...esExchangePages, ...esNotificationsPages, ...esCalls, ...esCallsPages },
  pt: { ...pt, ...ptPractices, ...ptStorage, ...ptBooklet, ...ptPracticePages, ...ptExchange, ...ptNotifications, ...ptExchangePages, ...ptNotificationsPages, ...ptCalls, ...ptCallsPages },
  en: { ...en, ...enPractices, ...enStorage, ...enBooklet, ...enPracticePages, ...enExchange, ...enNotifications, ...enExchangePages, ...enNotificationsPages, ...enCalls, ...enCallsPages },
};

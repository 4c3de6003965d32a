// The UI message catalogs (ICU MessageFormat, one flat JSON file per language).
import en from "../../locales/en/messages.json" with { type: "json" };
import es from "../../locales/es/messages.json" with { type: "json" };
import pt from "../../locales/pt/messages.json" with { type: "json" };
import type { Locale } from "./locales.ts";

export type Messages = Record<string, string>;
export type MessageKey = keyof typeof es;

export const catalogs: Record<Locale, Messages> = { es, pt, en };

// Localized messages for Zod validation issues: our own catalog keys ("i18n:…") where a schema
// gives one, else Zod's own locale for the language.
import { z } from "zod";
import type { Locale } from "../i18n/locales.ts";
import type { Translate } from "../i18n/translator.ts";
import type { FieldMessage } from "./problem.ts";

const zodLocales = { es: z.locales.es, pt: z.locales.pt, en: z.locales.en };

export function fieldMessages(error: z.ZodError, locale: Locale, t: Translate): FieldMessage[] {
  const { localeError } = zodLocales[locale]();
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "body";
    if (issue.message.startsWith("i18n:")) return { field, message: t(issue.message.slice(5)) };
    const localized = localeError(issue as unknown as Parameters<typeof localeError>[0]);
    const message = typeof localized === "string" ? localized : (localized?.message ?? issue.message);
    return { field, message };
  });
}

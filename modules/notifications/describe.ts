// What a notification says, in the reader's language: one line for the inbox and the digests,
// and the subject and body of its own e-mail. Titles travel per language in the event's data and
// are shown in the reader's language when written in it, else in the original.
import { localizedText } from "../../platform/i18n/content.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import type { Translate } from "../../platform/i18n/translator.ts";

export interface EventData {
  path: string;
  titles?: Translated;
  originalLanguage?: string;
  otherTitles?: Translated;
  otherOriginalLanguage?: string;
  organization?: string;
  itemKind?: string;
  decision?: string;
  date?: string;
  excerpt?: string;
  [key: string]: unknown;
}

export function notificationValues(t: Translate, locale: Locale, data: EventData): Record<string, string> {
  return {
    title: data.titles ? localizedText(data.titles, locale, data.originalLanguage) : "",
    other: data.otherTitles ? localizedText(data.otherTitles, locale, data.otherOriginalLanguage) : "",
    organization: data.organization ?? "",
    itemKind: data.itemKind ? t(`notifications.itemKind.${data.itemKind}`) : "",
    decision: data.decision ?? "",
    date: data.date ? formatDate(locale, data.date) : "",
    excerpt: data.excerpt ?? "",
  };
}

/** The inbox's line for a notification. */
export function notificationLine(t: Translate, locale: Locale, kind: string, data: EventData): string {
  return t(`notifications.line.${kind}`, notificationValues(t, locale, data));
}

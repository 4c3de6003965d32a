// IANA time zones as the runtime knows them (Intl.supportedValuesOf), plus UTC: for choosing one
// in a form and validating the choice.
import { timeZoneOffset } from "./format.ts";
import type { Locale } from "./locales.ts";

export const utc = "UTC";

const known = new Set<string>([utc, ...Intl.supportedValuesOf("timeZone")]);

export function isTimeZone(value: unknown): value is string {
  return typeof value === "string" && known.has(value);
}

export interface TimeZoneGroup {
  /** The first part of the zones' names, lower case ("america", "europe"…), for a localized heading. */
  region: string;
  zones: { id: string; label: string }[];
}

/**
 * The zones grouped by region and sorted by place, each labelled with its place and its offset
 * now ("Sao Paulo (GMT-03:00)"). Computed on the server: browsers' zone lists differ.
 */
export function timeZoneGroups(locale: Locale, at = new Date()): TimeZoneGroup[] {
  const collator = new Intl.Collator(locale);
  const groups = new Map<string, TimeZoneGroup["zones"]>();
  for (const id of known) {
    if (id === utc) continue;
    const [region, ...place] = id.split("/");
    const zones = groups.get(region!) ?? [];
    zones.push({ id, label: `${place.join(" / ").replaceAll("_", " ")} (${timeZoneOffset(locale, id, at)})` });
    groups.set(region!, zones);
  }
  return [...groups]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([region, zones]) => ({ region: region.toLowerCase(), zones: zones.sort((a, b) => collator.compare(a.label, b.label)) }));
}

// Names a reader sees for what a practice refers to, in their language: themes, axes, SDGs,
// the place, the network and the organization. Shared by the practice page, search results,
// feeds, exports and booklets.
import { inArray, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { sdgGoals, sdgTargets, themes } from "../themes/schema.ts";

export interface Named {
  id: string;
  name: string;
}

export async function themeNames(db: Database, ids: string[], locale: Locale): Promise<Named[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: themes.id, name: themes.name }).from(themes).where(inArray(themes.id, ids));
  const byId = new Map(rows.map((r) => [r.id, localizedText(r.name, locale)]));
  return ids.flatMap((id) => (byId.has(id) ? [{ id, name: byId.get(id)! }] : []));
}

export async function sdgGoalNames(db: Database, goals: number[], locale: Locale): Promise<{ goal: number; name: string }[]> {
  if (goals.length === 0) return [];
  const rows = await db.select({ goal: sdgGoals.goal, name: sdgGoals.shortName }).from(sdgGoals).where(inArray(sdgGoals.goal, goals));
  return rows.map((r) => ({ goal: r.goal, name: localizedText(r.name, locale) })).sort((a, b) => a.goal - b.goal);
}

export async function sdgTargetTitles(db: Database, codes: string[], locale: Locale): Promise<{ code: string; title: string }[]> {
  if (codes.length === 0) return [];
  const rows = await db.select({ code: sdgTargets.code, title: sdgTargets.title }).from(sdgTargets).where(inArray(sdgTargets.code, codes));
  return rows.map((r) => ({ code: r.code, title: localizedText(r.title, locale) })).sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
}

export interface Place {
  city: { id: number; name: string } | null;
  country: { code: string; name: string } | null;
}

/** The city and country in the reader's language. */
export async function placeOf(db: Database, cityId: number | null, countryCode: string | null, locale: Locale): Promise<Place> {
  const [row] = await queryRows<{ city_name: string | null; city_names: Translated | null; country_name: Translated | null }>(
    db,
    sql`select ci.name as city_name, ci.names as city_names, co.name as country_name
        from (select 1) one
        left join cities ci on ci.id = ${cityId}
        left join countries co on co.code = ${countryCode}`,
  );
  return {
    city: cityId && row?.city_name ? { id: cityId, name: row.city_names?.[locale] ?? row.city_name } : null,
    country: countryCode && row?.country_name ? { code: countryCode, name: localizedText(row.country_name, locale) } : null,
  };
}

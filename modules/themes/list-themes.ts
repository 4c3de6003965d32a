import { asc, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { listThemesInput } from "./inputs.ts";
import { themeSdgs, themes, type ThemeScheme } from "./schema.ts";

export interface Theme {
  id: string;
  scheme: ThemeScheme;
  name: string;
  sdgs: number[];
}

export async function listThemes(ctx: ServiceContext, raw: unknown, locale: Locale): Promise<Theme[]> {
  const input = listThemesInput.parse(raw ?? {});
  const rows = await ctx.db
    .select()
    .from(themes)
    .where(input.scheme ? eq(themes.scheme, input.scheme) : undefined)
    .orderBy(asc(themes.scheme), asc(themes.position));
  const links = rows.length
    ? await ctx.db.select().from(themeSdgs).where(inArray(themeSdgs.themeId, rows.map((r) => r.id)))
    : [];
  const list = rows.map((r) => ({
    id: r.id,
    scheme: r.scheme,
    name: localizedText(r.name, locale, "en"),
    sdgs: links.filter((l) => l.themeId === r.id).map((l) => l.goal).sort((a, b) => a - b),
  }));
  return input.sdg ? list.filter((t) => t.sdgs.includes(input.sdg!)) : list;
}

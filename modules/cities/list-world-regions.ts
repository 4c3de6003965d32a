import { asc } from "drizzle-orm";
import { ttlCache } from "../../platform/cache.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { worldRegions } from "./schema.ts";

export interface WorldRegion {
  code: string;
  level: "region" | "subregion" | "intermediate";
  parentCode: string | null;
  name: string;
}

const cache = ttlCache<WorldRegion[]>(60_000);

/** UN M49 regions as a tree in reading order: each region followed by its sub-regions. */
export function listWorldRegions(ctx: ServiceContext, locale: Locale): Promise<WorldRegion[]> {
  return cache.get(ctx.db, locale, () => loadWorldRegions(ctx, locale));
}

async function loadWorldRegions(ctx: ServiceContext, locale: Locale): Promise<WorldRegion[]> {
  const rows = await ctx.db.select().from(worldRegions).orderBy(asc(worldRegions.code));
  const regions = rows.map((r) => ({
    code: r.code,
    level: r.level,
    parentCode: r.parentCode,
    name: localizedText(r.name, locale, "en"),
  }));
  const collator = new Intl.Collator(locale);
  const ordered: WorldRegion[] = [];
  const visit = (parent: string | null) => {
    for (const r of regions.filter((x) => x.parentCode === parent).sort((a, b) => collator.compare(a.name, b.name))) {
      ordered.push(r);
      visit(r.code);
    }
  };
  visit(null);
  return ordered;
}

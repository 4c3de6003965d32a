import { asc } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { listSdgsInput } from "./inputs.ts";
import { sdgGoals, sdgTargets } from "./schema.ts";

export interface Sdg {
  goal: number;
  shortName: string;
  title: string;
  targets?: { code: string; title: string }[];
}

export async function listSdgs(ctx: ServiceContext, raw: unknown, locale: Locale): Promise<Sdg[]> {
  const input = listSdgsInput.parse(raw ?? {});
  const withTargets = input.targets === "true";
  const goals = await ctx.db.select().from(sdgGoals).orderBy(asc(sdgGoals.goal));
  const targets = withTargets ? await ctx.db.select().from(sdgTargets).orderBy(asc(sdgTargets.position)) : [];
  return goals.map((g) => ({
    goal: g.goal,
    shortName: localizedText(g.shortName, locale, "en"),
    title: localizedText(g.title, locale, "en"),
    ...(withTargets && {
      targets: targets
        .filter((t) => t.goal === g.goal)
        .map((t) => ({ code: t.code, title: localizedText(t.title, locale, "en") })),
    }),
  }));
}

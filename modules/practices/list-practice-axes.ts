import { and, asc, eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import { type AxisScope, practiceAxes } from "./schema.ts";

export interface Axis {
  key: string;
  name: string;
  names: Translated;
  themeIds: string[];
  position: number;
}

/** A network's own axes (of its bank, or of its observatory), in order; public. */
export async function listPracticeAxes(ctx: ServiceContext, networkSlug: string, locale: Locale, scope: AxisScope = "bank"): Promise<Axis[]> {
  const network = await findNetwork(ctx.db, networkSlug);
  const rows = await ctx.db
    .select()
    .from(practiceAxes)
    .where(and(eq(practiceAxes.networkId, network.id), eq(practiceAxes.scope, scope)))
    .orderBy(asc(practiceAxes.position), asc(practiceAxes.key));
  return rows.map((r) => ({ key: r.key, name: localizedText(r.names, locale), names: r.names, themeIds: r.themeIds, position: r.position }));
}

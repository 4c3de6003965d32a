import { eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { type Axis, listPracticeAxes } from "./list-practice-axes.ts";
import { bankPolicy } from "./policy.ts";
import { practiceObservatories } from "./schema.ts";

export interface ObservatoryView {
  network: { slug: string; name: string };
  name: string;
  names: Translated;
  description: string;
  descriptions: Translated;
  partner: { slug: string; name: string } | null;
  axes: Axis[];
  /** Published city–university practices of the network. */
  practices: number;
  viewer: { canManage: boolean };
}

/** A network's city–university observatory: what it is, who runs it with the network, its axes, how many practices. */
export async function getObservatory(ctx: ServiceContext, actor: Actor, networkSlug: string, locale: Locale): Promise<ObservatoryView> {
  const network = await findNetwork(ctx.db, networkSlug);
  const [row] = await ctx.db
    .select({ observatory: practiceObservatories, partnerSlug: organizations.slug, partnerName: organizations.name })
    .from(practiceObservatories)
    .leftJoin(organizations, eq(organizations.id, practiceObservatories.partnerOrganizationId))
    .where(eq(practiceObservatories.networkId, network.id));
  if (!row) throw notFound("practices.error.noObservatory");
  const [count] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from practice_search where network_id = ${network.id} and observatory`);
  return {
    network: { slug: network.slug, name: network.names[locale] ?? network.name },
    name: localizedText(row.observatory.names, locale),
    names: row.observatory.names,
    description: localizedText(row.observatory.description, locale),
    descriptions: row.observatory.description,
    partner: row.partnerSlug ? { slug: row.partnerSlug, name: row.partnerName! } : null,
    axes: await listPracticeAxes(ctx, networkSlug, locale, "observatory"),
    practices: count?.n ?? 0,
    viewer: { canManage: bankPolicy.manage(actor, { networkId: network.id, hosted: network.hosted }) },
  };
}

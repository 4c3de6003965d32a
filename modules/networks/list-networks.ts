import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localize, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";

export interface NetworkSummary {
  slug: string;
  name: string;
  kind: "regional" | "global" | "thematic";
  foundedOn: string | null;
  description: LocalizedText | undefined;
  spaceCount: number;
  foundingCityCount: number;
}

export async function listNetworks(ctx: ServiceContext, locale: Locale): Promise<NetworkSummary[]> {
  const rows = await queryRows<{
    slug: string;
    name: string;
    kind: NetworkSummary["kind"];
    founded_on: string | null;
    description: Translated;
    description_language: string;
    space_count: string | number;
    founding_city_count: string | number;
  }>(ctx.db, sql`
    select n.slug, n.name, n.kind, n.founded_on::text as founded_on, n.description, n.description_language,
           (select count(*) from network_bodies s where s.network_id = n.id and s.kind in ('thematic_unit', 'working_group', 'commission')) as space_count,
           (select count(*) from network_memberships c where c.network_id = n.id and c.founding) as founding_city_count
    from networks n order by n.name`);
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    foundedOn: r.founded_on,
    description: localize(r.description, locale, r.description_language),
    spaceCount: Number(r.space_count),
    foundingCityCount: Number(r.founding_city_count),
  }));
}

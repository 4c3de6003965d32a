import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { localize, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Page } from "../cities/search-cities.ts";
import { listNetworksInput, type ListNetworksInput } from "./inputs.ts";
import { type NetworkKind, networkMemberships, networks } from "./schema.ts";

export interface NetworkSummary {
  slug: string;
  /** The name in the reader's language where the network has one, else its own. */
  name: string;
  acronym: string | null;
  kind: NetworkKind;
  hosted: boolean;
  foundedOn: string | null;
  description: LocalizedText | undefined;
  /** Members whose membership is active. */
  memberCount: number;
  foundingMemberCount: number;
  /** Thematic units, working groups and commissions. */
  spaceCount: number;
  /** When the logo last changed (for its URL), or null without one. */
  logoVersion: string | null;
}

/**
 * The directory of networks, hosted here and recorded by their members: by part of the name or
 * acronym (accents and case ignored), kind, hosted or external; hosted first, then by name.
 */
export async function listNetworks(ctx: ServiceContext, raw: ListNetworksInput, locale: Locale): Promise<Page<NetworkSummary>> {
  const parsed = listNetworksInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const filters: SQL[] = [];
  if (input.kind) filters.push(eq(networks.kind, input.kind));
  if (input.hosted) filters.push(eq(networks.hosted, input.hosted === "yes"));
  const q = input.q?.trim();
  if (q) {
    const folded = sql`'%' || public.pares_normalize(${q}) || '%'`;
    filters.push(sql`(${networks.nameNorm} like ${folded}
      or exists (select 1 from jsonb_each_text(${networks.names}) n where public.pares_normalize(n.value) like ${folded})
      or exists (select 1 from jsonb_each_text(${networks.acronyms}) a where public.pares_normalize(a.value) like ${folded}))`);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [total] = await ctx.db.select({ n: count() }).from(networks).where(where);
  const rows = await ctx.db
    .select({
      slug: networks.slug,
      name: networks.name,
      names: networks.names,
      acronyms: networks.acronyms,
      kind: networks.kind,
      hosted: networks.hosted,
      foundedOn: networks.foundedOn,
      description: networks.description,
      descriptionLanguage: networks.descriptionLanguage,
      logoUpdatedAt: networks.logoUpdatedAt,
      // Counted for the rows of the page only, on the (network, status) index.
      memberCount: sql<number>`(select count(*) from ${networkMemberships} m where m.network_id = ${networks}.id and m.status = 'active')`.mapWith(Number),
      foundingMemberCount: sql<number>`(select count(*) from ${networkMemberships} m where m.network_id = ${networks}.id and m.founding)`.mapWith(Number),
      spaceCount: sql<number>`(select count(*) from network_bodies b where b.network_id = ${networks}.id and b.kind in ('thematic_unit', 'working_group', 'commission'))`.mapWith(Number),
    })
    .from(networks)
    .where(where)
    .orderBy(desc(networks.hosted), asc(networks.nameNorm), asc(networks.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const n = total?.n ?? 0;
  return {
    items: rows.map((r) => ({
      slug: r.slug,
      name: r.names[locale] ?? r.name,
      acronym: r.acronyms[locale] ?? Object.values(r.acronyms)[0] ?? null,
      kind: r.kind,
      hosted: r.hosted,
      foundedOn: r.foundedOn,
      description: localize(r.description, locale, r.descriptionLanguage),
      memberCount: r.memberCount,
      foundingMemberCount: r.foundingMemberCount,
      spaceCount: r.spaceCount,
      logoVersion: r.logoUpdatedAt ? String(r.logoUpdatedAt.getTime()) : null,
    })),
    total: n,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.ceil(n / input.pageSize),
  };
}

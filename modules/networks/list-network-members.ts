import { and, asc, count, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { cities, countries } from "../cities/schema.ts";
import type { Page } from "../cities/search-cities.ts";
import type { Actor } from "../organizations/actor.ts";
import { type OrganizationKind, organizations } from "../organizations/schema.ts";
import type { NetworkRow } from "./find-network.ts";
import { findNetwork } from "./find-network.ts";
import { listNetworkMembersInput, type ListNetworkMembersInput } from "./inputs.ts";
import { networkPolicy } from "./policy.ts";
import { type MembershipStatus, networkCategories, networkMemberships, populationBandRange } from "./schema.ts";

export interface NetworkMember {
  /** Only for the secretariat and the organization's own members (others cannot open it). */
  membershipId: string | null;
  organization: { slug: string; name: string; kind: OrganizationKind };
  city: { id: number; name: string; population: number } | null;
  countryCode: string;
  countryName: string;
  status: MembershipStatus;
  category: { key: string; name: string } | null;
  since: string | null;
  founding: boolean;
  /** A pending application, for the secretariat only: the day it was made and the applicant's message. */
  application: { appliedOn: string; message: string | null } | null;
}

export interface NetworkMemberPage extends Page<NetworkMember> {
  /** Whether the list may hold every status (the secretariat); everyone else sees active members only. */
  allStatuses: boolean;
}

type Filters = Omit<z.output<typeof listNetworkMembersInput>, "page" | "pageSize">;

/**
 * Who may see what of a network's members: the secretariat (and administrators) every status,
 * filtered by status if asked; everyone else the active members only — applicants, declined,
 * suspended, inactive and withdrawn organizations are not shown to the public or to other members.
 */
export function memberVisibility(actor: Actor, network: NetworkRow): { allStatuses: boolean } {
  return { allStatuses: networkPolicy.seeMembership(actor, network) };
}

/** The WHERE of the member directory and its export: the same filters for both. */
export function memberFilters(network: NetworkRow, filters: Filters, allStatuses: boolean): SQL {
  const where: SQL[] = [eq(networkMemberships.networkId, network.id)];
  if (!allStatuses) where.push(eq(networkMemberships.status, "active"));
  else if (filters.status) where.push(eq(networkMemberships.status, filters.status));
  if (filters.country) where.push(eq(organizations.countryCode, filters.country));
  if (filters.category) where.push(eq(networkCategories.key, filters.category));
  if (filters.population) {
    const [from, to] = populationBandRange(filters.population);
    where.push(gte(cities.population, from));
    if (to !== null) where.push(lt(cities.population, to));
  }
  const q = filters.q?.trim();
  if (q) where.push(sql`${organizations.nameNorm} like '%' || public.pares_normalize(${q}) || '%'`);
  return and(...where)!;
}

export const memberColumns = {
  membershipId: networkMemberships.id,
  organizationId: networkMemberships.organizationId,
  status: networkMemberships.status,
  since: networkMemberships.since,
  founding: networkMemberships.founding,
  message: networkMemberships.message,
  statusChangedAt: networkMemberships.statusChangedAt,
  categoryKey: networkCategories.key,
  categoryNames: networkCategories.names,
  orgSlug: organizations.slug,
  orgName: organizations.name,
  orgKind: organizations.kind,
  countryCode: organizations.countryCode,
  countryName: countries.name,
  cityId: cities.id,
  cityName: cities.name,
  cityNames: cities.names,
  population: cities.population,
};

/** The directory's rows, joined as the filters need them, in name order. */
export function memberRows(ctx: ServiceContext, where: SQL) {
  return ctx.db
    .select(memberColumns)
    .from(networkMemberships)
    .innerJoin(organizations, eq(organizations.id, networkMemberships.organizationId))
    .innerJoin(countries, eq(countries.code, organizations.countryCode))
    .leftJoin(cities, eq(cities.id, organizations.cityId))
    .leftJoin(networkCategories, eq(networkCategories.id, networkMemberships.categoryId))
    .where(where)
    .orderBy(asc(organizations.nameNorm), asc(organizations.id))
    .$dynamic();
}

type MemberRow = Awaited<ReturnType<typeof memberRows>>[number];

export function toMember(r: MemberRow, actor: Actor, allStatuses: boolean, locale: Locale): NetworkMember {
  return {
    membershipId: allStatuses || actor.memberships.has(r.organizationId) ? r.membershipId : null,
    organization: { slug: r.orgSlug, name: r.orgName, kind: r.orgKind },
    city: r.cityId !== null ? { id: r.cityId, name: localizedText(r.cityNames ?? {}, locale) || r.cityName!, population: r.population! } : null,
    countryCode: r.countryCode,
    countryName: localizedText(r.countryName, locale, "en"),
    status: r.status,
    category: r.categoryKey ? { key: r.categoryKey, name: localizedText(r.categoryNames ?? {}, locale, "en") } : null,
    since: r.since,
    founding: r.founding,
    application:
      allStatuses && r.status === "applicant" ? { appliedOn: r.statusChangedAt.toISOString().slice(0, 10), message: r.message } : null,
  };
}

/**
 * A network's member directory: by part of the member's name (accents and case ignored),
 * country, category and population band of the member's city; the secretariat also by status.
 */
export async function listNetworkMembers(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  raw: ListNetworkMembersInput,
  locale: Locale,
): Promise<NetworkMemberPage> {
  const network = await findNetwork(ctx.db, slug);
  const parsed = listNetworkMembersInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const { allStatuses } = memberVisibility(actor, network);
  const where = memberFilters(network, input, allStatuses);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(networkMemberships)
    .innerJoin(organizations, eq(organizations.id, networkMemberships.organizationId))
    .leftJoin(cities, eq(cities.id, organizations.cityId))
    .leftJoin(networkCategories, eq(networkCategories.id, networkMemberships.categoryId))
    .where(where);
  const rows = await memberRows(ctx, where)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const n = total?.n ?? 0;
  return {
    items: rows.map((r) => toMember(r, actor, allStatuses, locale)),
    total: n,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.ceil(n / input.pageSize),
    allStatuses,
  };
}

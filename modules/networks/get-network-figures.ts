// A network's live figures, computed from the data when asked: member cities (active members
// that are local governments), countries (of all active members), the population of the member
// cities, and active thematic units; the member cities themselves, for the map and the API; and,
// for the page's table, each country's count with its most populous cities and the box around
// them all. The SQL-running functions are exported on their own so the bench can time them next
// to the page.
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import { findNetwork } from "./find-network.ts";
import { networkPolicy } from "./policy.ts";
import { authorize } from "../../platform/authz.ts";

export interface NetworkFigures {
  /** Active members that are local governments. */
  memberCities: number;
  /** Distinct countries of the active members. */
  countries: number;
  /** Sum of the populations of the member cities' reference cities. */
  population: number;
  /** Active bodies of kind thematic_unit. */
  thematicUnits: number;
}

export interface MemberCity {
  organizationSlug: string;
  organizationName: string;
  cityId: number;
  cityName: string;
  countryCode: string;
  countryName: string;
  latitude: number;
  longitude: number;
  population: number;
}

export interface CountryMembers {
  countryCode: string;
  countryName: string;
  members: number;
  cities: MemberCity[];
}

/** One aggregate query over the network's active memberships (index network_memberships_network_status_idx). */
export async function countNetworkFigures(ctx: ServiceContext, networkId: string): Promise<NetworkFigures> {
  const [row] = await queryRows<{ member_cities: number | string; countries: number | string; population: number | string | null; thematic_units: number | string }>(
    ctx.db,
    sql`select count(*) filter (where o.kind = 'local_government') as member_cities,
               count(distinct o.country_code) as countries,
               coalesce(sum(c.population) filter (where o.kind = 'local_government'), 0) as population,
               (select count(*) from network_bodies b
                 where b.network_id = ${networkId} and b.kind = 'thematic_unit' and b.active) as thematic_units
        from network_memberships m
        join organizations o on o.id = m.organization_id and o.merged_into_id is null
        left join cities c on c.id = o.city_id
        where m.network_id = ${networkId} and m.status = 'active'`,
  );
  return {
    memberCities: Number(row?.member_cities ?? 0),
    countries: Number(row?.countries ?? 0),
    population: Number(row?.population ?? 0),
    thematicUnits: Number(row?.thematic_units ?? 0),
  };
}

/** The network's active member cities with their coordinates, by country and name (names localized in SQL). */
export async function listMemberCities(ctx: ServiceContext, networkId: string, locale: Locale): Promise<MemberCity[]> {
  const rows = await queryRows<{
    slug: string;
    org_name: string;
    city_id: number;
    city_name: string;
    country_code: string;
    country_name: string | null;
    latitude: number;
    longitude: number;
    population: number;
  }>(
    ctx.db,
    sql`select o.slug, o.name as org_name, c.id as city_id, coalesce(nullif(c.names ->> ${locale}, ''), c.name) as city_name,
               c.country_code, coalesce(nullif(k.name ->> ${locale}, ''), k.name ->> 'en') as country_name,
               c.latitude, c.longitude, c.population
        from network_memberships m
        join organizations o on o.id = m.organization_id and o.kind = 'local_government' and o.merged_into_id is null
        join cities c on c.id = o.city_id
        join countries k on k.code = c.country_code
        where m.network_id = ${networkId} and m.status = 'active'`,
  );
  const collator = new Intl.Collator(locale);
  return rows
    .map((r) => ({
      organizationSlug: r.slug,
      organizationName: r.org_name,
      cityId: Number(r.city_id),
      cityName: r.city_name,
      countryCode: r.country_code,
      countryName: r.country_name ?? r.country_code,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      population: Number(r.population),
    }))
    .sort((a, b) => collator.compare(a.countryName, b.countryName) || collator.compare(a.cityName, b.cityName));
}

/** Member cities grouped by country, the country with most members first. */
export function groupByCountry(cities: readonly MemberCity[], locale: Locale): CountryMembers[] {
  const groups = new Map<string, CountryMembers>();
  for (const city of cities) {
    let group = groups.get(city.countryCode);
    if (!group) groups.set(city.countryCode, (group = { countryCode: city.countryCode, countryName: city.countryName, members: 0, cities: [] }));
    group.members++;
    group.cities.push(city);
  }
  const collator = new Intl.Collator(locale);
  return [...groups.values()].sort((a, b) => b.members - a.members || collator.compare(a.countryName, b.countryName));
}

/** A country's member cities as the network's page lists them: how many, and the most populous few by name. */
export interface CountrySummary {
  countryCode: string;
  countryName: string;
  members: number;
  /** Its most populous member cities (see listMembersByCountry for how many), in name order. */
  cities: { slug: string; name: string }[];
}

/**
 * How many cities each country lists when at most `perCountry` each and about `total` in all:
 * the same number for every country (fewer where it has fewer), as many as fit, at least one.
 */
export function citiesPerCountry(members: readonly number[], perCountry: number, total: number): number {
  let fits = 1;
  for (let k = 2; k <= perCountry; k++) {
    if (members.reduce((sum, n) => sum + Math.min(n, k), 0) > total) break;
    fits = k;
  }
  return fits;
}

/** The box around the member cities, in degrees (null when there are none). */
export interface MemberBox {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * The network page's table of member cities by country without reading every city into the
 * process: one query counts each country's members, keeps its `perCountry` most populous cities
 * and the box around all of them (the map's frame, so the page knows the image's size). A network
 * spread over many countries lists fewer per country, so that about `total` are listed in all
 * (the member directory has the rest, by country).
 */
export async function listMembersByCountry(
  ctx: ServiceContext,
  networkId: string,
  locale: Locale,
  perCountry: number,
  total = Infinity,
): Promise<{ countries: CountrySummary[]; box: MemberBox | null }> {
  const rows = await queryRows<{
    slug: string;
    city_name: string;
    country_code: string;
    country_name: string | null;
    members: number | string;
    rank: number | string;
    west: number;
    east: number;
    south: number;
    north: number;
  }>(
    ctx.db,
    sql`with member as (
          select o.slug, coalesce(nullif(c.names ->> ${locale}, ''), c.name) as city_name, c.country_code,
                 count(*) over (partition by c.country_code) as members,
                 row_number() over (partition by c.country_code order by c.population desc, c.id) as rank,
                 min(c.longitude) over () as west, max(c.longitude) over () as east,
                 min(c.latitude) over () as south, max(c.latitude) over () as north
          from network_memberships m
          join organizations o on o.id = m.organization_id and o.kind = 'local_government' and o.merged_into_id is null
          join cities c on c.id = o.city_id
          where m.network_id = ${networkId} and m.status = 'active'
        )
        select member.slug, member.city_name, member.country_code, member.members, member.rank, member.west, member.east, member.south, member.north,
               coalesce(nullif(k.name ->> ${locale}, ''), k.name ->> 'en') as country_name
        from member join countries k on k.code = member.country_code
        where member.rank <= ${perCountry}`,
  );
  const groups = new Map<string, CountrySummary>();
  for (const r of rows) {
    if (!groups.has(r.country_code)) {
      groups.set(r.country_code, { countryCode: r.country_code, countryName: r.country_name ?? r.country_code, members: Number(r.members), cities: [] });
    }
  }
  const listed = citiesPerCountry(
    [...groups.values()].map((g) => g.members),
    perCountry,
    total,
  );
  for (const r of rows) if (Number(r.rank) <= listed) groups.get(r.country_code)!.cities.push({ slug: r.slug, name: r.city_name });
  const collator = new Intl.Collator(locale);
  for (const group of groups.values()) group.cities.sort((a, b) => collator.compare(a.name, b.name));
  const first = rows[0];
  return {
    countries: [...groups.values()].sort((a, b) => b.members - a.members || collator.compare(a.countryName, b.countryName)),
    box: first ? { west: Number(first.west), east: Number(first.east), south: Number(first.south), north: Number(first.north) } : null,
  };
}

export interface NetworkFigureSheet {
  network: { slug: string; name: string; hosted: boolean };
  figures: NetworkFigures;
  membersByCountry: Omit<CountryMembers, "cities">[];
  points: MemberCity[];
}

/** The figures of a network's public page, its members by country and the points of its map. */
export async function getNetworkFigures(ctx: ServiceContext, actor: Actor, slug: string, locale: Locale): Promise<NetworkFigureSheet> {
  const network = await findNetwork(ctx.db, slug);
  authorize(networkPolicy.view(actor, network), { visible: false });
  const [figures, points] = await Promise.all([countNetworkFigures(ctx, network.id), listMemberCities(ctx, network.id, locale)]);
  return {
    network: { slug: network.slug, name: localizedText(network.names, locale) || network.name, hosted: network.hosted },
    figures,
    membersByCountry: groupByCountry(points, locale).map(({ cities: _cities, ...group }) => group),
    points,
  };
}

/**
 * A figure rounded down for a sentence ("more than 400 cities"): two significant digits when
 * the first is 1 or 2 (123 → 120), else one (437 → 400); small numbers stay exact.
 */
export function roughly(value: number): { value: number; moreThan: boolean } {
  if (value < 20) return { value, moreThan: false };
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = value / magnitude < 3 ? magnitude / 10 : magnitude;
  const rounded = Math.floor(value / step) * step;
  return { value: rounded, moreThan: rounded < value };
}

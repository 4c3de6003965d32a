// A network's public page: who it is (names, acronym, kind, region, languages, description,
// website, logo), its live figures and member cities by country (the map itself is drawn by
// the map.svg route, so the page carries only its size), its bodies with their current holders,
// the presidency and its term, its founding members, and where the viewer's organization stands
// (secretariat, member, applicant). An external network (recorded by a city, not run here)
// shows what cities recorded: its members and roles. A handful of indexed queries, aggregated in
// SQL; the SQL-running parts are exported for the bench.
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { authorize } from "../../platform/authz.ts";
import { queryRows } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { localize, localizedText, type LocalizedText } from "../../platform/i18n/content.ts";
import { languageNames } from "../../platform/i18n/language-names.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import type { BodyKind, RoleKind } from "../governance/schema.ts";
import { type Actor, anonymousActor } from "../organizations/actor.ts";
import { countNetworkFigures, type CountrySummary, listMembersByCountry, type NetworkFigures } from "./get-network-figures.ts";
import { mapSize } from "./network-map.ts";
import { networkPolicy } from "./policy.ts";
import type { MembershipStatus, NetworkKind } from "./schema.ts";

export interface OrganizationRef {
  slug: string;
  name: string;
}

export interface BodyHolder {
  role: RoleKind;
  organization: OrganizationRef;
  startsOn: string;
  endsOn: string | null;
  termLabel: string | null;
  /** Where the role is documented (real data); null for rows entered here or invented demo rows. */
  sourceUrl: string | null;
}

export interface NetworkBody {
  slug: string;
  kind: BodyKind;
  name: LocalizedText;
  /**
   * Current holders, coordinators before sub-coordinators before members: presidents,
   * coordinators, council members…, and in bodies other than thematic spaces (an executive
   * direction, a secretariat) the member organizations too, as the bodies page lists them.
   */
  holders: BodyHolder[];
  /**
   * A thematic space's member organizations today other than its holders, counted rather than
   * listed (0 for other bodies: their members are holders).
   */
  memberCount: number;
}

/** Where the organization the viewer acts for stands with a hosted network (null: it may apply). */
export type ViewerStanding =
  | { kind: "secretariat" }
  | { kind: "member"; status: "active" | "inactive" | "suspended"; since: string | null; membershipId: string }
  | { kind: "applicant"; membershipId: string };

export interface FoundingMember extends OrganizationRef {
  cityName: string | null;
  countryName: string;
  sourceUrl: string | null;
}

export interface RecordedMember extends OrganizationRef {
  status: MembershipStatus;
  since: string | null;
  sourceUrl: string | null;
}

export interface RecordedRole extends BodyHolder {
  bodyName: LocalizedText;
  bodySlug: string;
}

export interface NetworkPage {
  id: string;
  slug: string;
  name: string;
  /** The name in the network's own language when the page shows a translation. */
  ownName: string | null;
  acronym: string | null;
  kind: NetworkKind;
  hosted: boolean;
  foundedOn: string | null;
  description: LocalizedText | undefined;
  website: string | null;
  /** Set when the network has a logo (served at /networks/:slug/logo); changes with it. */
  logoVersion: string | null;
  workingLanguages: { code: string; name: string }[];
  regions: string[];
  secretariat: OrganizationRef | null;
  /** For an external network: the organization that recorded it. */
  recordedBy: OrganizationRef | null;
  figures: NetworkFigures;
  /** Member cities per country (most first), each with its most populous cities listed. */
  membersByCountry: CountrySummary[];
  /** The map's size, when it has cities to draw (the drawing itself is served at /networks/:slug/map.svg). */
  map: { width: number; height: number } | null;
  presidency: BodyHolder | null;
  bodies: NetworkBody[];
  foundingMembers: FoundingMember[];
  /** The thematic spaces (thematic units, working groups, commissions), by name. */
  spaces: { themeId: string; name: string; kind: BodyKind }[];
  /** Founding members that are cities (the reference city's name in the reader's language). */
  foundingCities: { id: number; name: string; countryName: string }[];
  /** External networks: the members and roles cities recorded (current and past). */
  recorded: { members: RecordedMember[]; roles: RecordedRole[] } | null;
  viewer: { canEdit: boolean; canApply: boolean; canSeeMembership: boolean; standing: ViewerStanding | null };
}

/**
 * The page's table alternative lists up to this many cities per country, and about
 * citiesShownInAll in all (a network spread over many countries lists fewer in each); the member
 * directory has them all, by country.
 */
export const citiesShownPerCountry = 60;
export const citiesShownInAll = 500;

const roleOrder: RoleKind[] = ["president", "vice_president", "coordinator", "sub_coordinator", "council_member", "member"];
/** Coordinators before sub-coordinators before members (and presidents first), then by name. */
export function byRole(locale: Locale): (a: BodyHolder, b: BodyHolder) => number {
  const collator = new Intl.Collator(locale);
  return (a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || collator.compare(a.organization.name, b.organization.name);
}
/** Thematic spaces: their members are many and counted; other bodies list theirs among the holders. */
const spaceKinds: BodyKind[] = ["thematic_unit", "working_group", "commission"];

interface NetworkRow extends Record<string, unknown> {
  id: string;
  slug: string;
  name: string;
  names: Translated;
  acronyms: Translated;
  kind: NetworkKind;
  hosted: boolean;
  recorded_by_organization_id: string | null;
  secretariat_organization_id: string | null;
  working_languages: string[];
  founded_on: string | null;
  description: Translated;
  description_language: string;
  website: string | null;
  logo_type: string | null;
  logo_updated_at: Date | string | null;
  secretariat_slug: string | null;
  secretariat_name: string | null;
  recorded_slug: string | null;
  recorded_name: string | null;
  regions: Translated[] | null;
}

/** The network's row (without the logo's bytes), its secretariat and recorder, and its regions' names. */
export async function loadNetworkRow(ctx: ServiceContext, slug: string): Promise<NetworkRow | undefined> {
  const [row] = await queryRows<NetworkRow>(
    ctx.db,
    sql`select n.id, n.slug, n.name, n.names, n.acronyms, n.kind, n.hosted, n.recorded_by_organization_id, n.secretariat_organization_id, n.working_languages,
               n.founded_on::text as founded_on, n.description, n.description_language, n.website, n.logo_type, n.logo_updated_at,
               s.slug as secretariat_slug, s.name as secretariat_name, r.slug as recorded_slug, r.name as recorded_name,
               (select jsonb_agg(w.name order by w.code) from world_regions w where w.code = any(n.region_codes)) as regions
        from networks n
        left join organizations s on s.id = n.secretariat_organization_id
        left join organizations r on r.id = n.recorded_by_organization_id
        where n.slug = ${slug}`,
  );
  return row;
}

/**
 * Active bodies with their current holders (members too, except in thematic spaces, where they
 * are counted); both read through network_roles_network_role_idx (network, role, body, dates).
 */
export async function listBodiesWithHolders(ctx: ServiceContext, networkId: string, today: string, locale: Locale): Promise<NetworkBody[]> {
  const rows = await queryRows<{
    slug: string;
    kind: BodyKind;
    names: Translated;
    name_language: string;
    role: RoleKind | null;
    starts_on: string | null;
    ends_on: string | null;
    source_url: string | null;
    term_label: string | null;
    org_slug: string | null;
    org_name: string | null;
    member_count: number | string | null;
    /** The holder (of an office in a thematic space) is also recorded as one of its members. */
    also_member: boolean | null;
  }>(
    ctx.db,
    // Two index range scans (network, role, body, dates): the office holders, and the members of
    // the few bodies other than thematic spaces, reached from those bodies.
    sql`with held as (
          select r.body_id, r.role, r.starts_on, r.ends_on, r.source_url, r.term_id, r.organization_id
          from network_roles r
          where r.network_id = ${networkId} and r.role in ('president', 'vice_president', 'council_member', 'coordinator', 'sub_coordinator')
            and r.starts_on <= ${today}::date and (r.ends_on is null or r.ends_on >= ${today}::date)
          union all
          select r.body_id, r.role, r.starts_on, r.ends_on, r.source_url, r.term_id, r.organization_id
          from network_bodies mb
          join network_roles r on r.network_id = ${networkId} and r.role = 'member' and r.body_id = mb.id
               and r.starts_on <= ${today}::date and (r.ends_on is null or r.ends_on >= ${today}::date)
          where mb.network_id = ${networkId} and mb.active and mb.kind not in ('thematic_unit', 'working_group', 'commission')
        )
        select b.slug, b.kind, b.names, b.name_language,
               r.role, r.starts_on::text as starts_on, r.ends_on::text as ends_on, r.source_url, t.label as term_label,
               o.slug as org_slug, o.name as org_name, mc.members as member_count,
               (r.role <> 'member' and b.kind in ('thematic_unit', 'working_group', 'commission') and exists (
                  select 1 from network_roles x
                  where x.organization_id = r.organization_id and x.body_id = r.body_id and x.role = 'member'
                    and x.starts_on <= ${today}::date and (x.ends_on is null or x.ends_on >= ${today}::date))) as also_member
        from network_bodies b
        left join held r on r.body_id = b.id
        left join organizations o on o.id = r.organization_id
        left join network_terms t on t.id = r.term_id
        left join (select body_id, count(distinct organization_id) as members from network_roles
                   where network_id = ${networkId} and role = 'member'
                     and starts_on <= ${today}::date and (ends_on is null or ends_on >= ${today}::date)
                   group by body_id) mc on mc.body_id = b.id
        where b.network_id = ${networkId} and b.active
        order by array_position(array['presidency', 'vice_presidency', 'council', 'executive_direction', 'secretariat',
                                      'thematic_unit', 'working_group', 'commission']::text[], b.kind), b.position, b.slug, o.name`,
  );
  const bodies = new Map<string, NetworkBody>();
  const countedOnce = new Set<string>();
  for (const r of rows) {
    let body = bodies.get(r.slug);
    if (!body) {
      body = {
        slug: r.slug,
        kind: r.kind,
        name: localize(r.names, locale, r.name_language) ?? { text: r.slug, language: locale, fallback: false },
        holders: [],
        memberCount: spaceKinds.includes(r.kind) ? Number(r.member_count ?? 0) : 0,
      };
      bodies.set(r.slug, body);
    }
    if (r.role && r.org_slug && r.starts_on) {
      // A coordinator that is also a member of the unit is counted once, as its holder (as on the bodies page).
      const key = `${r.slug}/${r.org_slug}`;
      if (r.also_member && !countedOnce.has(key)) {
        countedOnce.add(key);
        body.memberCount = Math.max(0, body.memberCount - 1);
      }
      body.holders.push({
        role: r.role,
        organization: { slug: r.org_slug, name: r.org_name ?? r.org_slug },
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        termLabel: r.term_label,
        sourceUrl: r.source_url,
      });
    }
  }
  const order = byRole(locale);
  for (const body of bodies.values()) body.holders.sort(order);
  return [...bodies.values()];
}

/** Founding members, whatever their status today. */
export async function listFoundingMembers(
  ctx: ServiceContext,
  networkId: string,
  locale: Locale,
): Promise<(FoundingMember & { cityId: number | null; population: number })[]> {
  const rows = await queryRows<{
    slug: string;
    name: string;
    city_id: number | null;
    city_name: string | null;
    city_names: Translated | null;
    population: number | null;
    country_name: Translated;
    source_url: string | null;
  }>(
    ctx.db,
    sql`select o.slug, o.name, c.id as city_id, c.name as city_name, c.names as city_names, c.population, k.name as country_name, m.source_url
        from network_memberships m
        join organizations o on o.id = m.organization_id and o.merged_into_id is null
        join countries k on k.code = o.country_code
        left join cities c on c.id = o.city_id
        where m.network_id = ${networkId} and m.founding`,
  );
  const collator = new Intl.Collator(locale);
  return rows
    .map((r) => ({
      slug: r.slug,
      name: r.name,
      cityId: r.city_id === null ? null : Number(r.city_id),
      cityName: r.city_name === null ? null : (r.city_names?.[locale] ?? r.city_name),
      population: Number(r.population ?? 0),
      countryName: localizedText(r.country_name, locale, "en"),
      sourceUrl: r.source_url,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** What cities recorded of an external network: its active members (as the directory shows) and every role, newest first (on one date, by role). */
async function listRecorded(ctx: ServiceContext, networkId: string, locale: Locale): Promise<NonNullable<NetworkPage["recorded"]>> {
  const [members, roles] = await Promise.all([
    queryRows<{ slug: string; name: string; status: MembershipStatus; since: string | null; source_url: string | null }>(
      ctx.db,
      sql`select o.slug, o.name, m.status, m.since::text as since, m.source_url
          from network_memberships m join organizations o on o.id = m.organization_id
          where m.network_id = ${networkId} and m.status = 'active' and o.merged_into_id is null
          order by o.name_norm`,
    ),
    queryRows<{
      role: RoleKind;
      starts_on: string;
      ends_on: string | null;
      source_url: string | null;
      term_label: string | null;
      body_slug: string;
      body_names: Translated;
      name_language: string;
      slug: string;
      name: string;
    }>(
      ctx.db,
      sql`select r.role, r.starts_on::text as starts_on, r.ends_on::text as ends_on, r.source_url, t.label as term_label,
                 b.slug as body_slug, b.names as body_names, b.name_language, o.slug, o.name
          from network_roles r
          join network_bodies b on b.id = r.body_id
          join organizations o on o.id = r.organization_id
          left join network_terms t on t.id = r.term_id
          where r.network_id = ${networkId} and o.merged_into_id is null
          order by r.starts_on desc, o.name_norm
          limit 500`,
    ),
  ]);
  const order = byRole(locale);
  return {
    members: members.map((m) => ({ slug: m.slug, name: m.name, status: m.status, since: m.since, sourceUrl: m.source_url })),
    roles: roles
      .map((r) => ({
      role: r.role,
      organization: { slug: r.slug, name: r.name },
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      termLabel: r.term_label,
      sourceUrl: r.source_url,
      bodySlug: r.body_slug,
        bodyName: localize(r.body_names, locale, r.name_language) ?? { text: r.body_slug, language: locale, fallback: false },
      }))
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || order(a, b)),
  };
}

/**
 * Where the organization the viewer acts for stands with a hosted network: its secretariat, a
 * member (active, inactive or suspended) or an applicant; null when it may apply (no membership,
 * or one declined or withdrawn) or nobody acts for an organization. Its own members see this.
 */
async function standingOf(ctx: ServiceContext, actor: Actor, network: NetworkRow): Promise<ViewerStanding | null> {
  const organizationId = actor.actingOrganizationId;
  if (!organizationId || !networkPolicy.seeOwnMembership(actor, organizationId)) return null;
  if (organizationId === network.secretariat_organization_id) return { kind: "secretariat" };
  const [membership] = await queryRows<{ id: string; status: MembershipStatus; since: string | null }>(
    ctx.db,
    sql`select id, status, since::text as since from network_memberships where network_id = ${network.id} and organization_id = ${organizationId}`,
  );
  if (!membership) return null;
  if (membership.status === "applicant") return { kind: "applicant", membershipId: membership.id };
  if (membership.status === "active" || membership.status === "inactive" || membership.status === "suspended") {
    return { kind: "member", status: membership.status, since: membership.since, membershipId: membership.id };
  }
  return null;
}

/** Today as YYYY-MM-DD in UTC (what the roles' dates are compared with). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A network's public page, with what the viewer may do there. */
export async function getNetwork(ctx: ServiceContext, slug: string, locale: Locale, actor: Actor = anonymousActor, today = todayUtc()): Promise<NetworkPage> {
  const network = await loadNetworkRow(ctx, slug);
  if (!network) throw notFound("error.network.notFound");
  const facts = { id: network.id, hosted: network.hosted, recordedByOrganizationId: network.recorded_by_organization_id };
  authorize(networkPolicy.view(actor, facts), { visible: false });
  const [figures, byCountry, bodies, founders, recorded, standing] = await Promise.all([
    countNetworkFigures(ctx, network.id),
    listMembersByCountry(ctx, network.id, locale, citiesShownPerCountry, citiesShownInAll),
    listBodiesWithHolders(ctx, network.id, today, locale),
    listFoundingMembers(ctx, network.id, locale),
    network.hosted ? Promise.resolve(null) : listRecorded(ctx, network.id, locale),
    network.hosted ? standingOf(ctx, actor, network) : Promise.resolve(null),
  ]);
  const collator = new Intl.Collator(locale);
  const presidency = bodies.filter((b) => b.kind === "presidency").flatMap((b) => b.holders.filter((h) => h.role === "president"))[0] ?? null;
  const translatedName = network.names[locale];
  const logoUpdated = network.logo_updated_at ? new Date(network.logo_updated_at).getTime() : 0;
  return {
    id: network.id,
    slug: network.slug,
    name: translatedName || network.name,
    ownName: translatedName && translatedName !== network.name ? network.name : null,
    acronym: network.acronyms[locale] || Object.values(network.acronyms).find(Boolean) || null,
    kind: network.kind,
    hosted: network.hosted,
    foundedOn: network.founded_on,
    description: localize(network.description, locale, network.description_language),
    website: network.website,
    logoVersion: network.logo_type ? String(logoUpdated) : null,
    workingLanguages: languageNames(locale, network.working_languages),
    regions: (network.regions ?? []).map((r) => localizedText(r, locale, "en")).filter(Boolean),
    secretariat: network.secretariat_slug ? { slug: network.secretariat_slug, name: network.secretariat_name ?? network.secretariat_slug } : null,
    recordedBy: network.recorded_slug ? { slug: network.recorded_slug, name: network.recorded_name ?? network.recorded_slug } : null,
    figures,
    membersByCountry: byCountry.countries,
    map: network.hosted && byCountry.box ? mapSize(byCountry.box) : null,
    presidency,
    bodies,
    foundingMembers: founders.map(({ cityId: _cityId, population: _population, ...f }) => f),
    spaces: bodies
      .filter((b) => spaceKinds.includes(b.kind))
      .map((b) => ({ themeId: b.slug, name: b.name.text, kind: b.kind }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    foundingCities: founders
      .filter((f) => f.cityId !== null)
      .sort((a, b) => b.population - a.population)
      .map((f) => ({ id: f.cityId!, name: f.cityName ?? f.name, countryName: f.countryName })),
    recorded,
    viewer: {
      canEdit: networkPolicy.update(actor, facts),
      canApply: network.hosted && networkPolicy.view(actor, facts) && standing === null,
      canSeeMembership: networkPolicy.seeMembership(actor, facts),
      standing,
    },
  };
}

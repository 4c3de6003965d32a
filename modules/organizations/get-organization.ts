import { and, count, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localize, localizedText, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { cities, countries } from "../cities/schema.ts";
import type { RoleKind } from "../governance/schema.ts";
import type { Actor } from "./actor.ts";
import { findOrganization } from "./find-organization.ts";
import { organizationPolicy } from "./policy.ts";
import { joinRequests, type MemberRole, type OrganizationKind, organizationMembers, organizations } from "./schema.ts";

export interface OrganizationView {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  city: { id: number; name: string } | null;
  countryCode: string;
  countryName: string;
  description: LocalizedText | null;
  /** The description in each language it was written in (for editing). */
  descriptions: Translated;
  website: string | null;
  verified: boolean;
  memberCount: number;
  /** Set when this organization was merged into another: its page moves there. */
  mergedIntoSlug: string | null;
  /** Public facts only: the networks it is an active member of, with the roles it holds there today. */
  networks: OrganizationNetwork[];
  /** Networks hosted here whose secretariat it is. */
  secretariatOf: { slug: string; name: string }[];
  /** What the person looking may do here. */
  viewer: {
    role: MemberRole | null;
    actingFor: boolean;
    canUpdate: boolean;
    canSeeMembers: boolean;
    canManageMembers: boolean;
    canRequestToJoin: boolean;
    hasPendingJoinRequest: boolean;
    canVerify: boolean;
  };
}

export interface OrganizationNetwork {
  slug: string;
  name: string;
  hosted: boolean;
  since: string | null;
  /** Roles held today, in bodies still active: coordinators before sub-coordinators before members. */
  roles: { role: RoleKind; body: LocalizedText; startsOn: string; endsOn: string | null; termLabel: string | null }[];
}

const roleOrder: RoleKind[] = ["president", "vice_president", "coordinator", "sub_coordinator", "council_member", "member"];

/**
 * The networks an organization is an active member of and its roles there today (what the
 * networks' own pages show), and the networks whose secretariat it is. Nothing about
 * applications, suspensions or past memberships.
 */
async function listPublicNetworks(ctx: ServiceContext, organizationId: string, locale: Locale) {
  // Roles' dates are days in UTC, as everywhere else.
  const today = new Date().toISOString().slice(0, 10);
  const [memberships, roles, led] = await Promise.all([
    queryRows<{ id: string; slug: string; name: string; names: Translated; hosted: boolean; since: string | null }>(
      ctx.db,
      sql`select n.id, n.slug, n.name, n.names, n.hosted, m.since::text as since
          from network_memberships m join networks n on n.id = m.network_id
          where m.organization_id = ${organizationId} and m.status = 'active'`,
    ),
    queryRows<{ network_id: string; role: RoleKind; starts_on: string; ends_on: string | null; term_label: string | null; names: Translated; name_language: string; slug: string }>(
      ctx.db,
      sql`select r.network_id, r.role, r.starts_on::text as starts_on, r.ends_on::text as ends_on, t.label as term_label,
                 b.names, b.name_language, b.slug
          from network_roles r
          join network_bodies b on b.id = r.body_id and b.active
          join network_memberships m on m.network_id = r.network_id and m.organization_id = r.organization_id and m.status = 'active'
          left join network_terms t on t.id = r.term_id
          where r.organization_id = ${organizationId}
            and r.starts_on <= ${today}::date and (r.ends_on is null or r.ends_on >= ${today}::date)`,
    ),
    queryRows<{ slug: string; name: string; names: Translated }>(
      ctx.db,
      sql`select slug, name, names from networks where secretariat_organization_id = ${organizationId} and hosted`,
    ),
  ]);
  const collator = new Intl.Collator(locale);
  const nameOf = (n: { name: string; names: Translated }) => n.names[locale] || n.name;
  const networks: OrganizationNetwork[] = memberships
    .map((m) => ({
      slug: m.slug,
      name: nameOf(m),
      hosted: m.hosted,
      since: m.since,
      roles: roles
        .filter((r) => r.network_id === m.id)
        .map((r) => ({
          role: r.role,
          body: localize(r.names, locale, r.name_language) ?? { text: r.slug, language: locale, fallback: false },
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          termLabel: r.term_label,
        }))
        .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || collator.compare(a.body.text, b.body.text)),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return { networks, secretariatOf: led.map((n) => ({ slug: n.slug, name: nameOf(n) })).sort((a, b) => collator.compare(a.name, b.name)) };
}

/** An organization's public page, with what the viewer may do there. */
export async function getOrganization(ctx: ServiceContext, actor: Actor, slug: string, locale: Locale): Promise<OrganizationView> {
  const org = await findOrganization(ctx.db, slug);
  let mergedIntoSlug: string | null = null;
  if (org.mergedIntoId) {
    const [target] = await ctx.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, org.mergedIntoId));
    mergedIntoSlug = target?.slug ?? null;
  }
  const [country] = await ctx.db.select({ name: countries.name }).from(countries).where(eq(countries.code, org.countryCode));
  const [city] = org.cityId
    ? await ctx.db.select({ id: cities.id, names: cities.names, name: cities.name }).from(cities).where(eq(cities.id, org.cityId))
    : [];
  const [members] = await ctx.db.select({ n: count() }).from(organizationMembers).where(eq(organizationMembers.organizationId, org.id));
  const inNetworks = org.mergedIntoId ? { networks: [], secretariatOf: [] } : await listPublicNetworks(ctx, org.id, locale);
  const pending =
    actor.userId === null
      ? []
      : await ctx.db
          .select({ id: joinRequests.id })
          .from(joinRequests)
          .where(and(eq(joinRequests.organizationId, org.id), eq(joinRequests.userId, actor.userId), eq(joinRequests.status, "pending")));
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    city: city ? { id: city.id, name: localizedText(city.names, locale) || city.name } : null,
    countryCode: org.countryCode,
    countryName: country ? localizedText(country.name, locale, "en") : org.countryCode,
    description: localize(org.description, locale, org.descriptionLanguage) ?? null,
    descriptions: org.description,
    website: org.website,
    verified: org.verifiedAt !== null,
    memberCount: members?.n ?? 0,
    mergedIntoSlug,
    ...inNetworks,
    viewer: {
      role: actor.memberships.get(org.id) ?? null,
      actingFor: actor.actingOrganizationId === org.id,
      canUpdate: organizationPolicy.update(actor, org),
      canSeeMembers: organizationPolicy.listMembers(actor, org),
      canManageMembers: organizationPolicy.manageMembers(actor, org),
      canRequestToJoin: organizationPolicy.requestToJoin(actor, org) && pending.length === 0,
      hasPendingJoinRequest: pending.length > 0,
      canVerify: organizationPolicy.verify(actor) && org.verifiedAt === null && !org.mergedIntoId,
    },
  };
}

import { and, count, eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { localize, localizedText, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { cities, countries } from "../cities/schema.ts";
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

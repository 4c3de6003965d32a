import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { localize, localizedText, type LocalizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { worldRegions } from "../cities/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import type { MemberRole } from "../organizations/schema.ts";
import { organizations } from "../organizations/schema.ts";
import { findNetwork } from "./find-network.ts";
import { networkPolicy } from "./policy.ts";
import { type MembershipStatus, type NetworkKind, networkCategories, networkMemberships } from "./schema.ts";

export interface NetworkProfile {
  slug: string;
  /** In the reader's language where the network has one, else its own name. */
  name: string;
  /** The name in the network's own language. */
  originalName: string;
  names: Translated;
  acronym: string | null;
  acronyms: Translated;
  kind: NetworkKind;
  hosted: boolean;
  regions: { code: string; name: string }[];
  workingLanguages: string[];
  foundedOn: string | null;
  description: LocalizedText | undefined;
  /** The description in every language it is written in (for editing). */
  descriptions: Translated;
  descriptionLanguage: string;
  website: string | null;
  /** When the logo last changed (for its URL), or null without one. */
  logoVersion: string | null;
  secretariat: { slug: string; name: string } | null;
  recordedBy: { slug: string; name: string } | null;
  categories: { key: string; name: string; names: Translated }[];
  /** Members whose membership is active. */
  memberCount: number;
  viewer: {
    canUpdate: boolean;
    canManageMembers: boolean;
    /** May set the secretariat organization (platform administrators). */
    canSetSecretariat: boolean;
    /** The organization the viewer acts for, their role in it, and its membership here. */
    acting: {
      slug: string;
      name: string;
      role: MemberRole;
      membership: { id: string; status: MembershipStatus } | null;
    } | null;
  };
}

/** A network's profile (public) with what the viewer may do there. */
export async function getNetworkProfile(ctx: ServiceContext, actor: Actor, slug: string, locale: Locale): Promise<NetworkProfile> {
  const network = await findNetwork(ctx.db, slug);
  const orgIds = [network.secretariatOrganizationId, network.recordedByOrganizationId, actor.actingOrganizationId].filter((id): id is string => !!id);
  const [orgs, regions, categories, [members], acting] = await Promise.all([
    orgIds.length
      ? ctx.db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds))
      : Promise.resolve([]),
    network.regionCodes.length
      ? ctx.db.select().from(worldRegions).where(inArray(worldRegions.code, network.regionCodes))
      : Promise.resolve([]),
    ctx.db
      .select({ key: networkCategories.key, names: networkCategories.names })
      .from(networkCategories)
      .where(eq(networkCategories.networkId, network.id))
      .orderBy(asc(networkCategories.position), asc(networkCategories.key)),
    ctx.db
      .select({ n: count() })
      .from(networkMemberships)
      .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.status, "active"))),
    actor.actingOrganizationId
      ? ctx.db
          .select({ id: networkMemberships.id, status: networkMemberships.status })
          .from(networkMemberships)
          .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.organizationId, actor.actingOrganizationId)))
      : Promise.resolve([]),
  ]);
  const org = (id: string | null) => {
    const found = id ? orgs.find((o) => o.id === id) : undefined;
    return found ? { slug: found.slug, name: found.name } : null;
  };
  const actingOrg = org(actor.actingOrganizationId);
  return {
    slug: network.slug,
    name: network.names[locale] ?? network.name,
    originalName: network.name,
    names: network.names,
    acronym: network.acronyms[locale] ?? Object.values(network.acronyms)[0] ?? null,
    acronyms: network.acronyms,
    kind: network.kind,
    hosted: network.hosted,
    regions: network.regionCodes.map((code) => {
      const region = regions.find((r) => r.code === code);
      return { code, name: region ? localizedText(region.name, locale, "en") : code };
    }),
    workingLanguages: network.workingLanguages,
    foundedOn: network.foundedOn,
    description: localize(network.description, locale, network.descriptionLanguage),
    descriptions: network.description,
    descriptionLanguage: network.descriptionLanguage,
    website: network.website,
    logoVersion: network.logoUpdatedAt ? String(network.logoUpdatedAt.getTime()) : null,
    secretariat: network.hosted ? org(network.secretariatOrganizationId) : null,
    recordedBy: network.hosted ? null : org(network.recordedByOrganizationId),
    categories: categories.map((c) => ({ key: c.key, name: localizedText(c.names, locale, "en"), names: c.names })),
    memberCount: members?.n ?? 0,
    viewer: {
      canUpdate: networkPolicy.update(actor, network),
      canManageMembers: networkPolicy.manageMembers(actor, network),
      canSetSecretariat: actor.platformAdmin && network.hosted,
      acting:
        actingOrg && actor.actingOrganizationId
          ? { ...actingOrg, role: actor.memberships.get(actor.actingOrganizationId)!, membership: acting[0] ?? null }
          : null,
    },
  };
}

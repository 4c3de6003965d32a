import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { cities, countries } from "../cities/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { assertUuid } from "../organizations/find-organization.ts";
import { organizations } from "../organizations/schema.ts";
import { findNetwork } from "./find-network.ts";
import { networkPolicy } from "./policy.ts";
import { type MembershipStatus, networkCategories, networkMembershipEvents, networkMemberships } from "./schema.ts";

export interface CategoryOption {
  key: string;
  name: string;
}

export interface MembershipDetail {
  id: string;
  /** hasSecretariat: false for a hosted network without a secretariat organization (administrators run it). */
  network: { slug: string; name: string; hosted: boolean; hasSecretariat: boolean };
  organization: { slug: string; name: string; cityName: string | null; countryCode: string; countryName: string };
  status: MembershipStatus;
  category: CategoryOption | null;
  since: string | null;
  founding: boolean;
  /** The applicant's message to the secretariat. */
  message: string | null;
  statusChangedAt: Date;
  createdAt: Date;
  /** Every change, newest first: who, when, why. */
  history: {
    id: string;
    from: MembershipStatus | null;
    to: MembershipStatus;
    category: string | null;
    reason: string | null;
    /** The person's name; null when the change was made by the system or the account is gone. */
    changedBy: string | null;
    /** When the change took effect; null when not known (an external membership recorded without its start). */
    effectiveOn: string | null;
    at: Date;
  }[];
  /** The network's categories, for the secretariat's forms. */
  categories: CategoryOption[];
  viewer: { canManage: boolean; canWithdraw: boolean };
}

/**
 * One membership with its whole history: for the network's secretariat and the organization's
 * own members. Anyone else is told it does not exist (applications and reasons are confidential).
 */
export async function getMembership(ctx: ServiceContext, actor: Actor, slug: string, membershipId: string, locale: Locale): Promise<MembershipDetail> {
  requireSignedIn(actor);
  assertUuid(membershipId, "error.membership.notFound");
  const network = await findNetwork(ctx.db, slug);
  const [row] = await ctx.db
    .select({
      membership: networkMemberships,
      orgSlug: organizations.slug,
      orgName: organizations.name,
      countryCode: organizations.countryCode,
      countryName: countries.name,
      cityName: cities.name,
      cityNames: cities.names,
    })
    .from(networkMemberships)
    .innerJoin(organizations, eq(organizations.id, networkMemberships.organizationId))
    .innerJoin(countries, eq(countries.code, organizations.countryCode))
    .leftJoin(cities, eq(cities.id, organizations.cityId))
    .where(and(eq(networkMemberships.id, membershipId), eq(networkMemberships.networkId, network.id)));
  if (!row) throw notFound("error.membership.notFound");
  const m = row.membership;
  authorize(networkPolicy.seeMembership(actor, network) || networkPolicy.seeOwnMembership(actor, m.organizationId), { visible: false });
  const categoryRows = await ctx.db
    .select({ id: networkCategories.id, key: networkCategories.key, names: networkCategories.names })
    .from(networkCategories)
    .where(eq(networkCategories.networkId, network.id))
    .orderBy(asc(networkCategories.position), asc(networkCategories.key));
  const categories = new Map(categoryRows.map((c) => [c.id, { key: c.key, name: localizedText(c.names, locale, "en") }]));
  const changer = alias(users, "changer");
  const events = await ctx.db
    .select({ event: networkMembershipEvents, changedBy: changer.name })
    .from(networkMembershipEvents)
    .leftJoin(changer, eq(changer.id, networkMembershipEvents.changedBy))
    .where(eq(networkMembershipEvents.membershipId, m.id))
    .orderBy(desc(networkMembershipEvents.createdAt), desc(networkMembershipEvents.id));
  return {
    id: m.id,
    network: { slug: network.slug, name: network.names[locale] ?? network.name, hosted: network.hosted, hasSecretariat: network.secretariatOrganizationId !== null },
    organization: {
      slug: row.orgSlug,
      name: row.orgName,
      cityName: row.cityNames ? localizedText(row.cityNames, locale) || row.cityName : null,
      countryCode: row.countryCode,
      countryName: localizedText(row.countryName, locale, "en"),
    },
    status: m.status,
    category: m.categoryId ? (categories.get(m.categoryId) ?? null) : null,
    since: m.since,
    founding: m.founding,
    message: m.message,
    statusChangedAt: m.statusChangedAt,
    createdAt: m.createdAt,
    history: events.map(({ event: e, changedBy }) => ({
      id: e.id,
      from: e.fromStatus,
      to: e.toStatus,
      category: e.categoryId ? (categories.get(e.categoryId)?.name ?? null) : null,
      reason: e.reason,
      changedBy,
      effectiveOn: e.effectiveOn,
      at: e.createdAt,
    })),
    categories: [...categories.values()],
    viewer: {
      canManage: networkPolicy.manageMembers(actor, network),
      canWithdraw: networkPolicy.withdrawFor(actor, m.organizationId) && m.status !== "withdrawn" && m.status !== "declined",
    },
  };
}

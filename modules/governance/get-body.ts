import { and, asc, eq, gt, inArray, notInArray } from "drizzle-orm";
import { authorize } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { localize, localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { cities, countries } from "../cities/schema.ts";
import { findNetwork } from "../networks/find-network.ts";
import { networkMemberships } from "../networks/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizationMembers, organizations } from "../organizations/schema.ts";
import { themes } from "../themes/schema.ts";
import { today } from "./dates.ts";
import { byRoleThenName, displayName, placeOf, roleOrder } from "./display.ts";
import { factsOf, networkName } from "./find.ts";
import { selectCandidacies } from "./list-candidacies.ts";
import { asHistory } from "./list-role-history.ts";
import { selectRoles } from "./list-roles.ts";
import { describeTerm } from "./list-terms.ts";
import { participatingOrganizations } from "./participation.ts";
import { governancePolicy } from "./policy.ts";
import { isUnit, rolesOfBody } from "./rules.ts";
import { networkBodies, networkBodyParticipants, networkBodySeats, networkCandidacies, networkRoles, networkTerms, type RoleKind } from "./schema.ts";

/**
 * A body as its page shows it: description and themes, seats, current, upcoming and past
 * holders, and — for those allowed — its technical team and the candidacies to coordinate it
 * next; plus what the viewer may do there.
 */
export async function getBody(ctx: ServiceContext, actor: Actor, networkSlug: string, bodySlug: string, locale: Locale) {
  const network = await findNetwork(ctx.db, networkSlug);
  const facts = factsOf(network);
  authorize(governancePolicy.view(actor, facts), { visible: false });
  const [body] = await ctx.db
    .select()
    .from(networkBodies)
    .where(and(eq(networkBodies.networkId, network.id), eq(networkBodies.slug, bodySlug)));
  if (!body) authorize(false, { visible: false });
  const day = today();
  const unit = isUnit(body);

  const roles = await selectRoles(ctx.db, eq(networkRoles.bodyId, body.id), locale);
  const holderIds = await ctx.db
    .select({ organizationId: networkRoles.organizationId, role: networkRoles.role, startsOn: networkRoles.startsOn, endsOn: networkRoles.endsOn })
    .from(networkRoles)
    .where(eq(networkRoles.bodyId, body.id));
  const currentRows = holderIds.filter((r) => r.startsOn <= day && (r.endsOn === null || r.endsOn >= day));
  const participating = await participatingOrganizations(ctx.db, body.id, day);

  const themeRows = body.themeIds.length ? await ctx.db.select({ id: themes.id, name: themes.name }).from(themes).where(inArray(themes.id, body.themeIds)) : [];
  const seats =
    body.kind === "council"
      ? (
          await ctx.db
            .select({ countryCode: networkBodySeats.countryCode, seats: networkBodySeats.seats, name: countries.name })
            .from(networkBodySeats)
            .innerJoin(countries, eq(countries.code, networkBodySeats.countryCode))
            .where(eq(networkBodySeats.bodyId, body.id))
        )
          .map((s) => ({
            countryCode: s.countryCode,
            country: localizedText(s.name, locale, "en"),
            seats: s.seats,
            taken: roles.filter((r) => r.holding === "current" && r.seatCountryCode === s.countryCode).length,
          }))
          .sort((a, b) => a.country.localeCompare(b.country, locale))
      : null;

  // Only organizations that are active members of the network open the team to their people.
  const activeParticipating = participating.length
    ? (
        await ctx.db
          .select({ organizationId: networkMemberships.organizationId })
          .from(networkMemberships)
          .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.status, "active"), inArray(networkMemberships.organizationId, participating)))
      ).map((r) => r.organizationId)
    : [];
  const canSeeTeam = governancePolicy.seeTeam(actor, facts, body, activeParticipating);
  // People who left their organization are no longer in its team (as in the portfolio).
  const team = canSeeTeam
    ? (
        await ctx.db
        .select({ userId: users.id, name: users.name, position: users.position, organizationSlug: organizations.slug, organizationName: organizations.name, organizationId: organizations.id })
        .from(networkBodyParticipants)
        .innerJoin(users, eq(users.id, networkBodyParticipants.userId))
        .innerJoin(organizations, eq(organizations.id, networkBodyParticipants.organizationId))
        .innerJoin(
          organizationMembers,
          and(eq(organizationMembers.organizationId, networkBodyParticipants.organizationId), eq(organizationMembers.userId, networkBodyParticipants.userId)),
        )
          .where(eq(networkBodyParticipants.bodyId, body.id))
          .orderBy(asc(organizations.nameNorm), asc(users.name))
      ).map((p) => ({ ...p, organizationName: displayName(p.organizationName) }))
    : null;

  const terms = (await ctx.db.select().from(networkTerms).where(eq(networkTerms.networkId, network.id)).orderBy(asc(networkTerms.startsOn))).map((t) => describeTerm(t, day));
  const candidacies =
    unit && governancePolicy.seeUnitCandidacies(actor, facts)
      ? await selectCandidacies(ctx.db, and(eq(networkCandidacies.bodyId, body.id), gt(networkTerms.startsOn, day)), locale)
      : null;

  // The viewer's organization: the one they act for.
  const orgId = actor.actingOrganizationId && actor.memberships.has(actor.actingOrganizationId) ? actor.actingOrganizationId : null;
  const [org] = orgId
    ? (await ctx.db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name }).from(organizations).where(eq(organizations.id, orgId))).map((o) => ({
        ...o,
        name: displayName(o.name),
      }))
    : [];
  const [membership] = org
    ? await ctx.db
        .select({ status: networkMemberships.status })
        .from(networkMemberships)
        .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.organizationId, org.id)))
    : [];
  // Hosted or external: the organization's own membership (an external one is recorded as active).
  const activeMember = membership?.status === "active";
  const admitted = !!membership && !["applicant", "declined"].includes(membership.status);
  const openMembership = org ? currentRows.find((r) => r.organizationId === org.id && r.role === "member" && (r.endsOn === null || r.endsOn > day)) : undefined;
  // Taking part: any role held there today (a coordination as much as a membership).
  const participates = !!org && participating.includes(org.id);
  /** The roles the viewer's organization holds there today, coordination first (a membership left today no longer counts). */
  const ownRoles: RoleKind[] = org
    ? [...new Set(currentRows.filter((r) => r.organizationId === org.id && (r.role !== "member" || r.endsOn === null || r.endsOn > day)).map((r) => r.role))].sort(
        (a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b),
      )
    : [];
  const holdsOtherRole = ownRoles.some((r) => r !== "member");
  const focal = !!org && governancePolicy.joinUnit(actor, org.id);
  const inTeam = !!org && !!team?.some((p) => p.userId === actor.userId && p.organizationId === org.id);
  const ownTeamIds = new Set((team ?? []).filter((p) => p.organizationId === org?.id).map((p) => p.userId));
  const teamCandidates =
    org && focal && participates && activeMember
      ? await ctx.db
          .select({ userId: users.id, name: users.name })
          .from(organizationMembers)
          .innerJoin(users, eq(users.id, organizationMembers.userId))
          .where(eq(organizationMembers.organizationId, org.id))
          .orderBy(asc(users.name))
          .then((rows) => rows.filter((r) => !ownTeamIds.has(r.userId)))
      : [];
  const ownCandidacies = org && unit ? await selectCandidacies(ctx.db, and(eq(networkCandidacies.bodyId, body.id), eq(networkCandidacies.organizationId, org.id)), locale) : [];
  const canManage = governancePolicy.manage(actor, facts);
  // Roles: a hosted network's secretariat (or an administrator) records anyone's; in an external
  // network an organization's focal point records and ends its own.
  const writeAny = governancePolicy.writeAnyRole(actor, facts);
  const writeOwn = !!org && !network.hosted && admitted && governancePolicy.writeRole(actor, facts, org.id);
  // The organizations a role may be recorded for, each with its province and country so that
  // cities of the same name (San Antonio, Salto, San Juan…) can be told apart.
  const members = (
    writeAny || writeOwn
      ? await ctx.db
          .select({ slug: organizations.slug, name: organizations.name, status: networkMemberships.status, admin1Name: cities.admin1Name, countryName: countries.name })
          .from(networkMemberships)
          .innerJoin(organizations, eq(organizations.id, networkMemberships.organizationId))
          .innerJoin(countries, eq(countries.code, organizations.countryCode))
          .leftJoin(cities, eq(cities.id, organizations.cityId))
          .where(
            and(
              eq(networkMemberships.networkId, network.id),
              notInArray(networkMemberships.status, ["applicant", "declined"]),
              writeAny ? undefined : eq(organizations.id, org!.id),
            ),
          )
          .orderBy(asc(organizations.nameNorm), asc(cities.admin1Name))
      : []
  ).map((m) => ({ slug: m.slug, name: displayName(m.name), status: m.status, place: placeOf(m.admin1Name, localizedText(m.countryName, locale, "en")) }));

  const name = localize(body.names, locale, body.nameLanguage);
  const order = byRoleThenName(locale);
  const upcoming = roles.filter((r) => r.holding === "upcoming").sort((a, b) => a.startsOn.localeCompare(b.startsOn) || order(a, b));
  const past = roles.filter((r) => r.holding === "past").sort((a, b) => (b.endsOn ?? "").localeCompare(a.endsOn ?? "") || b.startsOn.localeCompare(a.startsOn));
  // Coordinators first, then sub-coordinators, then members, each by name (as on the network's page).
  const current = roles.filter((r) => r.holding === "current").sort(order);
  // A unit's members: organizations taking part only as members (one that also coordinates is listed as such).
  const coordinating = new Set(current.filter((r) => r.role !== "member").map((r) => r.organization.slug));
  const participants = unit ? current.filter((r) => r.role === "member" && !coordinating.has(r.organization.slug)) : [];
  // Candidacies still alive (submitted or approved) for a term: no second one is offered for it.
  const liveCandidacies = ownCandidacies.filter((c) => c.status === "submitted" || c.status === "approved");
  const mayApply = unit && body.active && focal && activeMember && governancePolicy.submitCandidacy(actor, facts, org!.id);
  return {
    network: { slug: network.slug, name: networkName(network, locale), hosted: network.hosted },
    body: {
      slug: body.slug,
      kind: body.kind,
      name: name?.text ?? body.slug,
      nameLanguage: name?.language ?? locale,
      names: body.names,
      originalLanguage: body.nameLanguage,
      description: localize(body.description, locale, body.nameLanguage) ?? null,
      descriptions: body.description,
      themes: themeRows.map((t) => ({ id: t.id, name: localizedText(t.name, locale, "en") })),
      themeIds: body.themeIds,
      regionCodes: body.regionCodes,
      active: body.active,
      position: body.position,
      roleKinds: rolesOfBody[body.kind],
      unit,
    },
    seats,
    current: unit ? current.filter((r) => r.role !== "member") : current,
    participants,
    upcoming,
    history: asHistory(past),
    team: team ? byOrganization(team) : null,
    terms,
    candidacies,
    members,
    viewer: {
      canManage,
      /** The form to record a role (for the organizations in `members`). */
      canAssign: writeAny || writeOwn,
      canEndAnyRole: writeAny,
      /** Ends the roles of the organization acted for (in an external network). */
      canEndOwnRoles: writeOwn,
      /** Gives a role's source link. */
      canDocument: governancePolicy.documentRole(actor, facts),
      canEditDescription: governancePolicy.editDescription(actor, facts, body),
      coordinates: governancePolicy.coordinate(actor, body),
      organization: org ? { ...org, activeMember, participates, roles: ownRoles, focalPoint: focal } : null,
      /** Not to an organization already taking part (a coordinator takes part without a member role). */
      canJoinUnit: unit && body.active && focal && activeMember && !participates,
      /** Ends a membership; a coordination is ended by whoever records roles, not by leaving. */
      canLeaveUnit: unit && focal && !!openMembership && !holdsOtherRole,
      inTeam,
      canJoinTeam: unit && !!org && participates && activeMember && !inTeam && governancePolicy.manageTeam(actor, org.id, actor.userId ?? ""),
      canLeaveTeam: inTeam,
      canManageTeam: unit && focal && participates && activeMember,
      teamCandidates,
      /** Terms the organization may apply for: open to candidacies, without a live candidacy of its own for this unit. */
      openTerms: mayApply ? terms.filter((t) => t.windowOpen && !liveCandidacies.some((c) => c.term.id === t.id)) : [],
      /** Its live candidacies for terms open to candidacies: told instead of offering a second application. */
      liveCandidacies: mayApply ? liveCandidacies.filter((c) => terms.some((t) => t.id === c.term.id && t.windowOpen)) : [],
      ownCandidacies,
    },
  };
}

export type BodyDetail = Awaited<ReturnType<typeof getBody>>;

function byOrganization<T extends { organizationSlug: string; organizationName: string; userId: string; name: string; position: string | null }>(team: T[]) {
  const groups = new Map<string, T[]>();
  for (const p of team) groups.set(p.organizationSlug, [...(groups.get(p.organizationSlug) ?? []), p]);
  return [...groups.values()].map((people) => ({
    organization: { slug: people[0]!.organizationSlug, name: people[0]!.organizationName },
    people: people.map((p) => ({ userId: p.userId, name: p.name, position: p.position })),
  }));
}

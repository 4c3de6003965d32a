// Authorization matrix rows of the governance area: every page route and API operation it adds.
// Each world gets a hosted network run by the demo secretariat (so `secretariat` keeps it) with
// the world's organization as an active member that takes part in a unit ("unit", the member
// in its technical team), coordinates another ("coordinated": its focal point coordinates it),
// holds a council seat, and has a submitted candidacy to coordinate "unit" next term; a third
// unit ("open") it does not take part in. And an external network recorded by the demo
// secretariat's organization (so `secretariat`, its focal point, is the keeper) where the world's
// organization has recorded its membership and a coordination of a unit ("ext-unit"): there
// roles are the organization's own, not the keeper's to write.
import { eq } from "drizzle-orm";
import { addDays, today } from "../../modules/governance/dates.ts";
import { networkBodyParticipants, networkBodySeats, networkCandidacies, networkRoles } from "../../modules/governance/schema.ts";
import { aBody, aMembership, aTerm } from "../../modules/governance/testing.ts";
import { networks } from "../../modules/networks/schema.ts";
import { organizations } from "../../modules/organizations/schema.ts";
import { everyone, type Expect, type MatrixArea, p, signedIn, type World } from "./support.ts";

const g = (w: World) => w.areas.governance!;

/** The network's keepers (its secretariat) and administrators; everyone else signed in is refused (bodies are public). */
const keepers = (status: number, anonymous = 302): Expect => ({ anonymous, member: 403, outsider: 403, focalPoint: 403, secretariat: status, admin: status });
/** The world organization's focal point acts for it; nobody else may. */
const focalOnly = (status: number, anonymous = 302): Expect => ({ anonymous, member: 403, outsider: 403, focalPoint: status, secretariat: 403, admin: 403 });
/** In an external network: the organization's own focal point, or an administrator — not the keeper (`secretariat` here). */
const ownRole = (status: number, anonymous = 302): Expect => ({ anonymous, member: 403, outsider: 403, focalPoint: status, secretariat: 403, admin: status });
/** A person for themselves (the member) or the organization's focal point. */
const teamChangers = (status: number, anonymous = 401): Expect => ({ anonymous, member: status, outsider: 403, focalPoint: status, secretariat: 403, admin: 403 });

export const governanceArea: MatrixArea = {
  name: "governance",
  async prepare({ db, people, world }) {
    const day = today();
    const [secretariat] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "secretaria-tecnica-mercociudades"));
    const [network] = await db
      .insert(networks)
      .values({ slug: `matrix-governance-${world.n}`, name: `Matrix governance ${world.n}`, kind: "regional", secretariatOrganizationId: secretariat!.id })
      .returning({ id: networks.id, slug: networks.slug });
    const networkId = network!.id;
    await aMembership(db, networkId, world.organizationId, "active");
    const unit = await aBody(db, networkId, { slug: "unit", names: { es: "Cultura", pt: "Cultura", en: "Culture" } });
    await aBody(db, networkId, { slug: "open", names: { es: "Turismo", pt: "Turismo", en: "Tourism" } });
    const coordinated = await aBody(db, networkId, { slug: "coordinated", names: { es: "Juventudes", pt: "Juventudes", en: "Youth" } });
    const council = await aBody(db, networkId, { slug: "council", kind: "council", names: { es: "Consejo", pt: "Conselho", en: "Council" } });
    await db.insert(networkBodySeats).values({ bodyId: council.id, countryCode: "UY", seats: 5 });
    const term = await aTerm(db, networkId, { label: "Next" });
    const base = { networkId, organizationId: world.organizationId };
    await db.insert(networkRoles).values([
      { ...base, bodyId: unit.id, role: "member", startsOn: addDays(day, -30) },
      { ...base, bodyId: coordinated.id, role: "coordinator", startsOn: addDays(day, -30) },
    ]);
    const [seat] = await db
      .insert(networkRoles)
      .values({ ...base, bodyId: council.id, role: "council_member", startsOn: addDays(day, -30), seatCountryCode: "UY" })
      .returning({ id: networkRoles.id });
    await db.insert(networkBodyParticipants).values({ bodyId: unit.id, organizationId: world.organizationId, userId: people.member });
    const [candidacy] = await db
      .insert(networkCandidacies)
      .values({ ...base, bodyId: unit.id, termId: term.id, role: "coordinator", statement: "The matrix applies to coordinate the unit." })
      .returning({ id: networkCandidacies.id });
    const [external] = await db
      .insert(networks)
      .values({ slug: `matrix-governance-ext-${world.n}`, name: `Matrix external ${world.n}`, kind: "global", hosted: false, recordedByOrganizationId: secretariat!.id })
      .returning({ id: networks.id, slug: networks.slug });
    await aMembership(db, external!.id, secretariat!.id, "active");
    await aMembership(db, external!.id, world.organizationId, "active");
    const extUnit = await aBody(db, external!.id, { slug: "ext-unit", names: { es: "Clima", pt: "Clima", en: "Climate" } });
    const [extRole] = await db
      .insert(networkRoles)
      .values({ networkId: external!.id, organizationId: world.organizationId, bodyId: extUnit.id, role: "coordinator", startsOn: addDays(day, -30) })
      .returning({ id: networkRoles.id });
    return {
      network: network!.slug,
      termId: term.id,
      roleId: seat!.id,
      candidacyId: candidacy!.id,
      memberUserId: people.member,
      external: external!.slug,
      externalRoleId: extRole!.id,
    };
  },
  pageRows: {
    "routes/network-bodies": [
      { method: "GET", path: (w) => p(`/networks/${g(w).network}/bodies`), expect: everyone(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${g(w).network}/bodies`),
        body: (w) => ({ kind: "commission", name: `Matrix commission ${w.n}`, nameLanguage: "en" }),
        expect: keepers(302),
      },
    ],
    "routes/network-body": [
      { method: "GET", path: (w) => p(`/networks/${g(w).network}/bodies/unit`), expect: everyone(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${g(w).network}/bodies/open`),
        body: (w) => ({ intent: "assign", organization: w.slug, role: "coordinator", startsOn: today() }),
        expect: keepers(302),
      },
      { method: "POST", path: (w) => p(`/networks/${g(w).network}/bodies/open`), body: (w) => ({ intent: "join", organization: w.slug }), expect: focalOnly(302) },
      {
        method: "POST",
        path: (w) => p(`/networks/${g(w).network}/bodies/coordinated`),
        body: () => ({ intent: "edit", scope: "description", language: "en", description: "Edited from the matrix." }),
        // The focal point's organization coordinates this unit.
        expect: { ...keepers(302), focalPoint: 302 },
      },
      {
        method: "POST",
        path: (w) => p(`/networks/${g(w).external}/bodies/ext-unit`),
        body: (w) => ({ intent: "assign", organization: w.slug, role: "member", startsOn: today() }),
        expect: ownRole(302),
      },
      {
        method: "POST",
        path: (w) => p(`/networks/${g(w).external}/bodies/ext-unit`),
        body: (w) => ({ intent: "end", roleId: g(w).externalRoleId!, endsOn: today() }),
        expect: ownRole(302),
      },
    ],
    "routes/network-terms": [
      { method: "GET", path: (w) => p(`/networks/${g(w).network}/terms`), expect: everyone(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${g(w).network}/terms`),
        body: () => ({ intent: "create", label: "2090", startsOn: "2090-01-01", endsOn: "2090-12-31" }),
        expect: keepers(302),
      },
    ],
    "routes/network-candidacies": [
      { method: "GET", path: (w) => p(`/networks/${g(w).network}/candidacies`), expect: signedIn(200) },
      {
        method: "POST",
        path: (w) => p(`/networks/${g(w).network}/candidacies`),
        body: (w) => ({ intent: "decide", candidacyId: g(w).candidacyId!, decision: "approve", decidingBody: "assembly", reference: "Matrix assembly" }),
        // The candidate organization's people see it but do not decide; others are not told it exists.
        expect: { anonymous: 302, member: 403, outsider: 404, focalPoint: 403, secretariat: 302, admin: 302 },
      },
    ],
  },
  apiRows: {
    "GET /networks/:slug/bodies": { method: "GET", path: (w) => `/networks/${g(w).network}/bodies`, expect: everyone(200) },
    "POST /networks/:slug/bodies": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/bodies`,
      body: (w) => ({ kind: "commission", name: `Matrix API commission ${w.n}`, nameLanguage: "en" }),
      expect: keepers(201, 401),
    },
    "GET /networks/:slug/bodies/:bodySlug": { method: "GET", path: (w) => `/networks/${g(w).network}/bodies/unit`, expect: everyone(200) },
    "PATCH /networks/:slug/bodies/:bodySlug": {
      method: "PATCH",
      path: (w) => `/networks/${g(w).network}/bodies/coordinated`,
      body: () => ({ language: "pt", description: "Editado pela matriz." }),
      expect: { ...keepers(200, 401), focalPoint: 200 },
    },
    "PUT /networks/:slug/bodies/:bodySlug/seats": {
      method: "PUT",
      path: (w) => `/networks/${g(w).network}/bodies/council/seats`,
      body: () => ({ seats: [{ countryCode: "UY", seats: 4 }, { countryCode: "AR", seats: 4 }] }) as never,
      expect: keepers(204, 401),
    },
    "GET /networks/:slug/terms": { method: "GET", path: (w) => `/networks/${g(w).network}/terms`, expect: everyone(200) },
    "POST /networks/:slug/terms": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/terms`,
      body: () => ({ label: "2091", startsOn: "2091-01-01", endsOn: "2091-12-31" }),
      expect: keepers(201, 401),
    },
    "PATCH /networks/:slug/terms/:termId": {
      method: "PATCH",
      path: (w) => `/networks/${g(w).network}/terms/${g(w).termId}`,
      body: () => ({ label: "Next, renamed" }),
      expect: keepers(204, 401),
    },
    "GET /networks/:slug/roles": { method: "GET", path: (w) => `/networks/${g(w).network}/roles?when=current`, expect: everyone(200) },
    "POST /networks/:slug/roles": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/roles`,
      body: (w) => ({ body: "open", organization: w.slug, role: "member", startsOn: today() }),
      expect: keepers(201, 401),
    },
    "POST /networks/:slug/roles/:roleId/end": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/roles/${g(w).roleId}/end`,
      body: () => ({ endsOn: today() }),
      expect: keepers(204, 401),
    },
    "GET /networks/:slug/candidacies": { method: "GET", path: (w) => `/networks/${g(w).network}/candidacies`, expect: signedIn(200, 401) },
    "POST /networks/:slug/candidacies": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/candidacies`,
      body: (w) => ({ body: "open", term: g(w).termId!, role: "coordinator", statement: "The matrix applies to coordinate this unit too.", organization: w.slug }),
      expect: focalOnly(201, 401),
    },
    "POST /networks/:slug/candidacies/:id/decision": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/candidacies/${g(w).candidacyId}/decision`,
      body: () => ({ decision: "approve", decidingBody: "assembly", reference: "Matrix assembly" }),
      expect: { anonymous: 401, member: 403, outsider: 404, focalPoint: 403, secretariat: 200, admin: 200 },
    },
    "POST /networks/:slug/candidacies/:id/withdrawal": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/candidacies/${g(w).candidacyId}/withdrawal`,
      expect: { anonymous: 401, member: 403, outsider: 404, focalPoint: 204, secretariat: 403, admin: 403 },
    },
    "POST /networks/:slug/bodies/:bodySlug/participation": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/bodies/open/participation`,
      body: (w) => ({ organization: w.slug }),
      // 200 with whether it joined (or already took part).
      expect: focalOnly(200, 401),
    },
    "DELETE /networks/:slug/bodies/:bodySlug/participation": {
      method: "DELETE",
      path: (w) => `/networks/${g(w).network}/bodies/unit/participation`,
      body: (w) => ({ organization: w.slug }),
      expect: focalOnly(204, 401),
    },
    "POST /networks/:slug/bodies/:bodySlug/team/:userId": {
      method: "POST",
      path: (w) => `/networks/${g(w).network}/bodies/coordinated/team/${w.memberId}`,
      expect: { anonymous: 401, member: 403, outsider: 403, focalPoint: 204, secretariat: 403, admin: 403 },
    },
    "DELETE /networks/:slug/bodies/:bodySlug/team/:userId": {
      method: "DELETE",
      path: (w) => `/networks/${g(w).network}/bodies/unit/team/${g(w).memberUserId}`,
      expect: teamChangers(204),
    },
  },
};

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/client.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { AppError } from "../../platform/errors.ts";
import { anonymousActor, loadActor } from "../organizations/actor.ts";
import { addMember, createPerson } from "../organizations/factories.ts";
import { addBody, addMembership, addRole, addTerm, createCityGovernment, createOtherOrganization, createTestNetwork, daysFromToday } from "../portfolio/testing.ts";
import { getNetwork } from "./get-network.ts";
import { getNetworkMap } from "./get-network-map.ts";
import { citiesPerCountry, countNetworkFigures, getNetworkFigures, listMembersByCountry, roughly } from "./get-network-figures.ts";
import { mapSize, renderNetworkMap } from "./network-map.ts";

let handle: DatabaseHandle;
let ctx: { db: DatabaseHandle["db"] };
beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db };
});
afterAll(() => handle?.close());

describe("a network's live figures", () => {
  it("counts active member cities, countries of active members, their population and active thematic units", async () => {
    const network = await createTestNetwork(ctx.db);
    const mx = await createCityGovernment(ctx.db, "MX");
    const ar = await createCityGovernment(ctx.db, "AR");
    const ar2 = await createCityGovernment(ctx.db, "AR");
    const inactive = await createCityGovernment(ctx.db, "BR");
    const withdrawn = await createCityGovernment(ctx.db, "PE");
    const university = await createOtherOrganization(ctx.db, "university", "CL");
    const applicant = await createOtherOrganization(ctx.db, "civil_society", "CO");
    await addMembership(ctx.db, network.id, mx.id, { founding: true, since: "1995-11-11" });
    await addMembership(ctx.db, network.id, ar.id);
    await addMembership(ctx.db, network.id, ar2.id);
    await addMembership(ctx.db, network.id, inactive.id, { status: "inactive" });
    await addMembership(ctx.db, network.id, withdrawn.id, { status: "withdrawn" });
    await addMembership(ctx.db, network.id, university.id);
    await addMembership(ctx.db, network.id, applicant.id, { status: "applicant" });
    await addBody(ctx.db, network.id, { slug: "cultura", kind: "thematic_unit", names: { es: "Cultura" } });
    await addBody(ctx.db, network.id, { slug: "genero", kind: "thematic_unit", names: { es: "Género" } });
    await addBody(ctx.db, network.id, { slug: "turismo", kind: "thematic_unit", names: { es: "Turismo" }, active: false });
    await addBody(ctx.db, network.id, { slug: "frontera", kind: "working_group", names: { es: "Integración fronteriza" } });

    expect(await countNetworkFigures(ctx, network.id)).toEqual({
      memberCities: 3,
      countries: 3, // MX, AR and the university's CL
      population: mx.population + ar.population + ar2.population,
      thematicUnits: 2,
    });

    const sheet = await getNetworkFigures(ctx, anonymousActor, network.slug, "pt");
    expect(sheet.membersByCountry).toEqual([
      { countryCode: "AR", countryName: "Argentina", members: 2 },
      { countryCode: "MX", countryName: "México", members: 1 },
    ]);
    expect(sheet.points.map((p) => p.organizationSlug).sort()).toEqual([mx.slug, ar.slug, ar2.slug].sort());
    expect(sheet.points.every((p) => Math.abs(p.latitude) > 0 && Math.abs(p.longitude) > 0)).toBe(true);
  });

  it("is all zeros for a network without members", async () => {
    const network = await createTestNetwork(ctx.db);
    expect(await countNetworkFigures(ctx, network.id)).toEqual({ memberCities: 0, countries: 0, population: 0, thematicUnits: 0 });
    const page = await getNetwork(ctx, network.slug, "en");
    expect(page.membersByCountry).toEqual([]);
    expect(page.presidency).toBeNull();
  });

  it("rounds figures down for a sentence", () => {
    expect(roughly(437)).toEqual({ value: 400, moreThan: true });
    expect(roughly(123_456_789)).toEqual({ value: 120_000_000, moreThan: true });
    expect(roughly(12)).toEqual({ value: 12, moreThan: false });
    expect(roughly(400)).toEqual({ value: 400, moreThan: false });
    expect(roughly(2_650_000)).toEqual({ value: 2_600_000, moreThan: true });
  });

  it("answers not found for an unknown network", async () => {
    await expect(getNetworkFigures(ctx, anonymousActor, "no-such-network", "es")).rejects.toBeInstanceOf(AppError);
    await expect(getNetwork(ctx, "no-such-network", "es")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a network's public page", () => {
  it("shows bodies with their current holders, the presidency and its term, and founding members with sources", async () => {
    const network = await createTestNetwork(ctx.db, { acronyms: { es: "RdP" } });
    const president = await createCityGovernment(ctx.db, "MX");
    const coordinator = await createCityGovernment(ctx.db, "BR");
    const former = await createCityGovernment(ctx.db, "CO");
    for (const org of [president, coordinator, former]) await addMembership(ctx.db, network.id, org.id, { founding: org === president, sourceUrl: org === president ? "https://example.org/acta" : undefined });
    const presidency = await addBody(ctx.db, network.id, { slug: "presidencia", kind: "presidency", names: { es: "Presidencia", en: "Presidency" }, position: 0 });
    const culture = await addBody(ctx.db, network.id, { slug: "cultura", kind: "thematic_unit", names: { es: "Cultura" }, position: 1 });
    const term = await addTerm(ctx.db, network.id, { label: "2025–2026", startsOn: daysFromToday(-200), endsOn: daysFromToday(165) });
    await addRole(ctx.db, { networkId: network.id, bodyId: presidency, organizationId: president.id, role: "president", startsOn: daysFromToday(-200), endsOn: daysFromToday(165), termId: term, sourceUrl: "https://example.org/presidencia" });
    await addRole(ctx.db, { networkId: network.id, bodyId: presidency, organizationId: former.id, role: "president", startsOn: "2020-01-01", endsOn: "2021-12-31" });
    await addRole(ctx.db, { networkId: network.id, bodyId: culture, organizationId: coordinator.id, role: "coordinator", startsOn: daysFromToday(-10) });
    await addRole(ctx.db, { networkId: network.id, bodyId: culture, organizationId: former.id, role: "member", startsOn: daysFromToday(-10) });
    await addRole(ctx.db, { networkId: network.id, bodyId: culture, organizationId: president.id, role: "sub_coordinator", startsOn: daysFromToday(5) });

    const page = await getNetwork(ctx, network.slug, "en");
    expect(page).toMatchObject({ acronym: "RdP", hosted: true, kind: "regional" });
    expect(page.description).toEqual({ text: "Una red de prueba.", language: "es", fallback: true });
    expect(page.presidency).toMatchObject({ role: "president", organization: { slug: president.slug }, termLabel: "2025–2026", endsOn: daysFromToday(165), sourceUrl: "https://example.org/presidencia" });
    const unit = page.bodies.find((b) => b.slug === "cultura")!;
    expect(unit.name).toEqual({ text: "Cultura", language: "es", fallback: true });
    // Current holders only: the sub-coordination has not started, the plain member is counted.
    expect(unit.holders.map((h) => [h.role, h.organization.slug])).toEqual([["coordinator", coordinator.slug]]);
    expect(unit.memberCount).toBe(1);
    expect(page.bodies.find((b) => b.slug === "presidencia")!.holders).toHaveLength(1);
    expect(page.foundingMembers).toEqual([expect.objectContaining({ slug: president.slug, sourceUrl: "https://example.org/acta", countryName: "Mexico" })]);
    expect(page.figures.memberCities).toBe(3);
    expect(page.membersByCountry.map((g) => g.countryCode).sort()).toEqual(["BR", "CO", "MX"]);
    expect(page.recorded).toBeNull();
    expect(page.viewer).toEqual({ canEdit: false, canApply: true, canSeeMembership: false, standing: null });
  });

  it("lists coordinators before sub-coordinators before members, and the members of bodies other than thematic spaces as holders", async () => {
    const network = await createTestNetwork(ctx.db);
    const [a, b, c, d] = [await createCityGovernment(ctx.db, "BR"), await createCityGovernment(ctx.db, "BR"), await createCityGovernment(ctx.db, "MX"), await createCityGovernment(ctx.db, "MX")];
    for (const org of [a, b, c, d]) await addMembership(ctx.db, network.id, org.id);
    const direction = await addBody(ctx.db, network.id, { slug: "direccion", kind: "executive_direction", names: { es: "Dirección Ejecutiva" } });
    const unit = await addBody(ctx.db, network.id, { slug: "genero", kind: "thematic_unit", names: { es: "Género" } });
    const empty = await addBody(ctx.db, network.id, { slug: "deportes", kind: "thematic_unit", names: { es: "Deportes" } });
    // Entered out of order: members first, the coordinator last.
    for (const org of [d, c, b]) await addRole(ctx.db, { networkId: network.id, bodyId: direction, organizationId: org.id, role: "member", startsOn: daysFromToday(-5) });
    await addRole(ctx.db, { networkId: network.id, bodyId: unit, organizationId: d.id, role: "member", startsOn: daysFromToday(-5) });
    await addRole(ctx.db, { networkId: network.id, bodyId: unit, organizationId: c.id, role: "sub_coordinator", startsOn: daysFromToday(-5) });
    await addRole(ctx.db, { networkId: network.id, bodyId: unit, organizationId: a.id, role: "sub_coordinator", startsOn: daysFromToday(-5) });
    await addRole(ctx.db, { networkId: network.id, bodyId: unit, organizationId: b.id, role: "coordinator", startsOn: daysFromToday(-5) });
    // The coordinator is also recorded as a member: counted once, as the holder.
    await addRole(ctx.db, { networkId: network.id, bodyId: unit, organizationId: b.id, role: "member", startsOn: daysFromToday(-5) });
    await addRole(ctx.db, { networkId: network.id, bodyId: empty, organizationId: a.id, role: "member", startsOn: daysFromToday(-5) });

    const page = await getNetwork(ctx, network.slug, "es");
    const body = (slug: string) => page.bodies.find((x) => x.slug === slug)!;
    // The executive direction's members are its holders (as on the bodies page), not "no holder · 3 members".
    expect(body("direccion").holders.map((h) => [h.role, h.organization.slug])).toEqual([b, c, d].map((o) => ["member", o.slug]).sort((x, y) => x[1]!.localeCompare(y[1]!)));
    expect(body("direccion").memberCount).toBe(0);
    const sortedSubs = [a, c].sort((x, y) => new Intl.Collator("es").compare(x.name, y.name));
    expect(body("genero").holders.map((h) => [h.role, h.organization.slug])).toEqual([
      ["coordinator", b.slug],
      ...sortedSubs.map((o) => ["sub_coordinator", o.slug]),
    ]);
    expect(body("genero").memberCount).toBe(1);
    expect(body("deportes")).toMatchObject({ holders: [], memberCount: 1 });
  });

  it("tells the viewer's organization where it stands instead of offering to apply", async () => {
    const secretariat = await createOtherOrganization(ctx.db, "civil_society", "UY");
    const network = await createTestNetwork(ctx.db, { secretariatOrganizationId: secretariat.id });
    const member = await createCityGovernment(ctx.db, "CO");
    const applicant = await createCityGovernment(ctx.db, "CO");
    const declined = await createCityGovernment(ctx.db, "CO");
    const suspended = await createCityGovernment(ctx.db, "CO");
    const memberId = await addMembership(ctx.db, network.id, member.id, { since: "2019-03-01" });
    const applicationId = await addMembership(ctx.db, network.id, applicant.id, { status: "applicant" });
    await addMembership(ctx.db, network.id, declined.id, { status: "declined" });
    const suspendedId = await addMembership(ctx.db, network.id, suspended.id, { status: "suspended" });
    let n = 0;
    const viewerOf = async (organizationId: string) => {
      const user = await createPerson(ctx.db, { name: `Persona ${++n}`, email: `standing${n}@test.example`, password: "not used here" });
      await addMember(ctx.db, organizationId, user, "staff");
      return (await getNetwork(ctx, network.slug, "en", (await loadActor(ctx, user))!)).viewer;
    };
    expect(await viewerOf(secretariat.id)).toMatchObject({ canApply: false, standing: { kind: "secretariat" } });
    expect(await viewerOf(member.id)).toMatchObject({ canApply: false, standing: { kind: "member", status: "active", since: "2019-03-01", membershipId: memberId } });
    expect(await viewerOf(suspended.id)).toMatchObject({ canApply: false, standing: { kind: "member", status: "suspended", since: null, membershipId: suspendedId } });
    expect(await viewerOf(applicant.id)).toMatchObject({ canApply: false, standing: { kind: "applicant", membershipId: applicationId } });
    // Declined (or withdrawn): it may apply again.
    expect(await viewerOf(declined.id)).toMatchObject({ canApply: true, standing: null });
    expect((await getNetwork(ctx, network.slug, "en")).viewer).toMatchObject({ canApply: true, standing: null });
  });

  it("shows an external network's recorded members and roles, past ones too", async () => {
    const city = await createCityGovernment(ctx.db, "AR");
    const network = await createTestNetwork(ctx.db, { kind: "global", hosted: false, recordedByOrganizationId: city.id });
    await addMembership(ctx.db, network.id, city.id, { since: "2004-05-01", sourceUrl: "https://example.org/members" });
    const board = await addBody(ctx.db, network.id, { slug: "consejo-mundial", kind: "council", names: { en: "World Council" } });
    await addRole(ctx.db, { networkId: network.id, bodyId: board, organizationId: city.id, role: "member", startsOn: "2016-01-01", endsOn: "2019-12-31" });
    await addRole(ctx.db, { networkId: network.id, bodyId: board, organizationId: city.id, role: "council_member", startsOn: "2016-01-01", endsOn: "2019-12-31" });
    const page = await getNetwork(ctx, network.slug, "es");
    expect(page.hosted).toBe(false);
    expect(page.recordedBy).toEqual({ slug: city.slug, name: city.name });
    expect(page.recorded!.members).toEqual([{ slug: city.slug, name: city.name, status: "active", since: "2004-05-01", sourceUrl: "https://example.org/members" }]);
    // On one date, by role: the council seat before the plain membership.
    expect(page.recorded!.roles).toEqual([
      expect.objectContaining({ role: "council_member", endsOn: "2019-12-31", bodySlug: "consejo-mundial" }),
      expect.objectContaining({ role: "member", bodySlug: "consejo-mundial" }),
    ]);
    expect(page.viewer.canApply).toBe(false);
    expect(page.map).toBeNull();
    await expect(getNetworkMap(ctx, anonymousActor, network.slug, "es")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the page's member cities by country and its map", () => {
  it("lists the same number of cities in every country, as many as fit in the total, at least one", () => {
    expect(citiesPerCountry([100, 100, 1], 60, 50)).toBe(24);
    expect(citiesPerCountry([100, 100, 1], 60, 500)).toBe(60);
    expect(citiesPerCountry([3, 2], 60, 500)).toBe(60);
    expect(citiesPerCountry(Array(169).fill(30), 60, 500)).toBe(2);
    expect(citiesPerCountry(Array(900).fill(30), 60, 500)).toBe(1);
  });

  it("counts every member city per country, lists the most populous few, and sizes the map as drawn", async () => {
    const network = await createTestNetwork(ctx.db);
    const br = [];
    for (let i = 0; i < 4; i++) br.push(await createCityGovernment(ctx.db, "BR", i));
    const ec = await createCityGovernment(ctx.db, "MX");
    const gone = await createCityGovernment(ctx.db, "CO");
    for (const org of [...br, ec]) await addMembership(ctx.db, network.id, org.id);
    await addMembership(ctx.db, network.id, gone.id, { status: "withdrawn" });

    const { countries, box } = await listMembersByCountry(ctx, network.id, "pt", 2);
    expect(countries.map((c) => [c.countryCode, c.countryName, c.members, c.cities.length])).toEqual([
      ["BR", "Brasil", 4, 2],
      ["MX", "México", 1, 1],
    ]);
    // The two most populous Brazilian cities, in name order.
    const biggest = [...br].sort((a, b) => b.population - a.population).slice(0, 2).map((o) => o.slug);
    expect(countries[0]!.cities.map((c) => c.slug).sort()).toEqual(biggest.sort());
    const names = countries[0]!.cities.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("pt").compare));
    // About `total` in all: the same number in each country (here 2 + 1), the most populous ones.
    const few = await listMembersByCountry(ctx, network.id, "pt", 60, 3);
    expect(few.countries.map((c) => [c.countryCode, c.members, c.cities.length])).toEqual([
      ["BR", 4, 2],
      ["MX", 1, 1],
    ]);
    expect(few.countries[0]!.cities.map((c) => c.slug).sort()).toEqual(biggest.sort());

    const map = await getNetworkMap(ctx, anonymousActor, network.slug, "pt");
    expect(map).toMatchObject({ memberCities: 5, countries: 2 });
    expect(map.points).toHaveLength(5);
    // The page's <img> gets the size of the drawing the map route serves.
    const svg = renderNetworkMap(map.points, { title: "t", description: "d" });
    const { width, height } = mapSize(box);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    const page = await getNetwork(ctx, network.slug, "pt");
    expect(page.map).toEqual({ width, height });
    expect(page.membersByCountry.map((c) => c.cities.length)).toEqual([4, 1]);

    const none = await createTestNetwork(ctx.db);
    expect(await listMembersByCountry(ctx, none.id, "es", 60)).toEqual({ countries: [], box: null });
    expect((await getNetwork(ctx, none.slug, "es")).map).toBeNull();
    expect((await getNetworkMap(ctx, anonymousActor, none.slug, "es")).points).toEqual([]);
  });
});

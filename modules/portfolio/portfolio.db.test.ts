import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiV1 } from "../../server/api/v1.ts";
import { createAuth } from "../../platform/auth.ts";
import { loadConfig } from "../../platform/config.ts";
import type { AppServices } from "../../platform/context.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { AppError } from "../../platform/errors.ts";
import { createLogger } from "../../platform/log.ts";
import { createToken } from "../accounts/create-token.ts";
import { users } from "../accounts/schema.ts";
import { networkBodyParticipants, networkCandidacies, networkRoles } from "../governance/schema.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { type Actor, anonymousActor, loadActor } from "../organizations/actor.ts";
import { addMember, createPerson } from "../organizations/factories.ts";
import { networkMemberships } from "../networks/schema.ts";
import { exportPortfolio, portfolioCsv } from "./export-portfolio.ts";
import { getPortfolio, portfolioThresholds } from "./get-portfolio.ts";
import { addBody, addMembership, addRole, addTerm, createCityGovernment, createOtherOrganization, createTestNetwork, daysFromToday } from "./testing.ts";

let services: AppServices;
let api: ReturnType<typeof createApiV1>;
beforeAll(async () => {
  const database = await createTestDatabase();
  const auth = createAuth({ db: database.db, secret: "portfolio-secret-portfolio-secret-1" });
  services = { auth, config: loadConfig({}), database, db: database.db, log: createLogger("silent") };
  api = createApiV1(services);
});
afterAll(() => services?.database.close());

let people = 0;
async function person(name: string, role: "user" | "admin" = "user") {
  const id = await createPerson(services.db, { name, email: `portfolio${++people}@test.example`, password: "not used in these tests", role });
  return { id, actor: async (): Promise<Actor> => (await loadActor(services, id))! };
}

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/**
 * A city in four networks: a regional one (member since its founding, coordinating Culture now,
 * having coordinated it before and about to again, taking part in Education with nobody there),
 * a global one inactive for 200 days, a thematic one suspended for 100, and an external global one.
 */
async function cityWithNetworks() {
  const db = services.db;
  const city = await createCityGovernment(db, "BR");
  const focal = await person("Ana Focal");
  const staff = await person("Bruno Técnico");
  const former = await person("Carla Exmiembro");
  await addMember(db, city.id, focal.id, "focal_point");
  await addMember(db, city.id, staff.id, "staff");

  const regional = await createTestNetwork(db, { name: "Red Regional de Prueba", kind: "regional" });
  await addMembership(db, regional.id, city.id, { founding: true, since: "1995-11-11", sourceUrl: "https://example.org/fundadores" });
  const culture = await addBody(db, regional.id, { slug: "cultura", kind: "thematic_unit", names: { es: "Cultura", pt: "Cultura", en: "Culture" } });
  const education = await addBody(db, regional.id, { slug: "educacion", kind: "thematic_unit", names: { es: "Educación", en: "Education" } });
  const youth = await addBody(db, regional.id, { slug: "juventudes", kind: "thematic_unit", names: { es: "Juventudes" } });
  const current = await addTerm(db, regional.id, { label: "Actual", startsOn: daysFromToday(-300), endsOn: daysFromToday(30) });
  const next = await addTerm(db, regional.id, {
    label: "Próximo",
    startsOn: daysFromToday(31),
    endsOn: daysFromToday(400),
    candidaciesOpenOn: daysFromToday(-5),
    candidaciesCloseOn: daysFromToday(10),
  });
  await addRole(db, { networkId: regional.id, bodyId: culture, organizationId: city.id, role: "coordinator", startsOn: "2022-01-01", endsOn: "2023-12-31", sourceUrl: "https://example.org/2022" });
  await addRole(db, { networkId: regional.id, bodyId: culture, organizationId: city.id, role: "coordinator", startsOn: daysFromToday(-300), endsOn: daysFromToday(30), termId: current });
  await addRole(db, { networkId: regional.id, bodyId: culture, organizationId: city.id, role: "coordinator", startsOn: daysFromToday(31), endsOn: daysFromToday(400), termId: next });
  await addRole(db, { networkId: regional.id, bodyId: education, organizationId: city.id, role: "member", startsOn: daysFromToday(-50), endsOn: daysFromToday(120) });
  await db.insert(networkBodyParticipants).values([
    { bodyId: culture, organizationId: city.id, userId: staff.id },
    // Someone who has since left the organization is not listed.
    { bodyId: culture, organizationId: city.id, userId: former.id },
  ]);
  await db.insert(networkCandidacies).values({ networkId: regional.id, bodyId: youth, termId: next, organizationId: city.id, role: "sub_coordinator", status: "submitted" });

  const global = await createTestNetwork(db, { name: "Red Global de Prueba", kind: "global" });
  await addMembership(db, global.id, city.id, { status: "inactive", statusChangedDaysAgo: portfolioThresholds.staleMembershipDays + 20 });
  // A window open in a network where the city is not active is not offered.
  await addTerm(db, global.id, { label: "Global", startsOn: daysFromToday(60), endsOn: daysFromToday(700), candidaciesOpenOn: daysFromToday(-1), candidaciesCloseOn: daysFromToday(20) });
  const thematic = await createTestNetwork(db, { name: "Red Temática de Prueba", kind: "thematic" });
  await addMembership(db, thematic.id, city.id, { status: "suspended", statusChangedDaysAgo: 100 });
  const external = await createTestNetwork(db, { name: "Alianza Externa de Prueba", kind: "global", hosted: false, recordedByOrganizationId: city.id, acronyms: { en: "AEP" } });
  await addMembership(db, external.id, city.id, { since: "2010-01-01" });
  const board = await addBody(db, external.id, { slug: "consejo", kind: "council", names: { es: "Consejo Mundial" } });
  await addRole(db, { networkId: external.id, bodyId: board, organizationId: city.id, role: "council_member", startsOn: daysFromToday(-100) });
  // A network the city was declined by does not appear.
  const declined = await createTestNetwork(db, { name: "Red que Rechazó", kind: "regional" });
  await addMembership(db, declined.id, city.id, { status: "declined" });
  return { city, focal, staff, regional, global, thematic, external };
}

let world: Awaited<ReturnType<typeof cityWithNetworks>>;
beforeAll(async () => {
  world = await cityWithNetworks();
});

describe("a city's portfolio", () => {
  it("groups its networks as regional, global and thematic, hosted and external, active ones first", async () => {
    const p = await getPortfolio(services, await world.focal.actor(), world.city.slug, "en");
    expect(p.organization).toEqual({ id: world.city.id, slug: world.city.slug, name: world.city.name });
    expect(p.groups.map((g) => [g.kind, g.networks.map((n) => n.slug)])).toEqual([
      ["regional", [world.regional.slug]],
      ["global", [world.external.slug, world.global.slug]],
      ["thematic", [world.thematic.slug]],
    ]);
    const external = p.groups[1]!.networks[0]!;
    expect(external).toMatchObject({ hosted: false, acronym: "AEP", membership: { status: "active", since: "2010-01-01" } });
    expect(external.current).toEqual([expect.objectContaining({ role: "council_member", bodyName: { text: "Consejo Mundial", language: "es", fallback: true } })]);
  });

  it("splits roles into now, before and coming, and lists the technical teams with the organization's people", async () => {
    const p = await getPortfolio(services, await world.staff.actor(), world.city.slug, "en");
    const regional = p.groups[0]!.networks[0]!;
    expect(regional.membership).toMatchObject({ status: "active", founding: true, since: "1995-11-11", sourceUrl: "https://example.org/fundadores" });
    expect(regional.current.map((r) => [r.role, r.bodySlug, r.endsOn])).toEqual([
      ["member", "educacion", daysFromToday(120)],
      ["coordinator", "cultura", daysFromToday(30)],
    ]);
    expect(regional.past).toEqual([expect.objectContaining({ role: "coordinator", bodySlug: "cultura", startsOn: "2022-01-01", endsOn: "2023-12-31", sourceUrl: "https://example.org/2022" })]);
    expect(regional.past[0]!.bodyName).toEqual({ text: "Culture", language: "en", fallback: false });
    expect(regional.upcoming).toEqual([expect.objectContaining({ role: "coordinator", startsOn: daysFromToday(31), termLabel: "Próximo" })]);
    expect(regional.units).toEqual([
      { bodySlug: "cultura", bodyName: { text: "Culture", language: "en", fallback: false }, participates: true, people: [{ userId: world.staff.id, name: "Bruno Técnico" }] },
      { bodySlug: "educacion", bodyName: { text: "Education", language: "en", fallback: false }, participates: true, people: [] },
    ]);
    expect(regional.candidacies).toEqual([expect.objectContaining({ role: "sub_coordinator", status: "submitted", bodySlug: "juventudes", termLabel: "Próximo" })]);
    expect(regional.openWindows).toEqual([{ termLabel: "Próximo", opensOn: daysFromToday(-5), closesOn: daysFromToday(10), termStartsOn: daysFromToday(31) }]);
    expect(p.groups[1]!.networks.find((n) => n.slug === world.global.slug)!.openWindows).toEqual([]);
  });

  it("alerts on roles ending within 90 days, memberships inactive for over 180 days and units without people", async () => {
    const p = await getPortfolio(services, await world.focal.actor(), world.city.slug, "es");
    expect(p.alerts.map((a) => [a.kind, a.network.slug])).toEqual([
      ["role_ending", world.regional.slug],
      ["membership_stale", world.global.slug],
      ["unit_without_people", world.regional.slug],
    ]);
    expect(p.alerts[0]).toMatchObject({ kind: "role_ending", days: 30, role: { bodySlug: "cultura", role: "coordinator" } });
    expect(p.alerts[1]).toMatchObject({ kind: "membership_stale", status: "inactive", days: portfolioThresholds.staleMembershipDays + 20 });
    expect(p.alerts[2]).toMatchObject({ kind: "unit_without_people", bodySlug: "educacion" });
    // The suspended membership (100 days) and the Education role (120 days left) are not alerts yet.
  });

  it("lists what is coming by date: the window closing, terms ending, roles starting, its candidacy", async () => {
    const p = await getPortfolio(services, await world.focal.actor(), world.city.slug, "en");
    expect(p.comingUp.map((i) => [i.kind, i.date])).toEqual([
      ["candidacy_window", daysFromToday(10)],
      ["role_ends", daysFromToday(30)],
      ["role_starts", daysFromToday(31)],
      ["candidacy", daysFromToday(31)],
      ["role_ends", daysFromToday(120)],
    ]);
  });

  it("lists an approved candidacy once, as the role it becomes, and a submitted one as awaiting the decision", async () => {
    const db = services.db;
    const city = await createCityGovernment(db, "AR");
    const focal = await person("Focal de candidaturas");
    await addMember(db, city.id, focal.id, "focal_point");
    const network = await createTestNetwork(db, { name: "Red de Candidaturas" });
    await addMembership(db, network.id, city.id);
    const culture = await addBody(db, network.id, { slug: "cultura", kind: "thematic_unit", names: { es: "Cultura", en: "Culture" } });
    const gender = await addBody(db, network.id, { slug: "genero", kind: "thematic_unit", names: { es: "Género", en: "Gender" } });
    const term = await addTerm(db, network.id, { label: "2026–2027", startsOn: daysFromToday(40), endsOn: daysFromToday(400) });
    const [approved] = await db
      .insert(networkCandidacies)
      .values({ networkId: network.id, bodyId: culture, termId: term, organizationId: city.id, role: "coordinator", status: "approved" })
      .returning({ id: networkCandidacies.id });
    // As decide-candidacy does: the approved candidacy becomes a role from the term's start.
    await db.insert(networkRoles).values({ networkId: network.id, bodyId: culture, organizationId: city.id, role: "coordinator", termId: term, startsOn: daysFromToday(40), endsOn: daysFromToday(400), candidacyId: approved!.id });
    await db.insert(networkCandidacies).values({ networkId: network.id, bodyId: gender, termId: term, organizationId: city.id, role: "sub_coordinator", status: "submitted" });

    const p = await getPortfolio(services, await focal.actor(), city.slug, "en");
    expect(p.comingUp.map((i) => (i.kind === "candidacy" ? [i.kind, i.candidacy.bodySlug, i.candidacy.status] : [i.kind, i.date]))).toEqual([
      ["role_starts", daysFromToday(40)],
      ["candidacy", "genero", "submitted"],
    ]);
    // Both candidacies stay listed under the network, with their status.
    expect(p.groups[0]!.networks[0]!.candidacies.map((c) => [c.bodySlug, c.status])).toEqual([
      ["cultura", "approved"],
      ["genero", "submitted"],
    ]);
    // What the page says of the submitted one: nothing "begins" for the city yet.
    const t = createTranslator("en", catalogs.en);
    expect(t("portfolio.coming.candidacy", { network: "Red de Candidaturas", role: "sub_coordinator", body: "Gender", term: "2026–2027", status: "submitted" })).toBe(
      "Red de Candidaturas: candidacy to sub-coordinate Gender for 2026–2027: awaiting the decision",
    );
  });

  it("offers the organization's focal point, not its staff, to record a network not hosted here", async () => {
    expect((await getPortfolio(services, await world.focal.actor(), world.city.slug, "en")).viewer).toEqual({ canRecordExternal: true });
    expect((await getPortfolio(services, await world.staff.actor(), world.city.slug, "en")).viewer).toEqual({ canRecordExternal: false });
  });

  it("exports one CSV row per network and membership or role, with a header, BOM and the page's language", async () => {
    const { filename, csv } = await exportPortfolio(services, await world.focal.actor(), world.city.slug, "es");
    expect(filename).toBe(`portfolio-${world.city.slug}-${daysFromToday(0)}.csv`);
    expect(csv.startsWith("\uFEFFRed,Tipo de red,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    // 4 memberships + regional: 4 roles (past, current ×2, coming) + external: 1 role.
    expect(lines).toHaveLength(1 + 4 + 4 + 1);
    expect(lines).toContain(`Red Regional de Prueba,Red regional,Alojada en Pares,Rol,Cultura,Coordinación,,2022-01-01,2023-12-31,,Anterior,,https://example.org/2022`);
    expect(lines.some((l) => l.startsWith("Red Global de Prueba,Red global,Alojada en Pares,Membresía,,Miembro inactivo"))).toBe(true);
  });

  it("defuses spreadsheet formulas and quotes separators in the CSV", async () => {
    const p = await getPortfolio(services, await world.focal.actor(), world.city.slug, "en");
    const csv = portfolioCsv({ ...p, groups: [{ kind: "regional", networks: [{ ...p.groups[0]!.networks[0]!, name: '=HYPERLINK("x"), "y"' }] }] }, "en");
    expect(csv).toContain(`"'=HYPERLINK(""x""), ""y"""`);
  });
});

describe("who sees a portfolio", () => {
  it("its members and platform administrators; not another organization's members nor outsiders; anonymous must sign in", async () => {
    const admin = await person("Admin", "admin");
    // Administrators must have two-step sign-in for their powers; the test sets the flag directly.
    await services.db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, admin.id));
    expect((await getPortfolio(services, await admin.actor(), world.city.slug, "en")).groups).toHaveLength(3);

    const other = await createOtherOrganization(services.db, "university", "AR");
    const neighbour = await person("Vecina");
    await addMember(services.db, other.id, neighbour.id, "focal_point");
    expect((await caught(getPortfolio(services, await neighbour.actor(), world.city.slug, "en"))).code).toBe("not_found");
    const nobody = await person("Sin organización");
    expect((await caught(getPortfolio(services, await nobody.actor(), world.city.slug, "en"))).code).toBe("not_found");
    expect((await caught(getPortfolio(services, anonymousActor, world.city.slug, "en"))).code).toBe("unauthorized");
    expect((await caught(exportPortfolio(services, await neighbour.actor(), world.city.slug, "en"))).code).toBe("not_found");
    // An organization that does not exist answers the same as one that may not be seen.
    expect((await caught(getPortfolio(services, await neighbour.actor(), "no-such-organization", "en"))).code).toBe("not_found");
  });

  it("through the API: 200 for a member's token, 404 for another organization's, 401 without one", async () => {
    const token = async (actor: Actor) => (await createToken(services, actor, { name: "portfolio", scope: "read", expiresInDays: 1 })).token;
    const get = (path: string, bearer?: string) =>
      api.request(path, { headers: { "Accept-Language": "pt", ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) } });
    const own = await get(`/organizations/${world.city.slug}/portfolio`, await token(await world.staff.actor()));
    expect(own.status).toBe(200);
    const body = await own.json();
    expect(body.groups[0].networks[0].units[0].people).toEqual([{ userId: world.staff.id, name: "Bruno Técnico" }]);
    expect(body.alerts).toHaveLength(3);

    const other = await createOtherOrganization(services.db, "civil_society", "UY");
    const stranger = await person("Extraña");
    await addMember(services.db, other.id, stranger.id, "staff");
    const refused = await get(`/organizations/${world.city.slug}/portfolio`, await token(await stranger.actor()));
    expect(refused.status).toBe(404);
    expect(JSON.stringify(await refused.json())).not.toContain("Bruno");
    expect((await get(`/organizations/${world.city.slug}/portfolio`)).status).toBe(401);
  });

  it("a network's figures are public in the API", async () => {
    const res = await api.request(`/networks/${world.regional.slug}/figures`, { headers: { "Accept-Language": "es" } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.figures).toEqual({ memberCities: 1, countries: 1, population: world.city.population, thematicUnits: 3 });
    expect(body.membersByCountry).toEqual([{ countryCode: "BR", countryName: "Brasil", members: 1 }]);
    expect((await api.request("/networks/no-such-network/figures")).status).toBe(404);
  });

  it("a membership that changes status leaves the alerts", async () => {
    await services.db.update(networkMemberships).set({ status: "active", statusChangedAt: new Date() }).where(eq(networkMemberships.networkId, world.global.id));
    const p = await getPortfolio(services, await world.focal.actor(), world.city.slug, "en");
    expect(p.alerts.map((a) => a.kind)).toEqual(["role_ending", "unit_without_people"]);
  });
});

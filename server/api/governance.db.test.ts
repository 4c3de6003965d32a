// The governance API end to end: a secretariat's token creates a unit and a term, a city applies
// with its own token, the secretariat approves; a broken rule answers problem+json with the
// message in the request's language, naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../modules/accounts/create-token.ts";
import { addDays, today } from "../../modules/governance/dates.ts";
import type { Actor } from "../../modules/organizations/actor.ts";
import { aBody, aMemberCity, aMembership, aNetwork, anOrganization, someone } from "../../modules/governance/testing.ts";
import { createAuth } from "../../platform/auth.ts";
import { loadConfig } from "../../platform/config.ts";
import type { AppServices } from "../../platform/context.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { createLogger } from "../../platform/log.ts";
import { createApiV1 } from "./v1.ts";

let services: AppServices;
let api: ReturnType<typeof createApiV1>;
beforeAll(async () => {
  const database = await createTestDatabase();
  const auth = createAuth({ db: database.db, secret: "test-secret-test-secret-test-secret-1" });
  services = { auth, config: loadConfig({}), database, db: database.db, log: createLogger("silent") };
  api = createApiV1(services);
});
afterAll(() => services.database.close());

async function tokenOf(person: { actor: () => Promise<Actor> }) {
  return (await createToken(services, await person.actor(), { name: "api test", scope: "write", expiresInDays: 1 })).token;
}
const call = (token: string | null, method: string, path: string, body?: unknown, language = "en") =>
  api.request(path, {
    method,
    headers: {
      "Accept-Language": language,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("/api/v1 network governance", () => {
  it("creates a unit and a term, takes a candidacy and its approval, and refuses an overlapping coordination with the rule's message", async () => {
    const day = today();
    const network = await aNetwork(services.db);
    const officer = await someone(services.db, { organization: { id: network.secretariatOrganizationId!, role: "focal_point" } });
    const city = await aMemberCity(services.db, network.id, { name: "Montevideo" });
    const secretariat = await tokenOf(officer);
    const focal = await tokenOf(city.focal);

    const created = await call(secretariat, "POST", `/networks/${network.slug}/bodies`, { kind: "thematic_unit", name: "Culture", nameLanguage: "en", themeIds: ["culture"] });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ body: { slug: "culture", name: "Culture", unit: true, themes: [{ id: "culture" }] }, team: [] });
    expect((await call(focal, "POST", `/networks/${network.slug}/bodies`, { kind: "commission", name: "Mine", nameLanguage: "en" })).status).toBe(403);
    expect((await call(null, "POST", `/networks/${network.slug}/bodies`, { kind: "commission", name: "Mine", nameLanguage: "en" })).status).toBe(401);

    const term = await call(secretariat, "POST", `/networks/${network.slug}/terms`, {
      label: "Next",
      startsOn: addDays(day, 30),
      endsOn: addDays(day, 394),
      candidaciesOpenOn: addDays(day, -1),
      candidaciesCloseOn: addDays(day, 10),
    });
    expect(term.status).toBe(201);
    const { id: termId } = await term.json();
    const terms = await (await call(null, "GET", `/networks/${network.slug}/terms`)).json();
    expect(terms.items).toMatchObject([{ id: termId, status: "upcoming", windowOpen: true }]);

    const applied = await call(focal, "POST", `/networks/${network.slug}/candidacies`, { body: "culture", term: termId, role: "coordinator", statement: "We will coordinate the unit's annual plan." });
    expect(applied.status).toBe(201);
    const { id: candidacyId } = await applied.json();
    const again = await call(focal, "POST", `/networks/${network.slug}/candidacies`, { body: "culture", term: termId, role: "sub_coordinator", statement: "Or sub-coordinate it, if the assembly prefers." }, "es");
    expect(again.status).toBe(409);
    expect((await again.json()).detail).toMatch(/^Mandato: .* ya tiene una candidatura presentada para coordinar esta unidad en el mandato Next$/);

    const decided = await call(secretariat, "POST", `/networks/${network.slug}/candidacies/${candidacyId}/decision`, { decision: "approve", decidingBody: "assembly", reference: "Assembly 2026, resolution 4" });
    expect(decided.status).toBe(200);
    const { roleId } = await decided.json();
    const upcoming = await (await call(null, "GET", `/networks/${network.slug}/roles?when=upcoming`)).json();
    expect(upcoming.items).toMatchObject([{ id: roleId, role: "coordinator", candidacyId, body: { slug: "culture" } }]);

    // An overlapping coordination: 409, the message names the field and the existing role, in the request's language.
    const overlap = await call(secretariat, "POST", `/networks/${network.slug}/roles`, { body: "culture", organization: city.org.slug, role: "sub_coordinator", startsOn: addDays(day, 100) }, "pt");
    expect(overlap.status).toBe(409);
    expect(overlap.headers.get("content-type")).toBe("application/problem+json");
    const problem = await overlap.json();
    expect(problem).toMatchObject({ status: 409, type: "urn:pares:problem:conflict" });
    expect(problem.detail).toMatch(/^Data de início: .* já coordena Culture desde .*: uma cidade não pode ter duas coordenações sobrepostas da mesma unidade$/);
    // A rule about one field answers 400 with that field.
    const kind = await call(secretariat, "POST", `/networks/${network.slug}/roles`, { body: "culture", organization: city.org.slug, role: "president", startsOn: day });
    expect(kind.status).toBe(400);
    expect((await kind.json()).errors).toEqual([{ field: "role", message: "does not fit this body: a unit, group or commission has a coordinator, sub-coordinators and members" }]);

    // Joining the unit and its team; the team is not public. Joining again: it already takes part.
    const joined = await call(focal, "POST", `/networks/${network.slug}/bodies/culture/participation`);
    expect(joined.status).toBe(200);
    expect(await joined.json()).toEqual({ joined: true, roles: ["member"] });
    expect(await (await call(focal, "POST", `/networks/${network.slug}/bodies/culture/participation`)).json()).toEqual({ joined: false, roles: ["member"] });
    expect((await call(focal, "POST", `/networks/${network.slug}/bodies/culture/team/${city.focal.id}`)).status).toBe(204);
    expect((await (await call(null, "GET", `/networks/${network.slug}/bodies/culture`)).json()).team).toBeNull();
    const seen = await (await call(focal, "GET", `/networks/${network.slug}/bodies/culture`)).json();
    expect(seen.team).toMatchObject([{ organization: { slug: city.org.slug }, people: [{ userId: city.focal.id }] }]);
    expect(seen.participants).toMatchObject([{ organization: { slug: city.org.slug }, role: "member" }]);

    // A city coordinating a unit already takes part in it: no member role is added.
    const coordinator = await aMemberCity(services.db, network.id, { name: "Buenos Aires" });
    await aBody(services.db, network.id, { slug: "planning", names: { es: "Planificación", pt: "Planejamento", en: "Planning" } });
    const assigned = await call(secretariat, "POST", `/networks/${network.slug}/roles`, { body: "planning", organization: coordinator.org.slug, role: "coordinator", startsOn: day, endsOn: addDays(day, 200) });
    expect(assigned.status).toBe(201);
    const { id: coordinationId } = await assigned.json();
    // The same role again: already recorded (200), the same id, nothing written.
    const repeated = await call(secretariat, "POST", `/networks/${network.slug}/roles`, { body: "planning", organization: coordinator.org.slug, role: "coordinator", startsOn: day, endsOn: addDays(day, 200) });
    expect(repeated.status).toBe(200);
    expect(await repeated.json()).toEqual({ id: coordinationId, created: false });
    const already = await call(await tokenOf(coordinator.focal), "POST", `/networks/${network.slug}/bodies/planning/participation`);
    expect(already.status).toBe(200);
    expect(await already.json()).toEqual({ joined: false, roles: ["coordinator"] });
    const planning = await (await call(null, "GET", `/networks/${network.slug}/roles?body=planning`)).json();
    expect(planning.items.map((r: { role: string }) => r.role)).toEqual(["coordinator"]);
  });

  it("in an external network: the recording organization records no other organization's roles and nobody but an administrator gives a source link", async () => {
    const day = today();
    const recorder = await anOrganization(services.db, "Registradora");
    const keeper = await someone(services.db, { organization: { id: recorder.id, role: "focal_point" } });
    const network = await aNetwork(services.db, { hosted: false, recordedByOrganizationId: recorder.id });
    await aMembership(services.db, network.id, recorder.id);
    await aBody(services.db, network.id, { slug: "presidencia", kind: "presidency", names: { es: "Presidencia" } });
    const victim = await anOrganization(services.db, "Ajena");
    const keeperToken = await tokenOf(keeper);
    const path = `/networks/${network.slug}/roles`;

    // Another organization's role: refused, member or not.
    expect((await call(keeperToken, "POST", path, { body: "presidencia", organization: victim.slug, role: "president", startsOn: day })).status).toBe(403);
    await aMembership(services.db, network.id, victim.id);
    expect((await call(keeperToken, "POST", path, { body: "presidencia", organization: victim.slug, role: "president", startsOn: day })).status).toBe(403);
    // Its own, with a source link: refused on the field.
    const documented = await call(keeperToken, "POST", path, { body: "presidencia", organization: recorder.slug, role: "president", startsOn: day, sourceUrl: "https://fake.example/proof" });
    expect(documented.status).toBe(400);
    expect((await documented.json()).errors).toEqual([{ field: "sourceUrl", message: "may only be given by the secretariat of a network hosted on Pares or by a platform administrator" }]);
    // Its own, without: recorded; the victim's focal point may end its own roles only.
    const own = await call(keeperToken, "POST", path, { body: "presidencia", organization: recorder.slug, role: "president", startsOn: day });
    expect(own.status).toBe(201);
    const { id } = await own.json();
    const victimFocal = await someone(services.db, { organization: { id: victim.id, role: "focal_point" } });
    expect((await call(await tokenOf(victimFocal), "POST", `${path}/${id}/end`, { endsOn: day })).status).toBe(403);
    expect((await (await call(keeperToken, "GET", `/networks/${network.slug}/bodies/presidencia`)).json()).viewer).toMatchObject({ canManage: true, canAssign: true });
  });
});

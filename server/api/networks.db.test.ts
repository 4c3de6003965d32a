// /api/v1 networks: what the pages can do, over bearer tokens, with problem+json refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../modules/accounts/create-token.ts";
import { freeCity, testNetwork, testOrganization, testPerson, type TestPerson } from "../../modules/networks/testing.ts";
import { createAuth } from "../../platform/auth.ts";
import type { AppServices } from "../../platform/context.ts";
import { loadConfig } from "../../platform/config.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { createLogger } from "../../platform/log.ts";
import { createApiV1 } from "./v1.ts";

let services: AppServices;
let api: ReturnType<typeof createApiV1>;
beforeAll(async () => {
  const database = await createTestDatabase();
  const auth = createAuth({ db: database.db, secret: "test-secret-test-secret-test-secret-1" });
  services = { auth, config: loadConfig({ API_TOKEN_RATE_LIMIT: "1000" }), database, db: database.db, log: createLogger("silent") };
  api = createApiV1(services);
});
afterAll(() => services.database.close());

const tokenOf = async (person: TestPerson, scope: "read" | "write" = "write") => (await createToken(services, await person.actor(), { name: "api test", scope, expiresInDays: 1 })).token;

function call(path: string, token?: string, init: { method?: string; body?: unknown; raw?: BodyInit; type?: string; language?: string } = {}) {
  const headers: Record<string, string> = { "Accept-Language": init.language ?? "en" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.type) headers["Content-Type"] = init.type;
  return api.request(path, { method: init.method ?? "GET", headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
}

describe("/api/v1 networks", () => {
  it("applies, decides and lists members; the history is for the secretariat and the member only", async () => {
    const { officer, network } = await testNetwork(services.db);
    const org = await testOrganization(services.db, "Intendencia API");
    const focal = await testPerson(services.db, { organization: { id: org.id, role: "focal_point" } });
    const outsider = await testPerson(services.db, { organization: { id: (await testOrganization(services.db, "Otra")).id, role: "focal_point" } });
    const [officerToken, focalToken, outsiderToken] = await Promise.all([tokenOf(officer), tokenOf(focal), tokenOf(outsider)]);

    const applied = await call(`/networks/${network.slug}/applications`, focalToken, { method: "POST", body: { message: "Hola" } });
    expect(applied.status).toBe(201);
    const { membershipId } = await applied.json();
    expect((await call(`/networks/${network.slug}/memberships/${membershipId}`, outsiderToken)).status).toBe(404);
    expect((await call(`/networks/${network.slug}/memberships/${membershipId}`)).status).toBe(401);
    const declined = await call(`/networks/${network.slug}/memberships/${membershipId}/decision`, officerToken, { method: "POST", body: { decision: "decline" } });
    expect(declined.status).toBe(400);
    expect((await declined.json()).errors).toEqual([{ field: "reason", message: "is required: give the reason" }]);
    // The secretariat's list shows the application with its date and message; the public's does not.
    const pending = await (await call(`/networks/${network.slug}/members?status=applicant`, officerToken)).json();
    expect(pending.items[0].application).toEqual({ appliedOn: new Date().toISOString().slice(0, 10), message: "Hola" });
    expect((await call(`/networks/${network.slug}/member-countries`)).status).toBe(200);
    expect(await (await call(`/networks/${network.slug}/member-countries`)).json()).toEqual([]);
    expect(await (await call(`/networks/${network.slug}/member-countries`, officerToken, { language: "es" })).json()).toEqual([{ code: "UY", name: "Uruguay" }]);
    // No category is assumed when approving.
    const unchosen = await call(`/networks/${network.slug}/memberships/${membershipId}/decision`, officerToken, { method: "POST", body: { decision: "approve" } });
    expect(unchosen.status).toBe(400);
    expect((await unchosen.json()).errors).toEqual([{ field: "category", message: "is required: choose one to approve the application" }]);
    const approved = await call(`/networks/${network.slug}/memberships/${membershipId}/decision`, officerToken, { method: "POST", body: { decision: "approve", category: "partner" } });
    expect(await approved.json()).toEqual({ changed: true });
    const members = await (await call(`/networks/${network.slug}/members?category=partner`, undefined, { language: "pt" })).json();
    expect(members).toMatchObject({ total: 1, allStatuses: false, items: [{ membershipId: null, status: "active", category: { key: "partner", name: "Parceiro" }, application: null }] });
    expect(await (await call(`/networks/${network.slug}/member-countries`, undefined, { language: "pt" })).json()).toEqual([{ code: "UY", name: "Uruguai" }]);
    const detail = await (await call(`/networks/${network.slug}/memberships/${membershipId}`, focalToken)).json();
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual(["active", "applicant"]);
    expect((await call(`/networks/${network.slug}/memberships/${membershipId}/withdrawal`, focalToken, { method: "POST" })).status).toBe(200);
    const readOnly = await tokenOf(officer, "read");
    expect((await call(`/networks/${network.slug}/memberships/${membershipId}/status`, readOnly, { method: "POST", body: { status: "active", reason: "x" } })).status).toBe(403);
  });

  it("imports a CSV body: 422 with every bad row, then a clean file", async () => {
    const { officer, network } = await testNetwork(services.db);
    const token = await tokenOf(officer);
    const bad = await call(`/networks/${network.slug}/member-imports?dryRun=true`, token, {
      method: "POST",
      type: "text/csv",
      raw: "city,country,status,since\nRosairo,AR,active,2010-01-01\nMontevideo,UY,member,2010-01-01\n",
      language: "es",
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const problem = await bad.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(["line 2: city", "line 3: status"]);
    expect(problem.rows[0]).toMatchObject({ line: 2, column: "city", message: "no se encuentra ninguna ciudad llamada «Rosairo» en AR" });
    expect(problem.rows[0].suggestions[0]).toContain("Rosario");
    const city = await freeCity(services.db, "DE", 100_000, 500_000);
    const csv = `city,country,status,since\n${city.name},DE,active,2010-01-01\n`;
    const dry = await call(`/networks/${network.slug}/member-imports?dryRun=true`, token, { method: "POST", type: "text/csv", raw: csv });
    const added = { line: 2, city: { id: city.id, name: city.name, countryCode: "DE" }, status: "active", since: "2010-01-01", category: null };
    expect(await dry.json()).toEqual({
      rowCount: 1,
      dryRun: true,
      imported: false,
      counts: { organizationsCreated: 1, membershipsCreated: 1, membershipsUpdated: 0, unchanged: 0 },
      changes: { added: [{ ...added, organization: { slug: null, name: city.name, created: true } }], changed: [] },
    });
    const real = await call(`/networks/${network.slug}/member-imports`, token, { method: "POST", type: "text/csv", raw: csv });
    const imported = await real.json();
    expect(imported).toMatchObject({ imported: true, counts: { membershipsCreated: 1 }, changes: { added: [{ ...added, organization: { name: city.name, created: true } }] } });
    // A dry run of a change names the member and what changes, from → to.
    const slugOf = imported.changes.added[0].organization.slug;
    expect(slugOf).toEqual(expect.any(String));
    const change = await call(`/networks/${network.slug}/member-imports?dryRun=true`, token, { method: "POST", type: "text/csv", raw: csv.replace("active,2010-01-01", "suspended,2012-02-03") });
    expect((await change.json()).changes).toEqual({
      added: [],
      changed: [{ line: 2, organization: { slug: slugOf, name: city.name }, status: { from: "active", to: "suspended" }, since: { from: "2010-01-01", to: "2012-02-03" } }],
    });
    const tooBig = await call(`/networks/${network.slug}/member-imports`, token, { method: "POST", type: "text/csv", raw: "x".repeat(600 * 1024) });
    expect(tooBig.status).toBe(413);
  });

  it("takes a logo as the request body, checked by its content; records an external network", async () => {
    const { officer, network } = await testNetwork(services.db);
    const token = await tokenOf(officer);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await call(`/networks/${network.slug}/logo`, token, { method: "PUT", type: "image/jpeg", raw: png })).status).toBe(204);
    const text = await call(`/networks/${network.slug}/logo`, token, { method: "PUT", type: "image/png", raw: "<svg/>" });
    expect(text.status).toBe(400);
    expect((await text.json()).errors).toEqual([{ field: "logo", message: "must be a PNG, JPEG or WebP image" }]);
    expect((await call(`/networks/${network.slug}/logo`, token, { method: "PUT", type: "image/png", raw: new Uint8Array(300 * 1024) })).status).toBe(413);
    const profile = await (await call(`/networks/${network.slug}`)).json();
    expect(profile.logoVersion).not.toBeNull();

    const org = await testOrganization(services.db, "Ciudad API");
    const focal = await testPerson(services.db, { organization: { id: org.id, role: "focal_point" } });
    const recorded = await call("/external-networks", await tokenOf(focal), { method: "POST", body: { name: `Red externa API ${org.slug}`, kind: "global" } });
    expect(recorded.status).toBe(201);
    const { slug } = await recorded.json();
    const listed = await (await call(`/networks?hosted=no&q=${encodeURIComponent(`red externa api ${org.slug}`)}`)).json();
    expect(listed.items.map((n: { slug: string }) => n.slug)).toEqual([slug]);
  });

  it("documents every operation in the OpenAPI document", async () => {
    const doc = await (await call("/openapi.json")).json();
    for (const path of ["/networks", "/networks/{slug}", "/networks/{slug}/logo", "/networks/{slug}/members", "/networks/{slug}/member-countries", "/networks/{slug}/member-imports", "/external-networks"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/networks/{slug}/member-imports"].post.responses["422"]).toBeDefined();
  });
});

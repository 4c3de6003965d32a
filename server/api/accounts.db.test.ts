import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../modules/accounts/create-token.ts";
import { personalAccessTokens, users } from "../../modules/accounts/schema.ts";
import { loadActor } from "../../modules/organizations/actor.ts";
import { createPerson } from "../../modules/organizations/factories.ts";
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
  services = { auth, config: loadConfig({ API_TOKEN_RATE_LIMIT: "40" }), database, db: database.db, log: createLogger("silent") };
  api = createApiV1(services);
});
afterAll(() => services.database.close());

async function tokenFor(email: string, scope: "read" | "write" = "write"): Promise<string> {
  const [user] = await services.db.select().from(users).where(eq(users.email, email));
  const actor = (await loadActor(services, user!.id))!;
  return (await createToken(services, actor, { name: `${scope} test`, scope, expiresInDays: 30 })).token;
}

function call(path: string, token?: string, init: { method?: string; body?: unknown; language?: string } = {}) {
  const headers: Record<string, string> = { "Accept-Language": init.language ?? "en" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return api.request(path, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

describe("/api/v1 with personal access tokens", () => {
  it("tells the caller who they are, with organizations and roles", async () => {
    const token = await tokenFor("ana.souza@portoalegre.example", "read");
    const res = await call("/me", token);
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me).toMatchObject({ name: "Ana Souza", actingOrganization: "prefeitura-de-porto-alegre", platformAdmin: false });
    expect(me.organizations).toEqual([expect.objectContaining({ slug: "prefeitura-de-porto-alegre", role: "focal_point", actingFor: true })]);
  });

  it("refuses a missing, unknown or revoked token with 401 problem+json, and anonymous /me", async () => {
    expect((await call("/me")).status).toBe(401);
    const unknown = await call("/me", "pares_not-a-real-token");
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain("invalid_token");
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    const token = await tokenFor("lucia.fernandez@buenosaires.example");
    const listed = await (await call("/tokens", token)).json();
    const id = listed.items[0].id;
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await call(`/tokens/${id}`, token, { method: "DELETE" })).status).toBe(204);
    expect((await call("/me", token)).status).toBe(401);
    // Only a hash is stored.
    const rows = await services.db.select().from(personalAccessTokens);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("keeps a read-only token from changing anything", async () => {
    const token = await tokenFor("martin.pereyra@buenosaires.example", "read");
    const res = await call("/organizations/gobierno-de-la-ciudad-de-buenos-aires", token, { method: "PATCH", body: { website: "https://example.org" } });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toMatch(/read/i);
  });

  it("lets a focal point edit the profile and invite, and refuses staff and strangers", async () => {
    const focal = await tokenFor("martin.pereyra@buenosaires.example");
    const staff = await tokenFor("lucia.fernandez@buenosaires.example");
    const stranger = await tokenFor("carla.mendes@example.org");
    const edited = await call("/organizations/gobierno-de-la-ciudad-de-buenos-aires", focal, {
      method: "PATCH",
      body: { description: "Multilateral relations office.", descriptionLanguage: "en" },
    });
    expect(edited.status).toBe(200);
    expect((await edited.json()).description).toMatchObject({ text: "Multilateral relations office.", language: "en" });
    const invite = { email: "new.colleague@buenosaires.example", role: "staff", locale: "es" };
    expect((await call("/organizations/gobierno-de-la-ciudad-de-buenos-aires/invitations", focal, { method: "POST", body: invite })).status).toBe(201);
    expect((await call("/organizations/gobierno-de-la-ciudad-de-buenos-aires/invitations", staff, { method: "POST", body: invite })).status).toBe(403);
    expect((await call("/organizations/gobierno-de-la-ciudad-de-buenos-aires/invitations", stranger, { method: "POST", body: invite })).status).toBe(404);
    const members = await (await call("/organizations/gobierno-de-la-ciudad-de-buenos-aires/members", staff)).json();
    expect(members.invitations).toEqual([]);
    expect(members.members.find((m: { name: string }) => m.name === "Martín Pereyra").email).toBeNull();
  });

  it("names the invalid fields of a new organization, in the caller's language", async () => {
    const token = await tokenFor("carla.mendes@example.org");
    const res = await call("/organizations", token, { method: "POST", body: { name: "X", kind: "club" }, language: "pt" });
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(["kind", "name"]);
    const created = await call("/organizations", token, { method: "POST", body: { name: "Coletivo Cidades Verdes", kind: "civil_society", countryCode: "PT" } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ slug: "coletivo-cidades-verdes", viewer: { role: "focal_point" } });
  });

  it("limits each token's requests per minute with 429 and Retry-After", async () => {
    const token = await tokenFor("diego.silva@udelar.example", "read");
    const statuses: number[] = [];
    for (let i = 0; i < 42; i++) statuses.push((await call("/countries", token)).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    const limited = await call("/countries", token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another token is not affected.
    expect((await call("/countries", await tokenFor("diego.silva@udelar.example", "read"))).status).toBe(200);
  });

  it("shows the audit log and people only to a platform administrator with two-factor sign-in", async () => {
    // A token made as an ordinary user, who then becomes an administrator: without two-step
    // sign-in the administrator's powers wait, whatever the token.
    const person = await createPerson(services.db, { name: "Audit Admin", email: "audit.admin@pares.example", password: "unused" });
    const early = await tokenFor("audit.admin@pares.example", "read");
    await services.db.update(users).set({ role: "admin" }).where(eq(users.id, person));
    expect((await call("/audit-events", early)).status).toBe(404);
    await expect(tokenFor("audit.admin@pares.example", "read")).rejects.toMatchObject({ code: "forbidden" });
    await services.db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, person));
    const before = await tokenFor("audit.admin@pares.example", "read");
    const res = await call("/audit-events?kind=token_created", before);
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e: { kind: string }) => e.kind === "token_created")).toBe(true);
    expect((await call("/users?q=souza", before)).status).toBe(200);
    expect((await call("/audit-events", await tokenFor("martin.pereyra@buenosaires.example", "read"))).status).toBe(404);
  });

  it("answers a body that cannot be read as JSON with 400 problem+json naming the body, not a server error", async () => {
    const token = await tokenFor("ana.souza@portoalegre.example", "write");
    for (const body of ["", "{not json"]) {
      const res = await api.request("/tokens", {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Accept-Language": "pt" },
        body,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const problem = await res.json();
      expect(problem.errors).toEqual([{ field: "body", message: expect.stringMatching(/JSON válido/) }]);
    }
  });

  it("says which units the caller coordinates", async () => {
    const me = await (await call("/me", await tokenFor("martin.pereyra@buenosaires.example", "read"))).json();
    expect(me.coordinatorOf).toContainEqual({ network: "mercociudades", body: expect.any(String) });
    const diego = await (await call("/me", await tokenFor("diego.silva@udelar.example", "read"))).json();
    expect(diego.coordinatorOf).toEqual([]);
  });
});

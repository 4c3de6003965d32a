import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  services = { auth, config: loadConfig({}), database, db: database.db, log: createLogger("silent") };
  api = createApiV1(services);
});
afterAll(() => services.database.close());

const get = (path: string, language = "en") => api.request(path, { headers: { "Accept-Language": language } });

describe("/api/v1", () => {
  it("searches cities, paginated with totals, localized by Accept-Language", async () => {
    const res = await get("/cities?q=montevideu&pageSize=5", "pt-BR,pt;q=0.9");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("pt");
    const body = await res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 5 });
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0]).toMatchObject({ name: "Montevidéu", countryName: "Uruguai" });
  });

  it("treats empty query values as absent", async () => {
    const res = await get("/cities?q=&country=&page=");
    expect(res.status).toBe(200);
    expect((await res.json()).total).toBeGreaterThan(12_000);
  });

  it("answers a bad parameter with 400 problem+json naming the field, in the request's language", async () => {
    const res = await get("/cities?country=Brasil&page=0", "es");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 400, type: "urn:pares:problem:invalid-input", title: "Datos no válidos" });
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(["country", "page"]);
    expect(problem.detail).toContain("country");
    expect(problem.errors.find((e: { field: string }) => e.field === "country").message).toMatch(/código de país/);
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("answers an unknown city and an unknown path with 404 problem+json", async () => {
    const city = await get("/cities/999999999", "pt");
    expect(city.status).toBe(404);
    expect(await city.json()).toMatchObject({ status: 404, detail: "Não há nenhuma cidade com esse identificador." });
    const path = await get("/nothing-here");
    expect(path.status).toBe(404);
    expect(path.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers an id beyond the database's range, or not in canonical form, as invalid, not as a server error", async () => {
    for (const id of ["2147483648", "99999999999999", "03441575", "1.5", "-3"]) {
      const res = await get(`/cities/${id}`, "es");
      expect(res.status, id).toBe(400);
      expect((await res.json()).errors[0]).toMatchObject({ field: "id", message: expect.stringMatching(/número de una ciudad/) });
    }
  });

  it("answers a method a resource does not support with 405 and Allow", async () => {
    const res = await api.request("/cities", { method: "DELETE", headers: { "Accept-Language": "pt" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(await res.json()).toMatchObject({ status: 405, title: "Método não permitido", instance: "/cities" });
    const unknown = await get("/nothing-here", "en");
    expect(await unknown.json()).toMatchObject({ title: "Resource not found", instance: "/nothing-here" });
  });

  it("can be read from other sites' pages, and lets caches keep reference data briefly", async () => {
    const res = await api.request("/countries", { headers: { Origin: "https://example.org" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("vary")).toContain("Accept-Language");
    const preflight = await api.request("/cities", {
      method: "OPTIONS",
      headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("lists countries, themes and SDGs", async () => {
    const countries = await (await get("/countries?region=005", "es")).json();
    expect(countries.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(["AR", "BR", "UY", "PY"]));
    expect(countries.items.find((c: { code: string }) => c.code === "BR").name).toBe("Brasil");
    const all = await (await get("/countries", "pt")).json();
    expect(all.items.find((c: { code: string }) => c.code === "CD").name).toBe("República Democrática do Congo");
    const themes = await (await get("/themes?scheme=pairing-themes&sdg=11", "en")).json();
    expect(themes.total).toBeGreaterThan(5);
    expect(themes.items.every((t: { sdgs: number[] }) => t.sdgs.includes(11))).toBe(true);
    const sdgs = await (await get("/sdgs?targets=true", "es")).json();
    expect(sdgs.total).toBe(17);
    expect(sdgs.items[0].targets[0]).toMatchObject({ code: "1.1" });
  });

  it("publishes an OpenAPI 3.1 document that a validator accepts and that covers every route", async () => {
    const doc = await (await get("/openapi.json")).json();
    const result = await validate(structuredClone(doc));
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.valid).toBe(true);
    const broken = await validate({ ...structuredClone(doc), paths: { "/x": { get: { responses: { 200: { content: 1 } } } } } });
    expect(broken.valid).toBe(false);
    // Every operation the API answers is documented, and nothing else.
    const operations = api.routes
      .filter((r) => r.method !== "ALL" && r.path !== "/openapi.json")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([^/]+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => m !== "parameters").map((m) => `${m} ${path}`),
    );
    expect(documented.sort()).toEqual([...new Set(operations)].sort());
    expect(documented).toEqual(expect.arrayContaining(["get /me", "get /organizations/{slug}/members", "post /tokens", "get /audit-events"]));
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/cities"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["q", "country", "region", "page", "pageSize"]),
    );
    expect(doc.components.schemas.Problem).toBeDefined();
  });
});

// /api/v1 exchange: a Brazilian focal point posts a need in Portuguese and finds an Argentine
// offer in Spanish ranked first with its reasons; who sees what; bad input named by field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../modules/accounts/create-token.ts";
import { deliverMatches, testExchange, wasteOffer, waterNeed, waterOffer } from "../../modules/exchange/testing.ts";
import type { TestPerson } from "../../modules/networks/testing.ts";
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

const tokenOf = async (person: TestPerson) => (await createToken(services, await person.actor(), { name: "api test", scope: "write", expiresInDays: 1 })).token;

function call(path: string, token?: string, init: { method?: string; body?: unknown; language?: string } = {}) {
  const headers: Record<string, string> = { "Accept-Language": init.language ?? "en" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return api.request(path, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

describe("/api/v1 exchange", () => {
  it("posts a Portuguese need whose best match is a Spanish offer, with its reasons in the caller's language", async () => {
    const x = await testExchange(services.db);
    const [ana, martin, lucia, pedro] = await Promise.all([tokenOf(x.br.person), tokenOf(x.ar.person), tokenOf(x.co.person), tokenOf(x.outsider.person)]);
    const body = { kind: "need", networks: [x.network.slug], texts: { pt: waterNeed }, sdgGoals: [6], modalities: ["technical_assistance"], languages: ["pt", "es"], idempotencyKey: "api-need-0001" };
    const posted = await call("/exchange/items", ana, { method: "POST", body, language: "pt" });
    expect(posted.status).toBe(201);
    const need = await posted.json();
    expect(need).toMatchObject({ kind: "need", status: "open", originalLanguage: "pt", own: true, matchesPending: true });
    expect((await call("/exchange/items", ana, { method: "POST", body })).status).toBe(200);
    const offer = await (await call("/exchange/items", martin, { method: "POST", body: { kind: "offer", networks: [x.network.slug], texts: { es: waterOffer }, sdgGoals: [6], languages: ["es"] } })).json();
    await call("/exchange/items", lucia, { method: "POST", body: { kind: "offer", networks: [x.network.slug], texts: { es: wasteOffer }, languages: ["es"] } });
    await deliverMatches(services.db);

    const matches = await (await call(`/exchange/items/${need.id}/matches`, ana, { language: "pt" })).json();
    expect(matches.pending).toBe(false);
    expect(matches.matches[0].item.id).toBe(offer.id);
    expect(matches.matches[0].item.organization.country.code).toBe("AR");
    expect(matches.matches[0].explanation.reasons.join(" ")).toContain("Os textos falam da mesma coisa");

    // Matches are the organization's; the item is for the network's members; nobody gets nothing.
    expect((await call(`/exchange/items/${need.id}/matches`, lucia)).status).toBe(403);
    expect((await call(`/exchange/items/${need.id}`, lucia)).status).toBe(200);
    expect((await call(`/exchange/items/${need.id}`, pedro)).status).toBe(404);
    expect((await call(`/exchange/items/${need.id}`)).status).toBe(401);
    const search = await (await call(`/exchange/items?q=${encodeURIComponent("perdidas de agua potable")}&kind=need`, martin)).json();
    expect(search.items.map((i: { id: string }) => i.id)).toContain(need.id);

    // Dismiss, then edit from an old revision (409), then close: the offer's list loses the need.
    expect((await call(`/exchange/items/${need.id}/dismissals`, ana, { method: "POST", body: { other: offer.id } })).status).toBe(200);
    expect((await (await call(`/exchange/items/${need.id}/matches`, ana)).json()).matches.map((m: { item: { id: string } }) => m.item.id)).not.toContain(offer.id);
    expect((await call(`/exchange/items/${need.id}/dismissals/${offer.id}`, ana, { method: "DELETE" })).status).toBe(200);
    const edit = { texts: { pt: waterNeed }, networks: [x.network.slug], revision: 1 };
    expect((await call(`/exchange/items/${need.id}`, ana, { method: "PUT", body: edit })).status).toBe(200);
    const stale = await call(`/exchange/items/${need.id}`, ana, { method: "PUT", body: edit });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    expect((await call(`/exchange/items/${need.id}/status`, ana, { method: "POST", body: { action: "close" } })).status).toBe(200);
    expect((await (await call(`/exchange/items/${offer.id}/matches`, martin)).json()).matches.map((m: { item: { id: string } }) => m.item.id)).not.toContain(need.id);
  });

  it("names every bad field, in the caller's language", async () => {
    const x = await testExchange(services.db);
    const ana = await tokenOf(x.br.person);
    const response = await call("/exchange/items", ana, { method: "POST", body: { kind: "need", networks: [], texts: { pt: { title: "", description: "curta" } }, expiresOn: "amanhã" }, language: "es" });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(JSON.stringify(problem)).toContain("expiresOn");
    expect(JSON.stringify(problem)).toContain("AAAA-MM-DD");
  });

  it("lists people who agreed to be in the directory of local expertise, and only them", async () => {
    const x = await testExchange(services.db);
    const [ana, martin] = await Promise.all([tokenOf(x.br.person), tokenOf(x.ar.person)]);
    expect((await call("/me/expertise", ana, { method: "PUT", body: { position: "Engenheira", summary: { pt: "Perdas de água e setorização de redes" }, themeIds: [], languages: ["pt", "es"], listed: true } })).status).toBe(200);
    expect((await call("/me/expertise", martin, { method: "PUT", body: { position: "Ingeniero", themeIds: [], languages: ["es"], listed: false } })).status).toBe(200);
    const directory = await (await call(`/exchange/experts?network=${x.network.slug}`, martin)).json();
    const names = directory.experts.map((e: { name: string }) => e.name);
    expect(names).toContain("Ana");
    expect(names).not.toContain("Martín");
    expect((await call("/exchange/experts")).status).toBe(401);
  });
});

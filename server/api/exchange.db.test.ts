// /api/v1 exchange: a Brazilian focal point posts a need in Portuguese and finds an Argentine
// offer in Spanish ranked first with its reasons; who sees what; bad input named by field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../modules/accounts/create-token.ts";
import { deliverMatches, testExchange, wasteOffer, waterNeed, waterOffer } from "../../modules/exchange/testing.ts";
import type { TestPerson } from "../../modules/networks/testing.ts";
import { drainOutbox, mailbox } from "../../modules/notifications/testing.ts";
import { createAuth } from "../../platform/auth.ts";
import type { AppServices } from "../../platform/context.ts";
import { loadConfig } from "../../platform/config.ts";
import { createTestDatabase } from "../../platform/db/testing.ts";
import { createLogger } from "../../platform/log.ts";
import { memoryFileStore } from "../../platform/storage/file-store.ts";
import { createApiV1 } from "./v1.ts";

let services: AppServices;
let api: ReturnType<typeof createApiV1>;
beforeAll(async () => {
  const database = await createTestDatabase();
  const auth = createAuth({ db: database.db, secret: "test-secret-test-secret-test-secret-1" });
  services = { auth, config: loadConfig({ API_TOKEN_RATE_LIMIT: "1000" }), database, db: database.db, log: createLogger("silent"), files: memoryFileStore() };
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

describe("/api/v1 exchange connections and notifications", () => {
  it("contacts a city, opens the conversation only its two organizations read, writes with an attachment, closes it; notifications and one-click unsubscribe", async () => {
    const x = await testExchange(services.db);
    const [ana, martin, lucia] = await Promise.all([tokenOf(x.br.person), tokenOf(x.ar.person), tokenOf(x.co.person)]);
    const need = await (await call("/exchange/items", ana, { method: "POST", body: { kind: "need", networks: [x.network.slug], texts: { pt: waterNeed }, themeIds: ["water-waste-sanitation"] } })).json();
    const offer = await (await call("/exchange/items", martin, { method: "POST", body: { kind: "offer", networks: [x.network.slug], texts: { es: waterOffer } } })).json();
    // Lucía follows the theme, with e-mail at once.
    const settings = await call("/me/notification-settings", lucia, { method: "PUT", body: { themeIds: ["water-waste-sanitation"], kinds: ["need"], channels: { "exchange.new_item": "immediate" } } });
    expect(settings.status).toBe(200);
    expect((await settings.json()).customized).toBe(true);

    const body = { item: offer.id, fromItem: need.id, message: "Olá! Queremos conhecer a setorização da rede de vocês.", idempotencyKey: "api-contact-0001" };
    const asked = await call("/exchange/contacts", ana, { method: "POST", body });
    expect(asked.status).toBe(201);
    const contact = await asked.json();
    expect((await call("/exchange/contacts", ana, { method: "POST", body })).status).toBe(200);
    expect((await call(`/exchange/contacts/${contact.id}`, lucia)).status).toBe(404);
    expect((await call(`/exchange/contacts/${contact.id}/decision`, ana, { method: "POST", body: { decision: "accept" } })).status).toBe(403);
    const decided = await (await call(`/exchange/contacts/${contact.id}/decision`, martin, { method: "POST", body: { decision: "accept" } })).json();
    expect(decided.status).toBe("accepted");
    const path = `/exchange/conversations/${decided.conversationId}`;

    const form = new FormData();
    form.append("body", "Les mando el informe del programa.");
    form.append("idempotencyKey", "api-message-0001");
    form.append("files", new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "informe.pdf"));
    const sent = await api.request(`${path}/messages`, { method: "POST", headers: { Authorization: `Bearer ${martin}` }, body: form });
    expect(sent.status).toBe(201);
    const bad = new FormData();
    bad.append("body", "Un programa");
    bad.append("files", new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])], "manual.pdf"));
    expect((await api.request(`${path}/messages`, { method: "POST", headers: { Authorization: `Bearer ${martin}` }, body: bad })).status).toBe(400);

    const conversation = await (await call(path, ana, { language: "pt" })).json();
    expect(conversation.messages.map((m: { body: string }) => m.body)).toEqual([body.message, "Les mando el informe del programa."]);
    const file = conversation.messages[1].files[0];
    const download = await call(`${path}/files/${file.id}`, ana);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect((await call(`${path}/files/${file.id}`, lucia)).status).toBe(404);
    expect((await call(path, lucia)).status).toBe(404);
    expect((await call(`${path}/messages`, lucia, { method: "POST", body: { body: "Hola" } })).status).toBe(404);
    expect((await call(`${path}/close`, ana, { method: "POST", body: { outcome: "exchange_done" } })).status).toBe(200);
    expect(await (await call(`/networks/${x.network.slug}/exchange-outcomes`)).json()).toMatchObject({ conversations: 1, exchangesDone: 1 });

    // Notifications: Martín was told of the request, Ana of the answer and the message; Lucía of the new need.
    await drainOutbox(services.db);
    const inbox = await (await call("/notifications", ana, { language: "pt" })).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(["exchange.contact_decided", "exchange.message"]));
    expect(inbox.unread).toBeGreaterThanOrEqual(2);
    expect((await (await call("/notifications/read", ana, { method: "POST", body: { all: true } })).json()).unread).toBe(0);
    const [mail] = await mailbox(services.db, x.co.person.email);
    const oneClick = /<http:\/\/pares\.test(\/api\/v1\/notifications\/unsubscribe\/[0-9a-f-]{36})>/.exec(mail!.headers!["List-Unsubscribe"]!)![1]!;
    const unsubscribed = await api.request(oneClick.replace("/api/v1", ""), { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(unsubscribed.status).toBe(200);
    expect((await (await call("/me/notification-settings", lucia)).json()).channels["exchange.new_item"]).toBe("off");
  });
});

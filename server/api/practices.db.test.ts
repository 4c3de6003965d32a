// /api/v1 practices: the workflow over bearer tokens (write in Portuguese, upload, submit, changes
// requested, publish), refused uploads, a Spanish search that finds it, confidential fields, a
// call whose selection becomes a published collection with its PDF booklet, the feed and CSV.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../modules/accounts/create-token.ts";
import type { TestPerson } from "../../modules/networks/testing.ts";
import { practiceText, testBank } from "../../modules/practices/testing.ts";
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

function call(path: string, token?: string, init: { method?: string; body?: unknown; form?: FormData; language?: string } = {}) {
  const headers: Record<string, string> = { "Accept-Language": init.language ?? "en" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return api.request(path, { method: init.method ?? "GET", headers, body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
}

function upload(name: string, bytes: Uint8Array, alt?: string) {
  const form = new FormData();
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  if (alt) form.append("alt.pt", alt);
  return form;
}

describe("/api/v1 practices", () => {
  it("takes a Portuguese practice with an image through review to publication; a Spanish query finds it; its collection is a PDF", async () => {
    const bank = await testBank(services.db);
    const [author, moderator, outsider] = await Promise.all([tokenOf(bank.author), tokenOf(bank.officer), tokenOf(bank.outsider)]);
    const body = {
      network: bank.network.slug,
      idempotencyKey: "api-practice-0001",
      texts: { pt: practiceText("pt", "Hortas comunitárias em terrenos baldios") },
      themeIds: ["urban-food-policies"],
      sdgGoals: [2],
      startYear: 2020,
      contact: { name: "Ana Souza", position: "Coordenadora", email: "ana@prefeitura.test" },
    };
    const created = await call("/practices", author, { method: "POST", body });
    expect(created.status).toBe(201);
    const practice = await created.json();
    expect(practice).toMatchObject({ showing: "working", originalLanguage: "pt", version: { status: "draft" } });
    const repeated = await call("/practices", author, { method: "POST", body });
    expect(repeated.status).toBe(200);
    expect((await repeated.json()).slug).toBe(practice.slug);
    const slug: string = practice.slug;

    // Uploads: checked by content, named safely, images described.
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#2a7" } }).png().toBuffer();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...new Array(200).fill(0)]);
    const renamed = await call(`/practices/${slug}/files`, author, { method: "POST", form: upload("horta.png", exe, "Uma horta") });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).errors).toEqual([{ field: "file", message: "this file is a program, and programs cannot be uploaded" }]);
    const traversal = await call(`/practices/${slug}/files`, author, { method: "POST", form: upload("../../etc/horta.png", png, "Uma horta") });
    expect(traversal.status).toBe(400);
    expect((await traversal.json()).errors[0].field).toBe("file");
    const oversized = await call(`/practices/${slug}/files`, author, { method: "POST", form: upload("big.pdf", new Uint8Array(11 * 1024 * 1024)) });
    expect(oversized.status).toBe(413);
    const noAlt = await call(`/practices/${slug}/files`, author, { method: "POST", form: upload("horta.png", png) });
    expect((await noAlt.json()).errors[0].field).toBe("alt");
    const stored = await call(`/practices/${slug}/files`, author, { method: "POST", form: upload("horta.png", png, "Famílias colhendo verduras") });
    expect(stored.status).toBe(201);
    const file = await stored.json();
    expect(file.kind).toBe("image");
    // The draft's image is not public.
    expect((await call(`/practices/${slug}/files/${file.id}`)).status).toBe(404);

    expect((await call(`/practices/${slug}/submission`, author, { method: "POST" })).status).toBe(200);
    expect((await call(`/practices/${slug}/decision`, outsider, { method: "POST", body: { decision: "publish" } })).status).toBe(404);
    const noComment = await call(`/practices/${slug}/decision`, moderator, { method: "POST", body: { decision: "request_changes" } });
    expect(noComment.status).toBe(400);
    expect((await noComment.json()).errors).toEqual([{ field: "comment", message: "is required: tell the authors what to change" }]);
    await call(`/practices/${slug}/decision`, moderator, { method: "POST", body: { decision: "request_changes", comment: "Inclua os números de 2023." } });
    const working = await (await call(`/practices/${slug}?working=1`, author)).json();
    expect(working.decisionComment).toBe("Inclua os números de 2023.");
    const stale = await call(`/practices/${slug}`, author, { method: "PATCH", body: { revision: working.version.revision - 1 } });
    expect(stale.status).toBe(409);
    const edited = await call(`/practices/${slug}`, author, {
      method: "PATCH",
      body: { revision: working.version.revision, texts: { pt: practiceText("pt", "Hortas comunitárias em terrenos baldios", { results: "Em 2023: 42 hortas, 1.300 famílias." }) } },
    });
    expect(edited.status).toBe(200);
    await call(`/practices/${slug}/submission`, author, { method: "POST" });
    expect(await (await call(`/practices/${slug}/decision`, moderator, { method: "POST", body: { decision: "publish" } })).json()).toEqual({ status: "published", repeated: false });

    const publicView = await (await call(`/practices/${slug}`, undefined, { language: "es" })).json();
    expect(publicView).toMatchObject({ showing: "published", text: { language: "pt", fallback: true }, contact: { email: null }, history: null, decisionComment: null });
    expect((await call(`/practices/${slug}/files/${file.id}`)).headers.get("content-type")).toBe("image/png");

    const searched = await call(`/practices?q=${encodeURIComponent("huertas comunitarias")}&theme=urban-food-policies`, undefined, { language: "es" });
    const found = await searched.json();
    expect(found, JSON.stringify(found)).toHaveProperty("items");
    expect(found.items[0]).toMatchObject({ slug, language: "pt", fallback: true });
    expect(found.items[0].snippet).toContain("\uE000");
    expect(found.facets.theme).toContainEqual(expect.objectContaining({ value: "urban-food-policies", selected: true }));
    const bad = await call("/practices?sdg=18&sort=best");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(["sdg.0", "sort"]);

    // A call, its selection, the published collection and its booklet.
    const day = 86_400_000;
    const opened = await call(`/networks/${bank.network.slug}/practice-calls`, moderator, {
      method: "POST",
      body: { title: "Ciudades inclusivas", language: "es", themeIds: ["urban-food-policies"], opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() },
    });
    expect(opened.status).toBe(201);
    const theCall = await opened.json();
    expect((await call(`/networks/${bank.network.slug}/practice-calls`, author, { method: "POST", body: { title: "Otra convocatoria", language: "es", opensAt: "2026-01-01T00:00:00Z", closesAt: "2026-02-01T00:00:00Z" } })).status).toBe(403);
    const entry = await (await call(`/networks/${bank.network.slug}/practice-calls/${theCall.slug}/entries`, author, { method: "POST", body: { practice: slug } })).json();
    // The public sees no entries before the collection is published.
    expect((await (await call(`/networks/${bank.network.slug}/practice-calls/${theCall.slug}`)).json()).entries).toEqual([]);
    expect((await call(`/networks/${bank.network.slug}/practice-calls/${theCall.slug}/entries/${entry.id}/decision`, moderator, { method: "POST", body: { status: "selected" } })).status).toBe(200);
    expect((await call(`/networks/${bank.network.slug}/collections/${theCall.collectionSlug}`)).status).toBe(404);
    await call(`/networks/${bank.network.slug}/collections/${theCall.collectionSlug}`, moderator, {
      method: "PATCH",
      body: { title: "Ciudades inclusivas: prácticas seleccionadas", foreword: "Una selección de la red.", language: "es" },
    });
    expect((await call(`/networks/${bank.network.slug}/collections/${theCall.collectionSlug}/publication`, moderator, { method: "POST" })).status).toBe(200);
    const collection = await (await call(`/networks/${bank.network.slug}/collections/${theCall.collectionSlug}`, undefined, { language: "es" })).json();
    expect(collection.practices.map((p: { slug: string }) => p.slug)).toEqual([slug]);
    const pdf = await call(`/networks/${bank.network.slug}/collections/${theCall.collectionSlug}/booklet?lang=es`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");

    const feed = await call(`/practices/feed?network=${bank.network.slug}`, undefined, { language: "pt" });
    expect(feed.headers.get("content-type")).toContain("application/atom+xml");
    expect(await feed.text()).toContain("Hortas comunitárias em terrenos baldios");
    const csv = await (await call(`/practices/export?q=hortas`, undefined, { language: "es" })).text();
    expect(csv.split("\r\n")[0]).toContain("slug,title");
    expect(csv).toContain(slug);
  });
});

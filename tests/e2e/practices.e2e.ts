// The good-practice bank in a real browser: Porto Alegre's officer writes a practice in
// Portuguese, has a renamed program refused on the form (what she typed kept), adds a photo with
// its description and sends it; Mercociudades' secretariat (two-step sign-in) asks for a change
// with a comment; she corrects and sends it again; the secretariat publishes it; a visitor reading
// Spanish finds it with Spanish words, reads it (marked as written in Portuguese, with its image
// and schema.org data), sees the results on a map, opens the demo collection and downloads its
// PDF booklet. Reports, taking down and putting back. Every page checked by axe.
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../modules/organizations/seed-demo-organizations.ts";
import { practiceText } from "../../modules/practices/testing.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { totpCode } from "../support/totp.ts";
import { expectAccessible, openPage, startServerWithMail } from "./harness.ts";

type Locale = "es" | "pt" | "en";
const t = (locale: Locale, key: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), catalogs[locale][key]!);

const officer = "ana.souza@portoalegre.example";
const secretariatEmail = "secretaria@mercociudades.example";
const title = "Hortas comunitárias nos terrenos baldios da periferia";
const text = practiceText("pt", title);
const altText = "Famílias colhendo verduras numa horta comunitária";
const comment = "Incluam os resultados de 2023, com o número de famílias.";

let world: Awaited<ReturnType<typeof startServerWithMail>>;
let browser: Browser;
let author: Page;
let moderator: Page;
let slug = "";

beforeAll(async () => {
  world = await startServerWithMail("practices");
  browser = world.browser;
});
afterAll(() => world?.close());

const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);

async function signIn(page: Page, locale: Locale, email: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", demoPassword);
  await page.getByRole("button", { name: t(locale, "signIn.submit"), exact: true }).last().click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

async function heading(page: Page, expected: string) {
  await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(expected);
}

async function status(page: Page, expected: string) {
  await expect.poll(() => page.locator("[role=status]").first().textContent(), { timeout: 10_000 }).toBe(expected);
}

describe("the good-practice bank", () => {
  it("a city officer writes a practice in Portuguese", { timeout: 120_000 }, async () => {
    author = await openPage(browser, world.server.url);
    await signIn(author, "pt", officer);
    await author.goto("/pt/practices");
    await heading(author, t("pt", "practicesPages.search.title"));
    await expectAccessible(author);
    await author.getByRole("link", { name: t("pt", "practicesPages.search.write") }).click();
    await heading(author, t("pt", "practicesPages.editor.newTitle"));
    await expectAccessible(author);
    await author.selectOption("#originalLanguage", "pt");
    await field(author, "texts.pt.title").fill(title);
    await field(author, "texts.pt.summary").fill(text.summary);
    await field(author, "texts.pt.problem").fill(text.problem);
    await field(author, "texts.pt.solution").fill(text.solution);
    await field(author, "texts.pt.results").fill("As hortas abastecem as famílias do bairro.");
    await author.check("#themeIds-urban-food-policies");
    await author.check("#sdgGoals-2");
    await author.check("#sdgGoals-11");
    await field(author, "startYear").fill("2019");
    await field(author, "partners.0.name").fill("Associação de Moradores da Restinga");
    await author.selectOption('[id="partners.0.kind"]', "civil_society");
    await field(author, "contact.name").fill("Ana Souza");
    await field(author, "contact.email").fill("ana.souza@portoalegre.example");
    await author.getByRole("button", { name: t("pt", "practicesPages.editor.save") }).click();
    await author.waitForURL(/\/pt\/practices\/[a-z0-9-]+\/edit\?done=created$/);
    slug = new URL(author.url()).pathname.split("/")[3]!;
    await status(author, t("pt", "practicesPages.done.created"));
    await expectAccessible(author);

    // The draft is found again among the organization's practices, and opens in the editor.
    await author.goto("/pt/practices");
    await author.getByRole("link", { name: new RegExp(`^${t("pt", "practicesPages.own.title")}`) }).click();
    const own = author.locator("section.own-practices");
    expect(await own.locator("tbody tr").first().textContent()).toContain(t("pt", "practicesPages.status.draft"));
    await expectAccessible(author);
    await own.getByRole("link", { name: t("pt", "practicesPages.editor.editTitle", { title }) }).click();
    await author.waitForURL(new RegExp(`/pt/practices/${slug}/edit$`));
    await heading(author, t("pt", "practicesPages.editor.editTitle", { title }));
  });

  it("refuses a program renamed as an image on the form, keeping what was typed, then takes a photo and sends the practice", { timeout: 120_000 }, async () => {
    // A Windows program with an image's name: refused by its content.
    const program = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("This program cannot be run in DOS mode."), Buffer.alloc(400)]);
    await field(author, "texts.pt.lessons").fill(text.lessons);
    await author.setInputFiles("#file", { name: "horta.png", mimeType: "image/png", buffer: program });
    await field(author, "alt.pt").fill(altText);
    await author.getByRole("button", { name: t("pt", "practicesPages.editor.save") }).click();
    await expect.poll(() => author.locator("#file-error").textContent(), { timeout: 10_000 }).toBe(t("pt", "storage.program"));
    expect(await author.locator("[role=alert]").first().textContent()).toContain(t("pt", "storage.program"));
    expect(await field(author, "texts.pt.lessons").inputValue()).toBe(text.lessons);
    expect(await field(author, "alt.pt").inputValue()).toBe(altText);
    await expectAccessible(author);

    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 52, g: 140, b: 70 } } }).png().toBuffer();
    await author.setInputFiles("#file", { name: "horta.png", mimeType: "image/png", buffer: photo });
    await author.getByRole("button", { name: t("pt", "practicesPages.editor.saveAndSubmit") }).click();
    await author.waitForURL(new RegExp(`/pt/practices/${slug}\\?working=1&done=submitted$`));
    await status(author, t("pt", "practicesPages.done.submitted"));
    expect(await author.locator(`img[alt="${altText}"]`).count()).toBe(1);
    await expectAccessible(author);
  });

  it("the network's secretariat asks for a change with a comment", { timeout: 120_000 }, async () => {
    moderator = await openPage(browser, world.server.url);
    const page = moderator;
    await signIn(page, "es", secretariatEmail);
    // A secretariat signs in with a second factor: it turns it on, as a person would.
    await page.waitForURL(/\/es\/account\/two-factor\?required=1$/);
    await page.fill("#password", demoPassword);
    await page.getByRole("button", { name: t("es", "twoFactor.enable.submit") }).click();
    await expect.poll(() => page.locator("code.secret").count(), { timeout: 10_000 }).toBe(1);
    const secret = (await page.locator("code.secret").textContent())!.replace(/\s+/g, "");
    await page.fill("#code", totpCode(secret));
    await page.getByRole("button", { name: t("es", "twoFactor.confirm.submit") }).click();
    await page.waitForURL(/\/es\/account\/two-factor\?done=enabled$/);

    await page.goto("/es/practices/review");
    await heading(page, t("es", "practicesPages.review.title"));
    await expectAccessible(page);
    await page.locator(`a[href="/es/practices/${slug}?working=1"]`).first().click();
    await page.waitForURL(new RegExp(`/es/practices/${slug}\\?working=1$`));
    await heading(page, title);
    await expectAccessible(page);
    await page.check("#decision-request_changes");
    await page.getByRole("button", { name: t("es", "practicesPages.decide.submit") }).click();
    // Asking for changes without saying which is refused on the field.
    await expect.poll(() => page.locator("#comment-error").count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page);
    await page.check("#decision-request_changes");
    await page.fill("#comment", comment);
    await page.getByRole("button", { name: t("es", "practicesPages.decide.submit") }).click();
    await page.waitForURL(new RegExp(`/es/practices/${slug}\\?working=1&done=changes_requested$`));
    await status(page, t("es", "practicesPages.done.changes_requested"));
    // Nothing is left for the secretariat to do until it is sent again: no empty "what you can do".
    expect(await page.locator("#actions-title").count()).toBe(0);
  });

  it("the officer, without JavaScript, reads the comment, corrects the practice and sends it again; the secretariat publishes it", { timeout: 120_000 }, async () => {
    // The editor is a plain multipart form: it works in a browser that runs no script.
    const colleague = author;
    author = await openPage(browser, world.server.url, { javaScriptEnabled: false });
    await signIn(author, "pt", officer);
    await author.goto(`/pt/practices/${slug}/edit`);
    await expect.poll(() => author.locator("main").textContent(), { timeout: 10_000 }).toContain(comment);
    await expectAccessible(author);
    // Meanwhile the same practice is saved elsewhere: this form's revision is now an old one.
    await colleague.goto(`/pt/practices/${slug}/edit`);
    await field(colleague, "texts.pt.replication").fill(text.replication);
    await colleague.getByRole("button", { name: t("pt", "practicesPages.editor.save") }).click();
    await colleague.waitForURL(new RegExp(`/pt/practices/${slug}/edit\\?done=saved$`));

    await field(author, "texts.pt.results").fill(text.results);
    await author.getByRole("button", { name: t("pt", "practicesPages.editor.saveAndSubmit") }).click();
    await expect.poll(() => author.locator("[role=alert]").first().textContent(), { timeout: 10_000 }).toContain(t("pt", "practicesPages.editor.stale"));
    expect(await field(author, "texts.pt.results").inputValue()).toBe(text.results);
    await expectAccessible(author);
    // Saving again, having seen the message, replaces the other save.
    await author.getByRole("button", { name: t("pt", "practicesPages.editor.saveAndSubmit") }).click();
    await author.waitForURL(new RegExp(`/pt/practices/${slug}\\?working=1&done=submitted$`));

    await moderator.goto(`/es/practices/${slug}?working=1`);
    await heading(moderator, title);
    expect(await moderator.locator("main").textContent()).toContain("1.300 famílias");
    await moderator.check("#decision-publish");
    await moderator.getByRole("button", { name: t("es", "practicesPages.decide.submit") }).click();
    await moderator.waitForURL(new RegExp(`/es/practices/${slug}\\?done=published$`));
    await status(moderator, t("es", "practicesPages.done.published"));
    await expectAccessible(moderator);
  });

  it("a visitor reading Spanish finds it with Spanish words, reads it, and sees the results on a map", { timeout: 120_000 }, async () => {
    const page = await openPage(browser, world.server.url, { locale: "es-ES" });
    await page.goto("/es");
    await page.getByRole("navigation", { name: t("es", "nav.main") }).getByRole("link", { name: t("es", "practicesPages.nav") }).click();
    await heading(page, t("es", "practicesPages.search.title"));
    await page.fill("#q", "huertas comunitarias periferia");
    await page.getByRole("button", { name: t("es", "practicesPages.search.submit") }).click();
    await page.waitForURL(/\/es\/practices\?q=huertas/);
    const result = page.locator(`.practice-hits a[href="/es/practices/${slug}"]`);
    await expect.poll(() => result.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(".practice-hits mark").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // Facets keep the words; the map is an image of its own with the same results as a list.
    await page.goto("/es/practices?q=huertas+comunitarias+periferia&view=map");
    await expect.poll(() => page.locator(".practice-map img").count(), { timeout: 10_000 }).toBe(1);
    const map = await page.request.get(`/es/practices/map.svg?q=${encodeURIComponent("huertas comunitarias periferia")}`);
    expect(map.status()).toBe(200);
    expect(map.headers()["content-type"]).toContain("image/svg+xml");
    await expectAccessible(page);

    await page.goto(`/es/practices/${slug}`);
    await heading(page, title);
    const main = await page.locator("main").textContent();
    expect(main).toContain(t("es", "practicesPages.originalIn", { language: t("es", "language.pt") }));
    // The contact's address is for people signed in.
    expect(main).not.toContain("ana.souza@portoalegre.example");
    const image = page.locator(`img[alt="${altText}"]`);
    expect(await image.count()).toBe(1);
    const file = await page.request.get((await image.getAttribute("src"))!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toMatch(/^image\/(png|jpeg)$/);
    const corrected = await openPage(browser, world.server.url, { locale: "es-ES" });
    await corrected.goto("/es/practices?q=huertaz+comunitarias");
    await expect.poll(() => corrected.locator(".notice").first().textContent(), { timeout: 10_000 }).toContain(t("es", "practicesPages.results.corrected", { words: "" }).replace(/\.$/, "").trim());
    expect(await corrected.locator(`.practice-hits a[href="/es/practices/${slug}"]`).count()).toBe(1);
    // A facet keeps the words and the other filters.
    await corrected.locator(`.facets a[href*="country=BR"]`).first().click();
    await corrected.waitForURL((url) => url.searchParams.get("country") === "BR" && url.searchParams.get("q") === "huertaz comunitarias");
    expect(await corrected.locator(`.practice-hits a[href="/es/practices/${slug}"]`).count()).toBe(1);
    await expectAccessible(corrected);

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ "@type": "Article", name: title, headline: title, inLanguage: "pt", author: { "@type": "Organization", name: "Prefeitura de Porto Alegre" } });
    // The photo, by the address the page shows it at.
    expect(jsonLd.image).toEqual([expect.stringMatching(new RegExp(`/es/practices/${slug}/files/[^/?]+$`))]);
    await expectAccessible(page);
  });

  it("someone signed in reports it; the secretariat dismisses the report from its queue, then takes the practice down and puts it back", { timeout: 120_000 }, async () => {
    const reader = await openPage(browser, world.server.url);
    await signIn(reader, "en", "carla.mendes@example.org");
    await reader.goto(`/en/practices/${slug}`);
    await heading(reader, title);
    await reader.getByText(t("en", "practicesPages.report.title")).click();
    await reader.selectOption("#reason", "inaccurate");
    await reader.fill("#report-comment", "The figures do not match the city's own report.");
    await reader.getByRole("button", { name: t("en", "practicesPages.report.submit") }).click();
    await reader.waitForURL(new RegExp(`/en/practices/${slug}\\?done=reported$`));
    await status(reader, t("en", "practicesPages.done.reported"));
    await expectAccessible(reader);

    await moderator.goto("/es/practices/review?status=reported");
    await expect.poll(() => moderator.locator("#reports-title").count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(moderator);
    await moderator.getByRole("button", { name: t("es", "practicesPages.reports.dismiss") }).first().click();
    await moderator.waitForURL(/\/es\/practices\/review\?done=dismissed$/);
    await status(moderator, t("es", "practicesPages.done.dismissed"));

    // A moderator may also take it down without a report, and put it back.
    await moderator.goto(`/es/practices/${slug}`);
    await moderator.getByText(t("es", "practicesPages.hide.title")).click();
    await moderator.fill("#hide-note", "Revisión de los datos personales del contacto.");
    await moderator.getByRole("button", { name: t("es", "practicesPages.hide.submit") }).click();
    await moderator.waitForURL(new RegExp(`/es/practices/${slug}\\?working=1&done=hidden$`));
    await status(moderator, t("es", "practicesPages.done.hidden"));
    await expectAccessible(moderator);
    expect((await reader.request.get(`/en/practices/${slug}`)).status()).toBe(404);
    await moderator.getByRole("button", { name: t("es", "practicesPages.actions.restore") }).click();
    await moderator.waitForURL(new RegExp(`/es/practices/${slug}\\?done=restored$`));
    expect((await reader.request.get(`/en/practices/${slug}`)).status()).toBe(200);
  });

  it("the visitor opens the demo collection and downloads its booklet", { timeout: 120_000 }, async () => {
    const page = await openPage(browser, world.server.url, { locale: "es-ES" });
    const listed = await page.request.get("/api/v1/networks/mercociudades/collections");
    expect(listed.status()).toBe(200);
    const { items } = (await listed.json()) as { items: { slug: string }[] };
    expect(items.length).toBeGreaterThan(0);
    const base = `/es/networks/mercociudades/collections/${items[0]!.slug}`;
    await page.goto(base);
    expect(await page.locator(`a[href^="/es/practices/"]`).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    const pdf = await page.request.get(`${base}/booklet.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect(Buffer.from(await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

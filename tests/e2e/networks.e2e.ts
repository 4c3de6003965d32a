// A newcomer registers her city's government and applies to Mercociudades; the network's
// secretariat (two-step sign-in) approves it and the city shows in the member directory; a CSV
// import with bad rows is reported line by line and imports nothing, the corrected file imports.
// Without JavaScript: a logo upload (multipart) and recording a network not hosted here. Every
// page in es, pt and en checked by axe.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../modules/organizations/seed-demo-organizations.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { totpCode } from "../support/totp.ts";
import { expectAccessible, openPage, startServerWithMail } from "./harness.ts";

let world: Awaited<ReturnType<typeof startServerWithMail>>;
let smtp: typeof world.smtp;
let server: typeof world.server;
let browser: Browser;

beforeAll(async () => {
  world = await startServerWithMail("networks");
  ({ smtp, server, browser } = world);
});
afterAll(() => world?.close());

const secretariatEmail = "secretaria@mercociudades.example";
const newcomerEmail = "carla.mendes@example.org";
const city = "Câmara Municipal de Braga";
const t = (locale: "es" | "pt" | "en", key: string) => catalogs[locale][key]!;

async function signIn(page: Page, locale: "es" | "pt" | "en", email: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", demoPassword);
  await page.getByRole("button", { name: t(locale, "signIn.submit"), exact: true }).last().click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

async function heading(page: Page, text: string) {
  await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(text);
}

/** The secretariat's session (two-step sign-in turned on as the role requires), kept for every step. */
let secretariat: Page;
let membershipPath = "";

describe("networks", () => {
  it("a newcomer registers her city's government and applies to the network", async () => {
    const page = await openPage(browser, server.url);
    await signIn(page, "en", newcomerEmail);
    await page.goto("/en/organizations/new");
    await page.fill("#city", "Braga");
    await page.click("button[value=findCity]");
    await expect.poll(() => page.locator("#cityId option:checked").textContent(), { timeout: 10_000 }).toContain("Braga");
    await page.fill("#name", city);
    await page.click("button[value=create]");
    await page.waitForURL(/\/en\/organizations\/camara-municipal-de-braga$/);

    await page.goto("/en/networks");
    await heading(page, t("en", "networks.title"));
    await expectAccessible(page);
    expect(await page.locator(`a[href="/en/networks/mercociudades"]`).count()).toBeGreaterThan(0);
    await page.goto("/en/networks/mercociudades/join");
    await heading(page, t("en", "networks.join.title").replace("{network}", "Mercociudades"));
    expect(await page.locator("main").textContent()).toContain(`You act for ${city}.`);
    await expectAccessible(page);
    await page.fill("#message", "Braga would like to join the network's culture unit.");
    await page.getByRole("button", { name: t("en", "networks.join.submit") }).click();
    await page.waitForURL(/\/en\/networks\/mercociudades\/memberships\/[0-9a-f-]+\?done=applied$/);
    membershipPath = new URL(page.url()).pathname.replace(/^\/en/, "");
    await expect.poll(() => page.locator("[role=status]").textContent(), { timeout: 10_000 }).toBe(t("en", "networks.membership.done.applied"));
    expect(await page.locator("dl").textContent()).toContain(t("en", "networks.status.applicant"));
    await expectAccessible(page);
    // Applying again is not offered: the application is pending.
    await page.goto("/en/networks/mercociudades/join");
    await expect.poll(() => page.locator("main").textContent(), { timeout: 10_000 }).toContain(`The application of ${city} is pending`);
    await page.close();

    await expect.poll(async () => (await smtp.mailsTo(secretariatEmail)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const [mail] = await smtp.mailsTo(secretariatEmail);
    expect(mail!.subject).toBe(`${city} solicita ingresar a Mercociudades`);
    expect(mail!.text).toContain("Braga would like to join");
  });

  it("the secretariat turns on two-step sign-in and approves the application; the city is in the directory", async () => {
    secretariat = await openPage(browser, server.url);
    await signIn(secretariat, "en", secretariatEmail);
    // The role needs two-step sign-in: the officer is sent to turn it on first.
    await secretariat.waitForURL(/\/en\/account\/two-factor\?required=1$/);
    await secretariat.fill("#password", demoPassword);
    await secretariat.getByRole("button", { name: t("en", "twoFactor.enable.submit") }).click();
    await expect.poll(() => secretariat.locator("code.secret").count(), { timeout: 10_000 }).toBe(1);
    const key = (await secretariat.locator("code.secret").textContent())!.replace(/\s+/g, "");
    await secretariat.fill("#code", totpCode(key));
    await secretariat.getByRole("button", { name: t("en", "twoFactor.confirm.submit") }).click();
    await secretariat.waitForURL(/\/en\/account\/two-factor\?done=enabled$/);

    await secretariat.goto("/en/networks/mercociudades/members");
    await heading(secretariat, t("en", "networks.members.title"));
    const applications = secretariat.locator("#applications-title + ul");
    await expect.poll(() => applications.textContent(), { timeout: 10_000 }).toContain(city);
    await expectAccessible(secretariat);
    const card = applications.locator("li", { hasText: city });
    await card.locator("select").selectOption("associate");
    await card.getByRole("button", { name: `Approve ${city}` }).click();
    await expect.poll(() => secretariat.locator("[role=status]").textContent(), { timeout: 10_000 }).toBe(t("en", "networks.members.done.approved"));
    // No longer pending (the demo network has other applications).
    await expect.poll(() => secretariat.locator("section[aria-labelledby=applications-title]").textContent(), { timeout: 10_000 }).not.toContain(city);
    await expectAccessible(secretariat);

    // The public directory shows the new member with its category; the history says who approved it.
    const visitor = await openPage(browser, server.url);
    await visitor.goto("/pt/networks/mercociudades/members?q=braga&category=associate");
    await heading(visitor, t("pt", "networks.members.title"));
    await expect.poll(() => visitor.locator("table tbody").textContent(), { timeout: 10_000 }).toContain(city);
    await expectAccessible(visitor);
    await visitor.close();
    await secretariat.goto(`/es${membershipPath}`);
    await heading(secretariat, `${city} en Mercociudades`);
    expect(await secretariat.locator("table").textContent()).toContain("Valentina Rodríguez");
    await expectAccessible(secretariat);

    await expect.poll(async () => (await smtp.mailsTo(newcomerEmail)).length, { timeout: 15_000 }).toBe(1);
    expect((await smtp.mailsTo(newcomerEmail))[0]!.subject).toBe(`${city} is now a member of Mercociudades`);
  });

  it("reports every bad row of a CSV import by line with suggestions, imports nothing, then imports the corrected file", async () => {
    const page = secretariat;
    await page.goto("/es/networks/mercociudades/members/import");
    await heading(page, t("es", "networks.import.title"));
    await expectAccessible(page);
    const bad = [
      "city,geonames_id,country,status,since,category",
      "Bielefeldd,,DE,active,2010-05-01,full",
      ",999999999,DE,active,2011-01-01,",
      "Münster,,DE,miembro,2012-01-01,",
      "Karlsruhe,,DE,active,31/02/2020,",
    ].join("\n");
    await page.fill("#csv", bad);
    await page.getByRole("button", { name: t("es", "networks.import.check") }).click();
    const rows = page.locator("#report-title ~ .table-wrap tbody tr");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    expect(await rows.locator("th").allTextContents()).toEqual(["2", "3", "4", "5"]);
    expect(await rows.nth(0).textContent()).toContain("no se encuentra ninguna ciudad llamada «Bielefeldd» en DE");
    expect(await rows.nth(0).locator("li").first().textContent()).toMatch(/^Bielefeld \(.+\) · \d+$/);
    expect(await rows.nth(1).textContent()).toContain("999999999");
    expect(await rows.nth(2).textContent()).toContain("«miembro» no es un estado");
    expect(await rows.nth(3).textContent()).toContain("«31/02/2020» no es una fecha");
    expect(await page.locator("main").textContent()).toContain(t("es", "networks.import.nothingImported"));
    await expectAccessible(page);

    const good = [
      "city,geonames_id,country,status,since,category",
      "Bielefeld,,DE,active,2010-05-01,full",
      "Münster,,DE,active,2012-01-01,associate",
      "Karlsruhe,,DE,inactive,2020-02-29,",
    ].join("\n");
    await page.fill("#csv", good);
    await page.getByRole("button", { name: t("es", "networks.import.check") }).click();
    await expect.poll(() => page.locator("#report-title").textContent(), { timeout: 10_000 }).toBe("Las 3 filas están bien.");
    expect(await page.locator("main").textContent()).toContain("3 miembros nuevos");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Importar 3 filas" }).click();
    await expect.poll(() => page.locator("#report-title").textContent(), { timeout: 10_000 }).toBe("Importación hecha: 3 filas.");
    await expectAccessible(page);

    // Active members are public; the inactive one only for the secretariat.
    const visitor = await openPage(browser, server.url);
    await visitor.goto("/en/networks/mercociudades/members?country=DE");
    await expect.poll(() => visitor.locator("table tbody tr").count(), { timeout: 10_000 }).toBe(2);
    expect(await visitor.locator("table tbody").textContent()).toContain("Bielefeld");
    expect(await visitor.locator("table tbody").textContent()).not.toContain("Karlsruhe");
    await visitor.close();
    await page.goto("/en/networks/mercociudades/members?country=DE&status=inactive");
    await expect.poll(() => page.locator("table tbody").textContent(), { timeout: 10_000 }).toContain("Karlsruhe");
  });

  it("every networks page of the secretariat passes axe in es, pt and en", async () => {
    const page = secretariat;
    for (const locale of ["es", "pt", "en"] as const) {
      for (const path of ["/networks", "/networks/mercociudades/members", "/networks/mercociudades/members/import", "/networks/mercociudades/edit", membershipPath, "/networks/new"]) {
        await page.goto(`/${locale}${path}`);
        await expect.poll(() => page.locator("h1").count(), { timeout: 10_000 }).toBe(1);
        expect(await page.locator("html").getAttribute("lang")).toBe(locale);
        await expectAccessible(page);
      }
    }
  });

  it("without JavaScript: the secretariat uploads a logo (a file that is no image is refused); a focal point records a network not hosted here", async () => {
    const page = await openPage(browser, server.url, { javaScriptEnabled: false });
    await page.context().addCookies(await secretariat.context().cookies());
    await page.goto("/pt/networks/mercociudades/edit");
    expect(await page.locator("h1").textContent()).toBe(t("pt", "networks.edit.title"));
    await page.setInputFiles("#logo", { name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
    await page.getByRole("button", { name: t("pt", "networks.edit.logoSubmit") }).click();
    await page.waitForLoadState();
    expect(await page.locator("#logo-error").textContent()).toBe(t("pt", "validation.logoType"));
    await expectAccessible(page);
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    );
    await page.setInputFiles("#logo", { name: "logo.jpg", mimeType: "image/jpeg", buffer: png });
    await page.getByRole("button", { name: t("pt", "networks.edit.logoSubmit") }).click();
    await page.waitForURL(/\/pt\/networks\/mercociudades\/edit\?done=logo$/);
    expect(await page.locator("[role=status]").textContent()).toBe(t("pt", "networks.edit.done.logo"));
    await expectAccessible(page);
    const logo = await page.request.get(`${server.url}/pt/networks/mercociudades/logo`);
    expect(logo.status()).toBe(200);
    expect(logo.headers()["content-type"]).toBe("image/png");
    expect(logo.headers()["x-content-type-options"]).toBe("nosniff");
    await page.close();

    const newcomer = await openPage(browser, server.url, { javaScriptEnabled: false });
    await signIn(newcomer, "es", newcomerEmail);
    await newcomer.goto("/es/networks/new");
    expect(await newcomer.locator("h1").textContent()).toBe(t("es", "networks.new.externalTitle"));
    await expectAccessible(newcomer);
    await newcomer.getByRole("button", { name: t("es", "networks.new.recordSubmit") }).click();
    await newcomer.waitForLoadState();
    expect(await newcomer.locator("#name-error").count()).toBe(1);
    await expectAccessible(newcomer);
    await newcomer.fill("#name", "Rede Ibérica de Cidades de Teste");
    await newcomer.fill("#acronym", "RICT");
    await newcomer.selectOption("#kind", "thematic");
    await newcomer.fill("#since", "2019-03-15");
    await newcomer.getByRole("button", { name: t("es", "networks.new.recordSubmit") }).click();
    await newcomer.waitForURL(/\/es\/networks\/rede-iberica-de-cidades-de-teste\/join\?done=recorded$/);
    expect(await newcomer.locator("[role=status]").textContent()).toBe(t("es", "networks.join.done.recorded"));
    expect(await newcomer.locator("main").textContent()).toContain(`${city} figura como miembro de esta red`);
    await expectAccessible(newcomer);
    await newcomer.goto("/es/networks?hosted=no&q=rict");
    expect(await newcomer.locator("#results-title").textContent()).toBe("1 red");
    await newcomer.close();
  });
});

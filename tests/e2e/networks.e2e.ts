// A newcomer registers her city's government and applies to Mercociudades; the network's
// secretariat (two-step sign-in) sees when she applied and her message, must choose a category,
// approves it and the city shows in the member directory (whose country filter lists the members'
// countries only); a CSV file with bad rows is reported line by line, imports nothing and comes
// back in the paste box to be corrected; the dry run and the import name every member added or
// changed. Without JavaScript: a logo upload (multipart) and recording a network not hosted here,
// whose page speaks of no secretariat; UCCI (no secretariat organization) says its applications
// are decided by the administrators; a city page names its networks in the page's language.
// Every page in es, pt and en checked by axe.
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
    // The card says when she applied and what she wrote.
    expect(await card.textContent()).toContain("Applied on ");
    expect(await card.textContent()).toContain("Braga would like to join the network's culture unit.");
    // No category is chosen for the secretariat: approving without one is refused on the field.
    expect(await card.locator("select").inputValue()).toBe("");
    await card.getByRole("button", { name: `Approve ${city}` }).click();
    await expect.poll(() => card.locator(".field-error").textContent(), { timeout: 10_000 }).toBe(t("en", "validation.categoryRequired"));
    expect(await card.locator("select").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(secretariat);
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
    // The country filter offers the members' countries only, in the page's language.
    const countries = await visitor.locator("#country option").allTextContents();
    expect(countries).toContain("Portugal");
    expect(countries).toContain("Brasil");
    expect(countries).not.toContain("Japão");
    expect(countries.length).toBeLessThan(20);
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
    await heading(page, t("es", "networks.import.title").replace("{network}", "Mercociudades"));
    expect(await page.locator("main p a").first().getAttribute("href")).toBe("/es/networks/mercociudades");
    await expectAccessible(page);
    const bad = [
      "city,geonames_id,country,status,since,category",
      "Bielefeldd,,DE,active,2010-05-01,full",
      ",999999999,DE,active,2011-01-01,",
      "Münster,,DE,miembro,2012-01-01,",
      "Karlsruhe,,DE,active,31/02/2020,",
    ].join("\n");
    // Chosen as a file: with problems, its content comes back in the paste box to be corrected there.
    await page.setInputFiles("#file", { name: "miembros.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
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
    expect(await page.inputValue("#csv")).toBe(bad);
    expect(await page.locator("#csv-hint").textContent()).toBe(t("es", "networks.import.keptFile").replace("{file}", "miembros.csv"));
    await expectAccessible(page);

    const good = [
      "city,geonames_id,country,status,since,category",
      "Bielefeld,,DE,active,2010-05-01,full",
      "Münster,,DE,active,2012-01-01,associate",
      "Karlsruhe,,DE,inactive,2020-02-29,",
    ].join("\n");
    await page.fill("#csv", good);
    await page.getByRole("button", { name: t("es", "networks.import.check") }).click();
    await expect.poll(() => page.locator("#report-title").textContent(), { timeout: 10_000 }).toBe("El archivo no tiene problemas (3 filas).");
    expect(await page.locator("main").textContent()).toContain("Se agregarán 3 miembros nuevos.");
    // Every membership the import will add, by line.
    const added = page.locator("table", { has: page.locator("caption", { hasText: "Las 3 membresías que se agregarán" }) });
    expect(await added.locator("tbody th").allTextContents()).toEqual(["2", "3", "4"]);
    expect(await added.locator("tbody").textContent()).toContain("Münster");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Importar 3 filas" }).click();
    await expect.poll(() => page.locator("#report-title").textContent(), { timeout: 10_000 }).toBe("Archivo importado (3 filas).");
    expect(await page.locator("main").textContent()).toContain("Se agregaron 3 miembros nuevos.");
    expect(await page.locator("caption").allTextContents()).toEqual(["Las 3 membresías agregadas"]);
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

    // A file that changes a member: the dry run names it and says how, the import says what it did.
    await page.goto("/es/networks/mercociudades/members/import");
    await page.fill("#csv", "city,country,status,since\nKarlsruhe,DE,active,2021-03-01\n");
    await page.getByRole("button", { name: t("es", "networks.import.check") }).click();
    await expect.poll(() => page.locator("#report-title").textContent(), { timeout: 10_000 }).toBe("El archivo no tiene problemas (1 fila).");
    expect(await page.locator("main").textContent()).toContain("Cambiará 1 miembro actual (su estado, su fecha de ingreso o su categoría).");
    const changed = page.locator("table", { has: page.locator("caption", { hasText: "El miembro actual que cambiará" }) });
    const row = await changed.locator("tbody tr").textContent();
    expect(row).toContain("Karlsruhe");
    expect(row).toContain("De Inactivo a Activo");
    expect(row).toContain("De 29 de febrero de 2020 a 1 de marzo de 2021");
    expect(row).toContain(t("es", "networks.import.noChange"));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Importar 1 fila" }).click();
    await expect.poll(() => page.locator("#report-title").textContent(), { timeout: 10_000 }).toBe("Archivo importado (1 fila).");
    expect(await page.locator("main").textContent()).toContain("Cambió 1 miembro actual (su estado, su fecha de ingreso o su categoría).");
    expect(await page.locator("caption").allTextContents()).toEqual(["El miembro que cambió"]);
    await expectAccessible(page);
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
    // Nothing on a network not hosted here speaks of a secretariat: there is none.
    expect(await newcomer.locator("main").textContent()).not.toMatch(/secretar/i);
    await newcomer.goto("/es/networks?hosted=no&q=rict");
    expect(await newcomer.locator("#results-title").textContent()).toBe("1 red");

    // UCCI is hosted here without a secretariat organization: the platform's administrators decide.
    await newcomer.goto("/en/networks/ucci/join");
    expect(await newcomer.locator("main").textContent()).toContain("applications are decided by the platform's administrators");
    expect(await newcomer.locator("label[for=message]").textContent()).toBe(t("en", "networks.join.messageToAdministrators"));
    await expectAccessible(newcomer);

    // A city page names its networks in the page's language, with their acronym, and no year it does not know.
    await newcomer.goto("/pt/cities/3439389");
    const networks = await newcomer.locator("section[aria-labelledby=networks-title] li").allTextContents();
    expect(networks).toContain("Mercocidades — membro fundador (1995)");
    expect(networks).toContain("União das Cidades Capitais Ibero-americanas (UCCI)");
    await expectAccessible(newcomer);
    await newcomer.close();
  });
});

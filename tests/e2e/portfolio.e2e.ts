// A network's public page (figures, the SVG map with its table alternative, the chart, bodies)
// in three languages, and a city's portfolio as its focal point sees it: alerts, history, the
// CSV download and the printable page; an outsider is told it does not exist. The city, its
// people and its networks are made for this test, written to a copy of the seeded database
// before the server starts. Every page checked by axe.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMember, createPerson } from "../../modules/organizations/factories.ts";
import { networkBodyParticipants } from "../../modules/governance/schema.ts";
import {
  addBody,
  addMembership,
  addRole,
  createCityGovernment,
  createOtherOrganization,
  createTestNetwork,
  daysFromToday,
} from "../../modules/portfolio/testing.ts";
import { openDatabase } from "../../platform/db/client.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { expectAccessible, launchBrowser, openPage, type RunningServer, startServer } from "./harness.ts";

const password = "una frase larga para el portafolio";
const focalEmail = "focal.portafolio@e2e.example";
const outsiderEmail = "ajena.portafolio@e2e.example";
const locales = ["es", "pt", "en"] as const;

let scratch: string;
let server: RunningServer;
let browser: Browser;
let city: { slug: string; name: string };
let regional: { slug: string; name: string };
let empty: { slug: string; name: string };
let cityPopulation: number;

/** A city in a regional network (coordinating Culture until 20 days from now, having coordinated it in 2022–2023, in Education with nobody there) and a global one inactive for 200 days. */
async function prepare(dir: string) {
  const handle = await openDatabase({ dir });
  const db = handle.db;
  try {
    const focal = await createPerson(db, { name: "Florencia Focal", email: focalEmail, password });
    const staff = await createPerson(db, { name: "Tomás Técnico", email: "tecnico.portafolio@e2e.example", password });
    const outsider = await createPerson(db, { name: "Ana Ajena", email: outsiderEmail, password });
    const org = await createCityGovernment(db, "CL");
    cityPopulation = org.population;
    city = org;
    await addMember(db, org.id, focal, "focal_point");
    await addMember(db, org.id, staff, "staff");
    const other = await createOtherOrganization(db, "civil_society", "CL");
    await addMember(db, other.id, outsider, "focal_point");

    const network = await createTestNetwork(db, { name: "Red Andina de Prueba", kind: "regional" });
    regional = network;
    await addMembership(db, network.id, org.id, { founding: true, since: "2001-04-01" });
    const culture = await addBody(db, network.id, { slug: "cultura", kind: "thematic_unit", names: { es: "Cultura", pt: "Cultura", en: "Culture" }, position: 1 });
    const education = await addBody(db, network.id, { slug: "educacion", kind: "thematic_unit", names: { es: "Educación", pt: "Educação", en: "Education" }, position: 2 });
    await addRole(db, { networkId: network.id, bodyId: culture, organizationId: org.id, role: "coordinator", startsOn: "2022-01-01", endsOn: "2023-12-31" });
    await addRole(db, { networkId: network.id, bodyId: culture, organizationId: org.id, role: "coordinator", startsOn: daysFromToday(-300), endsOn: daysFromToday(20) });
    await addRole(db, { networkId: network.id, bodyId: education, organizationId: org.id, role: "member", startsOn: daysFromToday(-30) });
    await db.insert(networkBodyParticipants).values({ bodyId: culture, organizationId: org.id, userId: staff });

    empty = await createTestNetwork(db, { name: "Red Recién Creada", kind: "thematic" });

    const global = await createTestNetwork(db, { name: "Red Global de Prueba", kind: "global" });
    await addMembership(db, global.id, org.id, { status: "inactive", statusChangedDaysAgo: 200 });
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "pares-portfolio-"));
  cpSync(inject("seededDataDir"), join(scratch, "pglite"), { recursive: true });
  await prepare(join(scratch, "pglite"));
  server = await startServer({ PGLITE_DIR: join(scratch, "pglite"), SECRET: "portfolio-e2e-secret-portfolio-e2e-secret" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function signIn(page: Page, locale: (typeof locales)[number], email: string) {
  const t = createTranslator(locale, catalogs[locale]);
  await page.goto(`/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.getByRole("button", { name: t("signIn.submit"), exact: true }).last().click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

describe.each(locales)("a network's public page in %s", (locale) => {
  const t = createTranslator(locale, catalogs[locale]);

  it("shows the live figures, the member cities on a map with a table alternative, and a chart by country", async () => {
    const page = await openPage(browser, server.url);
    await page.goto(`/${locale}/networks/${regional.slug}`);
    expect(await page.locator("h1").textContent()).toContain("Red Andina de Prueba");
    const stats = await page.locator(".stats").textContent();
    expect(stats).toContain(t("networkPage.figures.memberCities", { count: 1 }));
    expect(stats).toContain(t("networkPage.figures.population", { count: cityPopulation }));
    expect(stats).toContain(t("networkPage.figures.thematicUnits", { count: 2 }));
    const map = page.locator(".network-map svg[role=img]");
    expect(await map.locator("title").first().textContent()).toBe(t("networkPage.map.title", { network: "Red Andina de Prueba" }));
    expect(await map.locator("circle").count()).toBe(1);
    expect(await page.locator(".bar-chart tbody tr").count()).toBe(1);
    // The table alternative lists the city under its country.
    await page.locator(".map-table summary").click();
    const table = page.locator(".map-table table");
    expect(await table.locator("caption").textContent()).toBe(t("networkPage.table.caption", { network: "Red Andina de Prueba" }));
    expect(await table.locator("tbody th").textContent()).toContain("Chile");
    expect(await table.locator(`tbody a[href="/${locale}/organizations/${city.slug}"]`).count()).toBe(1);
    // Culture's coordinator is listed with a link to its page.
    expect(await page.locator(".cards").textContent()).toContain(city.name);
    await expectAccessible(page);
    await page.context().close();
  });

  it("says so when the network has no members yet", async () => {
    const page = await openPage(browser, server.url);
    await page.goto(`/${locale}/networks/${empty.slug}`);
    expect(await page.locator("main").textContent()).toContain(t("networkPage.map.none"));
    expect(await page.locator(".network-map").count()).toBe(0);
    expect(await page.locator(".stats").textContent()).toContain(t("networkPage.figures.memberCities", { count: 0 }));
    await expectAccessible(page);
    await page.context().close();
  });

  it("draws the seed network's member cities, one dot per city, counted in the chart and listed in the table", async () => {
    const page = await openPage(browser, server.url);
    await page.goto(`/${locale}/networks/mercociudades`);
    const dots = await page.locator(".network-map svg[role=img] circle").count();
    expect(dots).toBeGreaterThan(10);
    const counts = (await page.locator(".bar-chart tbody td.number").allTextContents()).map((n) => Number(n.replace(/\D/g, "")));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(dots);
    // The table lists each country's cities (up to 60; the rest are a link to the member directory away).
    await page.locator(".map-table summary").click();
    expect(await page.locator(".map-table tbody td li").count()).toBe(counts.reduce((sum, n) => sum + Math.min(n, 60), 0));
    expect(await page.locator(".map-table tbody td p a").count()).toBe(counts.filter((n) => n > 60).length);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe("a city's portfolio", () => {
  it.each(locales)("its focal point sees alerts, roles now and before and the teams, in %s", async (locale) => {
    const t = createTranslator(locale, catalogs[locale]);
    const page = await openPage(browser, server.url);
    await signIn(page, locale, focalEmail);
    // From the organization's page.
    await page.goto(`/${locale}/organizations/${city.slug}`);
    await page.getByRole("link", { name: t("portfolio.title") }).click();
    await page.waitForURL(`**/${locale}/organizations/${city.slug}/portfolio`);
    await expect.poll(() => page.locator("h1").textContent()).toBe(t("portfolio.title"));
    const alerts = page.locator(".portfolio-alerts li");
    expect(await alerts.count()).toBe(3);
    const alertText = (await alerts.allTextContents()).join("\n");
    expect(alertText).toContain(t("portfolio.alert.kind.role_ending"));
    expect(alertText).toContain(t("portfolio.alert.kind.membership_stale"));
    expect(alertText).toContain(t("portfolio.alert.kind.unit_without_people"));
    const culture = { es: "Cultura", pt: "Cultura", en: "Culture" }[locale];
    const content = await page.locator("main").textContent();
    expect(content).toContain(t("portfolio.history.coordinator", { body: culture, years: "2022–2023" }));
    expect(content).toContain("Tomás Técnico");
    expect(content).toContain(t("portfolio.group.regional", { count: 1 }));
    expect(content).toContain(t("portfolio.group.global", { count: 1 }));
    await expectAccessible(page);

    // The CSV: a header row in the page's language, UTF-8 with BOM, a file name.
    const csv = await page.context().request.get(`/${locale}/organizations/${city.slug}/portfolio/export`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="portfolio-${city.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const body = (await csv.body()).toString("utf8");
    expect(body.startsWith(`\uFEFF${t("portfolio.csv.network")},`)).toBe(true);
    expect(body.split("\r\n").filter(Boolean)).toHaveLength(1 + 2 + 3);
    await page.context().close();
  });

  it("downloads the CSV from the page's link", async () => {
    const page = await openPage(browser, server.url, { acceptDownloads: true });
    await signIn(page, "en", focalEmail);
    await page.goto(`/en/organizations/${city.slug}/portfolio`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^portfolio-.*\.csv$/);
    await page.context().close();
  });

  it("has a printable page without the site's navigation, with a print button once scripts run", async () => {
    const page = await openPage(browser, server.url);
    await signIn(page, "pt", focalEmail);
    await page.goto(`/pt/organizations/${city.slug}/portfolio/print`);
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    await expect.poll(() => page.getByRole("button", { name: "Imprimir" }).count()).toBe(1);
    expect(await page.locator(".portfolio-alerts li").count()).toBe(3);
    // Printed, the tools disappear too.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".print-tools").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    await expectAccessible(page);
    await page.context().close();

    const plain = await openPage(browser, server.url, { javaScriptEnabled: false });
    await signIn(plain, "es", focalEmail);
    await plain.goto(`/es/organizations/${city.slug}/portfolio/print`);
    expect(await plain.getByRole("button", { name: "Imprimir" }).count()).toBe(0);
    expect(await plain.locator(".print-tools").textContent()).toContain("Ctrl+P");
    await expectAccessible(plain);
    await plain.context().close();
  });

  it("is not there for another organization's member, and asks anonymous visitors to sign in", async () => {
    const page = await openPage(browser, server.url);
    await signIn(page, "en", outsiderEmail);
    const res = await page.goto(`/en/organizations/${city.slug}/portfolio`);
    expect(res?.status()).toBe(404);
    expect(await page.locator("main").textContent()).not.toContain("Tomás");
    const csv = await page.context().request.get(`/en/organizations/${city.slug}/portfolio/export`);
    expect(csv.status()).toBe(404);
    await page.goto(`/en/organizations/${city.slug}`);
    expect(await page.getByRole("link", { name: "Portfolio across networks" }).count()).toBe(0);
    await page.context().close();

    const anonymous = await openPage(browser, server.url);
    await anonymous.goto(`/es/organizations/${city.slug}/portfolio`);
    expect(new URL(anonymous.url()).pathname).toBe("/es/sign-in");
    await anonymous.context().close();
  });
});

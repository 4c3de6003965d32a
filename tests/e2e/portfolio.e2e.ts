// A network's public page (figures, the SVG map served as an image of its own with its table
// alternative, the chart, bodies, where the viewer's organization stands) in three languages, an
// organization's networks on its public page, and a city's portfolio as its focal point sees it:
// alerts, history, what is coming, the CSV download and the printable page; an outsider is told
// it does not exist. The city, its people and its networks are made for this test, written to a
// copy of the seeded database before the server starts. Every page checked by axe.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMember, createPerson } from "../../modules/organizations/factories.ts";
import { networkBodyParticipants, networkCandidacies } from "../../modules/governance/schema.ts";
import {
  addBody,
  addMembership,
  addRole,
  addTerm,
  createCityGovernment,
  createOtherOrganization,
  createTestNetwork,
  daysFromToday,
} from "../../modules/portfolio/testing.ts";
import { openDatabase } from "../../platform/db/client.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { formatDate } from "../../platform/i18n/format.ts";
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
    // The next term's candidacies are open; the city applied to sub-coordinate Education.
    const next = await addTerm(db, network.id, { label: "2031–2032", startsOn: daysFromToday(21), endsOn: daysFromToday(380), candidaciesOpenOn: daysFromToday(-5), candidaciesCloseOn: daysFromToday(10) });
    await db.insert(networkCandidacies).values({ networkId: network.id, bodyId: education, termId: next, organizationId: org.id, role: "sub_coordinator", status: "submitted" });

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
    const stats = await page.locator(".stats").first().textContent();
    expect(stats).toContain(t("networkPage.figures.memberCities", { count: 1 }));
    expect(stats).toContain(t("networkPage.figures.population", { count: cityPopulation }));
    expect(stats).toContain(t("networkPage.figures.thematicUnits", { count: 2 }));
    // The map is an image of its own: loaded, with an alternative that says what it shows and where the table is.
    const map = page.locator(".network-map img");
    expect(await map.getAttribute("alt")).toBe(t("networkPage.map.alt", { network: "Red Andina de Prueba", cities: 1, countries: 1 }));
    await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const svg = await page.context().request.get(`/${locale}/networks/${regional.slug}/map.svg`);
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(svg.headers()["x-content-type-options"]).toBe("nosniff");
    expect(svg.headers()["cache-control"]).toBe("public, max-age=300");
    const drawing = await svg.text();
    expect(drawing).toContain(`<title id="network-map-title">${t("networkPage.map.title", { network: "Red Andina de Prueba" })}</title>`);
    expect(drawing.match(/<circle /g)).toHaveLength(1);
    // Asked again with its ETag: not modified, no body.
    const again = await page.context().request.get(`/${locale}/networks/${regional.slug}/map.svg`, { headers: { "If-None-Match": svg.headers().etag! } });
    expect(again.status()).toBe(304);
    expect(await page.locator(".bar-chart tbody tr").count()).toBe(1);
    // An anonymous visitor is offered to apply; the figures speak proper plurals.
    expect(await page.getByRole("link", { name: t("networkPage.link.join") }).count()).toBe(1);
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
    const stats = await page.locator(".stats").first().textContent();
    expect(stats).toContain(t("networkPage.figures.memberCities", { count: 0 }));
    // Zero takes the plural in every language ("0 unidades temáticas", not "0 unidade temática").
    expect(stats).toContain({ es: "0 unidades temáticas", pt: "0 unidades temáticas", en: "0 thematic units" }[locale]);
    expect(stats).toContain({ es: "0 ciudades miembro", pt: "0 cidades membro", en: "0 member cities" }[locale]);
    await expectAccessible(page);
    await page.context().close();
  });

  it("draws the seed network's member cities, one dot per city, counted in the chart and listed in the table", async () => {
    const page = await openPage(browser, server.url);
    const response = await page.goto(`/${locale}/networks/mercociudades`);
    // The page carries the map as an <img> only: no drawing in its HTML nor in its loader data.
    const html = await response!.text();
    expect(html).not.toContain("<circle");
    expect(html).not.toContain("network-map-title");
    const map = page.locator(".network-map img");
    await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const drawing = await (await page.context().request.get(`/${locale}/networks/mercociudades/map.svg`)).text();
    const dots = drawing.match(/<circle /g)!.length;
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

describe("where a city stands, on the network's page and on its own", () => {
  it.each(locales)("a member's focal point is told the membership instead of being offered to apply, in %s", async (locale) => {
    const t = createTranslator(locale, catalogs[locale]);
    const page = await openPage(browser, server.url);
    await signIn(page, locale, focalEmail);
    await page.goto(`/${locale}/networks/${regional.slug}`);
    expect(await page.getByRole("link", { name: t("networkPage.link.join") }).count()).toBe(0);
    const since = formatDate(locale, "2001-04-01");
    expect(await page.locator("main").textContent()).toContain(t("networkPage.standing.member", { status: "active", since }));
    const membership = page.getByRole("link", { name: t("networkPage.standing.seeMembership") });
    expect(await membership.getAttribute("href")).toMatch(new RegExp(`^/${locale}/networks/${regional.slug}/memberships/[0-9a-f-]{36}$`));
    await expectAccessible(page);
    await page.context().close();
  });

  it.each(locales)("an organization's public page lists its active networks with today's roles, in %s", async (locale) => {
    const t = createTranslator(locale, catalogs[locale]);
    const page = await openPage(browser, server.url);
    await page.goto(`/${locale}/organizations/${city.slug}`);
    const section = page.locator("section[aria-labelledby=networks-title]");
    expect(await section.locator("h2").textContent()).toBe(t("organization.networks.title"));
    const text = await section.textContent();
    const culture = { es: "Cultura", pt: "Cultura", en: "Culture" }[locale];
    expect(text).toContain("Red Andina de Prueba");
    expect(text).toContain(t("organization.networks.role", { role: t("portfolio.role.coordinator"), body: culture, period: `${daysFromToday(-300).slice(0, 4)}–${daysFromToday(20).slice(0, 4)}`.replace(/^(\d{4})–\1$/, "$1") }));
    // The inactive membership is not a public fact of the page.
    expect(text).not.toContain("Red Global de Prueba");
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
    // The submitted candidacy is coming up once, awaiting the decision (nothing "begins" yet).
    const education = { es: "Educación", pt: "Educação", en: "Education" }[locale];
    const coming = await page.locator(".coming-up").textContent();
    expect(coming).toContain(t("portfolio.coming.candidacy", { network: "Red Andina de Prueba", role: "sub_coordinator", body: education, term: "2031–2032", status: "submitted" }));
    // Candidacies are submitted on the unit's page: the open window points to the network's bodies.
    const apply = page.getByRole("link", { name: t("portfolio.applyToCoordinate", { network: "Red Andina de Prueba" }) });
    expect(await apply.getAttribute("href")).toBe(`/${locale}/networks/${regional.slug}/bodies`);
    expect(content).toContain(t("portfolio.applyHow"));
    // The focal point may record a network not hosted here, to complete the portfolio.
    expect(await page.getByRole("link", { name: t("portfolio.recordExternal") }).getAttribute("href")).toBe(`/${locale}/networks/new?type=external`);
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

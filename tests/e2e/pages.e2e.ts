// The first pages in a real browser, in the three languages, each checked by axe-core.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleErrorsOf, expectAccessible, launchBrowser, openPage } from "./harness.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const texts = {
  es: { title: "Pares: la plataforma de las redes de ciudades", search: "Buscar", cities: "Directorio de ciudades", notFound: "Página no encontrada", montevideo: "Montevideo" },
  pt: { title: "Pares: a plataforma das redes de cidades", search: "Buscar", cities: "Diretório de cidades", notFound: "Página não encontrada", montevideo: "Montevidéu" },
  en: { title: "Pares: the platform for city networks", search: "Search", cities: "City directory", notFound: "Page not found", montevideo: "Montevideo" },
} as const;

describe.each(["es", "pt", "en"] as const)("pages in %s", (locale) => {
  const text = texts[locale];

  it("home page presents the platform and the demo network", async () => {
    const page = await openPage(browser, baseUrl);
    const response = await page.goto(`/${locale}`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe(locale);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(text.title);
    // Named in the page's language (Mercocidades in Portuguese).
    expect(await page.locator('a[href$="/networks/mercociudades"]').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    expect(consoleErrorsOf(page)).toEqual([]);
    await page.close();
  });

  it("city search finds Montevideo by its Portuguese name, accent-free, and opens its page", async () => {
    const page = await openPage(browser, baseUrl);
    await page.goto(`/${locale}/cities`);
    expect(await page.locator("h1").textContent()).toBe(text.cities);
    await expectAccessible(page);
    await page.getByRole("searchbox", { name: /.+/ }).first().fill("montevideu");
    await page.getByRole("button", { name: text.search }).click();
    await page.waitForURL(/q=montevideu/);
    const firstCity = page.locator("tbody tr").first().locator("a");
    expect(await firstCity.textContent()).toBe(text.montevideo);
    await expectAccessible(page);
    await firstCity.click();
    await page.waitForURL(/\/cities\/3441575$/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(text.montevideo);
    expect(await page.locator(".credit").textContent()).toContain("GeoNames");
    await expectAccessible(page);
    expect(consoleErrorsOf(page)).toEqual([]);
    await page.close();
  });

  it("an unknown address answers a localized 404 page", async () => {
    const page = await openPage(browser, baseUrl);
    const response = await page.goto(`/${locale}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe(text.notFound);
    await expectAccessible(page);
    await page.close();
  });

  it("an invalid filter is explained next to the field, with status 400", async () => {
    const page = await openPage(browser, baseUrl);
    const response = await page.goto(`/${locale}/cities?region=Europe`);
    expect(response?.status()).toBe(400);
    expect(await page.locator("#region").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#region-error").textContent()).toMatch(/M49/);
    await expectAccessible(page);
    await page.close();
  });
});

describe("language", () => {
  it("the switcher keeps the page and query, and / remembers the choice", async () => {
    const page = await openPage(browser, baseUrl, { locale: "en-US" });
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/en");
    await page.goto("/en/cities?q=asuncion");
    await page.getByRole("link", { name: "Português" }).click();
    await page.waitForURL(/\/pt\/cities\?q=asuncion$/);
    expect(await page.getAttribute("html", "lang")).toBe("pt");
    await expect.poll(() => page.locator("tbody tr").first().locator("a").textContent(), { timeout: 10_000 }).toBe("Assunção");
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/pt");
    await expectAccessible(page);
    await page.close();
  });

  it("/ follows Accept-Language when nothing is saved", async () => {
    const page = await openPage(browser, baseUrl, { locale: "pt-BR" });
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/pt");
    await page.close();
  });
});

describe("without JavaScript", () => {
  it("search, filters, pagination and city pages all work", async () => {
    const page = await openPage(browser, baseUrl, { javaScriptEnabled: false });
    const visited: string[] = [];
    page.on("load", () => visited.push(page.url()));
    await page.goto("/es");
    await page.fill("#home-q", "san");
    await page.click("form[role=search] button");
    await page.waitForURL(/\/es\/cities\?q=san/);
    expect(await page.locator("tbody tr").count()).toBe(20);
    const before = await page.locator("tbody tr").first().textContent();
    await page.click("a[rel=next]");
    await page.waitForURL(/page=2/);
    expect(await page.locator("tbody tr").first().textContent()).not.toBe(before);
    await page.selectOption("#country", "AR");
    await page.click("form.filters button");
    await page.waitForURL(/country=AR/);
    expect(new URL(page.url()).searchParams.get("page")).toBeNull();
    const countries = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(countries.length).toBeGreaterThan(0);
    expect(new Set(countries)).toEqual(new Set(["Argentina"]));
    await page.goto("/es/cities?q=san&country=AR&page=9999");
    await page.getByRole("link", { name: /Ir a la última página/ }).click();
    await page.waitForURL(/page=\d+$/);
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    await page.locator("tbody tr a").first().click();
    await page.waitForURL(/\/es\/cities\/\d+$/);
    expect(await page.locator("dl.facts").textContent()).toContain("Argentina");
    await page.close();
    // axe-core runs as a script, so the pages of this journey are checked again with JavaScript on.
    const checker = await openPage(browser, baseUrl);
    for (const url of visited) {
      await checker.goto(url);
      await expectAccessible(checker);
    }
    await checker.close();
  });
});

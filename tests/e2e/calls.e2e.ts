// Calls in a real browser (the pages so far): the demo programme's page with its calls, trainings
// and figures (and as CSV); a call with its terms, rules and time left; Porto Alegre's focal point
// opens her draft, sees which rule fails and why, saves a change (a save from an older revision,
// in a second tab, is refused and keeps what was typed); anyone checks a certificate's code, in a
// browser without JavaScript. Every page checked by axe in es, pt and en.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../modules/organizations/seed-demo-organizations.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { expectAccessible, openPage, startServerWithMail } from "./harness.ts";

type Locale = "es" | "pt" | "en";
const t = (locale: Locale, key: string) => catalogs[locale][key]!;

let world: Awaited<ReturnType<typeof startServerWithMail>>;
let browser: Browser;

beforeAll(async () => {
  world = await startServerWithMail("calls");
  browser = world.browser;
});
afterAll(() => world?.close());

async function signIn(page: Page, locale: Locale, email: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", demoPassword);
  await page.getByRole("button", { name: t(locale, "signIn.submit"), exact: true }).last().click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

describe("calls", () => {
  it("shows the programme, its calls and figures, and a call's terms, in three languages", async () => {
    const page = await openPage(browser, world.server.url);
    for (const locale of ["es", "pt", "en"] as const) {
      await page.goto(`/${locale}/networks/mercociudades/programmes/cooperacion-sur-sur`);
      expect(await page.locator("h1").count()).toBe(1);
      expect(await page.locator("h1").textContent()).toBe({ es: "Programa de Cooperación Sur Sur", pt: "Programa de Cooperação Sul-Sul", en: "South–South Cooperation Programme" }[locale]);
      // 2017: USD 7,000 + 6,500 awarded.
      expect(await page.locator(".stats").textContent()).toMatch(/13[.,\s]?500/);
      await expectAccessible(page);
      await page.getByRole("link", { name: new RegExp({ es: "Convocatoria 2027", pt: "Chamada 2027", en: "2027 call" }[locale]) }).click();
      await page.waitForURL(/\/calls\//);
      expect(await page.getByRole("status").first().textContent()).toContain(t(locale, "callsPages.call.closesIn").split("{")[0]!.trim());
      await expectAccessible(page);
    }
    const csv = await page.request.get(`/en/networks/mercociudades/programmes/cooperacion-sur-sur/statistics.csv`);
    expect(await csv.text()).toContain("total,all,2,13500.00,USD");
    await page.context().close();
  });

  it("lets the lead save her draft (an older revision is refused, nothing lost) and shows which rule fails", async () => {
    const ana = await openPage(browser, world.server.url);
    await signIn(ana, "pt", "ana.souza@portoalegre.example");
    await ana.goto("/pt/networks/mercociudades/programmes/cooperacion-sur-sur");
    await ana.getByRole("link", { name: /Chamada 2027/ }).click();
    await ana.getByRole("link", { name: "Hortas comunitárias em terrenos ociosos" }).click();
    await ana.waitForURL(/\/applications\//);
    // Montevideo has not confirmed yet: the rule says so, and the button waits for it.
    expect(await ana.locator(".checklist .failed").textContent()).toContain("Intendencia de Montevideo");
    await expectAccessible(ana);
    // A second tab reads the same revision; the first saves; the second's save is refused and keeps its text.
    const other = await ana.context().newPage();
    await other.goto(ana.url());
    await ana.fill("#objectives", "Criar dez hortas por cidade.");
    await ana.getByRole("button", { name: t("pt", "callsPages.application.save") }).click();
    await expect.poll(() => ana.getByRole("status").textContent()).toBe(t("pt", "callsPages.done.saved"));
    await other.fill("#summary", "Texto escrito na segunda aba.");
    await other.getByRole("button", { name: t("pt", "callsPages.application.save") }).click();
    await expect.poll(() => other.getByRole("alert").first().textContent()).toContain(t("pt", "calls.error.staleRevision").slice(0, 30));
    expect(await other.inputValue("#summary")).toBe("Texto escrito na segunda aba.");
    await expectAccessible(other);
    await ana.context().close();
  });

  it("verifies a certificate by its code, in three languages", async () => {
    const page = await openPage(browser, world.server.url, { javaScriptEnabled: false });
    for (const locale of ["es", "pt", "en"] as const) {
      await page.goto(`/${locale}/certificates`);
      await expectAccessible(page);
      await page.fill("#code", "ZZZZ-ZZZZ-ZZZZ");
      await page.getByRole("button", { name: t(locale, "callsPages.certificate.verify") }).click();
      expect(await page.getByRole("alert").textContent()).toContain(t(locale, "calls.error.certificateUnknown").slice(0, 20));
      await expectAccessible(page);
    }
    await page.context().close();
  });
});

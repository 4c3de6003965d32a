// The exchange in a real browser: Porto Alegre's focal point posts a need in Portuguese through
// the form (a missing description refused on the field, what she typed kept); Buenos Aires' focal
// point, in a browser without JavaScript, posts an offer in Spanish about the same problem; the
// server's outbox worker computes the matches and the need's page ranks the offer with its score
// and reasons; "not relevant" leaves it out, undo brings it back. Editing from an older revision
// is refused and keeps the input; the directory of local expertise lists a person who agreed to
// it. Every page (browse, item, new, edit, experts, own entry) checked by axe in es, pt and en.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waterNeed, waterOffer } from "../../modules/exchange/testing.ts";
import { demoPassword } from "../../modules/organizations/seed-demo-organizations.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { expectAccessible, openPage, startServerWithMail } from "./harness.ts";

type Locale = "es" | "pt" | "en";
const t = (locale: Locale, key: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), catalogs[locale][key]!);

const porto = "ana.souza@portoalegre.example";
const buenosAires = "martin.pereyra@buenosaires.example";

let world: Awaited<ReturnType<typeof startServerWithMail>>;
let browser: Browser;
let ana: Page;
let martin: Page;
let needId = "";
let offerId = "";

beforeAll(async () => {
  world = await startServerWithMail("exchange");
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

/** Reloads the item's page until its suggestions are computed (the outbox worker polls every 200 ms here). */
async function untilComputed(page: Page, locale: Locale, id: string, expectedOther: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.goto(`/${locale}/exchange/${id}`);
    const pending = await page.getByText(t(locale, "exchangePages.matches.pending")).count();
    const found = await page.locator(`.match-list h3 a[href^="/${locale}/exchange/${expectedOther}?from="]`).count();
    if (pending === 0 && found > 0) return;
    if (Date.now() > deadline) throw new Error(`suggestions of ${id} not computed in time (pending: ${pending})`);
    await page.waitForTimeout(500);
  }
}

describe("the exchange of offers and needs", () => {
  it("sends anonymous visitors to sign in", async () => {
    const page = await openPage(browser, world.server.url);
    await page.goto("/es/exchange");
    await page.waitForURL(/\/es\/sign-in\?next=%2Fes%2Fexchange$/);
    // The header offers the exchange to people signed in only.
    expect(await page.getByRole("navigation", { name: t("es", "nav.main") }).getByRole("link", { name: t("es", "exchangePages.nav") }).count()).toBe(0);
    await page.close();
  });

  it("a focal point posts a need in Portuguese through the form", { timeout: 120_000 }, async () => {
    ana = await openPage(browser, world.server.url);
    await signIn(ana, "pt", porto);
    await ana.goto("/pt");
    await ana.getByRole("navigation", { name: t("pt", "nav.main") }).getByRole("link", { name: t("pt", "exchangePages.nav") }).click();
    await heading(ana, t("pt", "exchangePages.browse.title"));
    await expectAccessible(ana);
    await ana.getByRole("link", { name: t("pt", "exchangePages.browse.postNeed") }).click();
    await ana.waitForURL(/\/pt\/exchange\/new\?kind=need$/);
    await heading(ana, t("pt", "exchangePages.new.titleNeed"));
    await expectAccessible(ana);
    // The kind asked for, the page's language, the organization's networks, the author as contact, six months.
    expect(await ana.isChecked("#kind-need")).toBe(true);
    expect(await ana.inputValue("#originalLanguage")).toBe("pt");
    expect(await ana.isChecked("#networks-mercociudades")).toBe(true);
    expect(await ana.locator("#contact option:checked").textContent()).toBe("Ana Souza");
    expect(await ana.inputValue("#expiresOn")).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await field(ana, "texts.pt.title").fill(waterNeed.title);
    await ana.check("#themeIds-water-waste-sanitation");
    await ana.check("#sdgGoals-6");
    await ana.check("#modalities-technical_assistance");
    await ana.check("#languages-es");
    await ana.getByRole("button", { name: t("pt", "exchangePages.editor.post") }).click();
    // Without a description: refused on the field, in Portuguese, named in the summary; nothing typed is lost.
    await expect.poll(() => ana.locator('[id="texts.pt.description-error"]').textContent(), { timeout: 10_000 }).toBe(t("pt", "exchange.validation.descriptionRequired"));
    expect(await ana.locator("[role=alert]").first().textContent()).toContain(t("pt", "exchange.validation.descriptionRequired"));
    expect(await field(ana, "texts.pt.title").inputValue()).toBe(waterNeed.title);
    expect(await ana.isChecked("#themeIds-water-waste-sanitation")).toBe(true);
    await expectAccessible(ana);

    await field(ana, "texts.pt.description").fill(waterNeed.description);
    await ana.getByRole("button", { name: t("pt", "exchangePages.editor.post") }).click();
    await ana.waitForURL(/\/pt\/exchange\/[0-9a-f-]{36}\?done=posted$/);
    needId = new URL(ana.url()).pathname.split("/")[3]!;
    await heading(ana, waterNeed.title);
    expect(await ana.locator("[role=status]").first().textContent()).toBe(t("pt", "exchangePages.done.posted"));
    expect(await ana.locator("h1").getAttribute("lang")).toBe("pt");
    await expectAccessible(ana);
  });

  it("another city's focal point, without JavaScript, posts an offer in Spanish about the same problem", { timeout: 120_000 }, async () => {
    martin = await openPage(browser, world.server.url, { javaScriptEnabled: false });
    await signIn(martin, "es", buenosAires);
    await martin.goto("/es/exchange/new?kind=offer");
    await heading(martin, t("es", "exchangePages.new.titleOffer"));
    await field(martin, "texts.es.title").fill(waterOffer.title);
    await field(martin, "texts.es.description").fill(waterOffer.description);
    await martin.check("#themeIds-water-waste-sanitation");
    await martin.check("#sdgGoals-6");
    await martin.check("#modalities-technical_assistance");
    await martin.check("#languages-pt");
    await martin.getByRole("button", { name: t("es", "exchangePages.editor.post") }).click();
    await martin.waitForURL(/\/es\/exchange\/[0-9a-f-]{36}\?done=posted$/);
    offerId = new URL(martin.url()).pathname.split("/")[3]!;
    await heading(martin, waterOffer.title);
    await expectAccessible(martin);

    // The need, as a reader of another city sees it: in Portuguese, marked as the original, with its contact.
    await martin.goto(`/es/exchange/${needId}`);
    await heading(martin, waterNeed.title);
    const main = (await martin.locator("main").textContent())!;
    expect(main).toContain(t("es", "exchangePages.originalIn", { language: t("es", "language.pt") }));
    // The contact's name is shown; the address is for Ana's own organization (others use "Contact this city").
    expect(main).toContain("Ana Souza");
    expect(main).not.toContain(porto);
    expect(await martin.locator("#matches-title").count()).toBe(0);
    expect(await martin.getByRole("link", { name: t("es", "exchangePages.actions.edit") }).count()).toBe(0);
    await expectAccessible(martin);

    // Browsing in Spanish finds the Portuguese need with Spanish words.
    await martin.goto(`/es/exchange?q=${encodeURIComponent("pérdidas de agua")}&kind=need`);
    expect(await martin.locator(`.exchange-hits a[href="/es/exchange/${needId}"]`).count()).toBe(1);
    await expectAccessible(martin);
  });

  it("the need's page ranks the offer with its score and reasons; not relevant, then undo", { timeout: 120_000 }, async () => {
    await untilComputed(ana, "pt", needId, offerId);
    const match = ana.locator(".match").filter({ has: ana.locator(`h3 a[href^="/pt/exchange/${offerId}?from="]`) });
    expect(await match.locator("a[lang=es]").textContent()).toBe(waterOffer.title);
    expect(await match.textContent()).toContain("Gobierno de la Ciudad de Buenos Aires");
    expect(await match.locator(".score").textContent()).toMatch(/\d+\s?%/);
    const reasons = await match.locator(".reasons li").allTextContents();
    expect(reasons.length).toBeGreaterThan(1);
    // The words that met across languages, in Portuguese.
    const wordsReason = catalogs.pt["exchange.reason.words"]!.split("{words}")[0]!;
    expect(reasons.some((r) => r.startsWith(wordsReason))).toBe(true);
    await expectAccessible(ana);

    await match.getByRole("button", { name: new RegExp(`^${t("pt", "exchangePages.matches.dismiss")}`) }).click();
    await ana.waitForURL(new RegExp(`/pt/exchange/${needId}\\?done=dismissed&other=${offerId}`));
    await expect.poll(() => ana.locator(`.match-list h3 a[href^="/pt/exchange/${offerId}?from="]`).count(), { timeout: 10_000 }).toBe(0);
    expect(await ana.locator(".matches [role=status]").textContent()).toContain(t("pt", "exchangePages.done.dismissed"));
    await expectAccessible(ana);
    await ana.locator(".matches [role=status]").getByRole("button", { name: new RegExp(`^${t("pt", "exchangePages.matches.undo")}`) }).click();
    await ana.waitForURL(new RegExp(`/pt/exchange/${needId}\\?done=restored`));
    await expect.poll(() => ana.locator(`.match-list h3 a[href^="/pt/exchange/${offerId}?from="]`).count(), { timeout: 10_000 }).toBe(1);

    // Dismissed again, it can also be brought back from the list of those left out.
    await ana.locator(".match").filter({ has: ana.locator(`h3 a[href^="/pt/exchange/${offerId}?from="]`) }).getByRole("button", { name: new RegExp(`^${t("pt", "exchangePages.matches.dismiss")}`) }).click();
    await ana.waitForURL(/done=dismissed/);
    await ana.goto(`/pt/exchange/${needId}`);
    await ana.locator(".dismissed summary").click();
    await ana.locator(".dismissed").getByRole("button", { name: new RegExp(`^${t("pt", "exchangePages.matches.undo")}`) }).click();
    await ana.waitForURL(/done=restored/);
    await expect.poll(() => ana.locator(`.match-list h3 a[href^="/pt/exchange/${offerId}?from="]`).count(), { timeout: 10_000 }).toBe(1);
  });

  it("an edit from an older revision is refused with the conflict message, keeping what was typed", { timeout: 120_000 }, async () => {
    const colleague = await ana.context().newPage();
    await ana.goto(`/pt/exchange/${needId}/edit`);
    await heading(ana, `${t("pt", "exchangePages.edit.titleNeed")}: ${waterNeed.title}`);
    await colleague.goto(`/pt/exchange/${needId}/edit`);
    await field(colleague, "texts.pt.title").fill(`${waterNeed.title} (Restinga)`);
    await colleague.getByRole("button", { name: t("pt", "exchangePages.editor.save") }).click();
    await colleague.waitForURL(new RegExp(`/pt/exchange/${needId}\\?done=saved$`));

    const typed = `${waterNeed.description} Temos dados de pressão de 2024.`;
    await field(ana, "texts.pt.description").fill(typed);
    await ana.getByRole("button", { name: t("pt", "exchangePages.editor.save") }).click();
    await expect.poll(() => ana.locator("[role=alert]").first().textContent(), { timeout: 10_000 }).toContain(t("pt", "exchange.error.staleRevision"));
    expect(await field(ana, "texts.pt.description").inputValue()).toBe(typed);
    await expectAccessible(ana);
    await colleague.close();
  });

  it("the organization closes its need and reopens it, and finds it again among its own", { timeout: 120_000 }, async () => {
    await ana.goto(`/pt/exchange/${needId}`);
    await ana.getByRole("button", { name: t("pt", "exchangePages.actions.close") }).click();
    await ana.waitForURL(new RegExp(`/pt/exchange/${needId}\\?done=closed$`));
    expect(await ana.locator("[role=status]").first().textContent()).toBe(t("pt", "exchangePages.done.closed"));
    await ana.goto("/pt/exchange?own=closed");
    expect(await ana.locator(`.own-items a[href="/pt/exchange/${needId}"]`).count()).toBe(1);
    await ana.goto(`/pt/exchange/${needId}`);
    await ana.getByRole("button", { name: t("pt", "exchangePages.actions.reopen") }).click();
    await ana.waitForURL(new RegExp(`/pt/exchange/${needId}\\?done=open$`));
    await ana.goto("/pt/exchange");
    expect(await ana.locator(`.own-items a[href="/pt/exchange/${needId}"]`).count()).toBe(1);
  });

  it("a person lists themselves in the directory of local expertise, linked from the account page", { timeout: 120_000 }, async () => {
    await ana.goto("/pt/account");
    await ana.getByRole("link", { name: t("pt", "exchangePages.expertise.title") }).click();
    await heading(ana, t("pt", "exchangePages.expertise.title"));
    await ana.fill("#position", "Coordenadora de Relações Internacionais");
    await ana.fill('[id="summary.pt"]', "Redução de perdas de água e cooperação descentralizada entre cidades.");
    await ana.check("#themeIds-water-waste-sanitation");
    await ana.check("#listed");
    await ana.getByRole("button", { name: t("pt", "exchangePages.expertise.save") }).click();
    await ana.waitForURL(/\/pt\/account\/expertise\?saved=listed$/);
    expect(await ana.locator("[role=status]").first().textContent()).toContain(t("pt", "exchangePages.expertise.savedListed"));
    expect(await ana.isChecked("#listed")).toBe(true);

    await martin.goto("/en/exchange/experts?theme=water-waste-sanitation");
    await heading(martin, t("en", "exchangePages.experts.title"));
    const card = martin.locator(".card").filter({ hasText: "Ana Souza" });
    expect(await card.count()).toBe(1);
    expect(await card.locator("p[lang=pt]").textContent()).toContain("perdas de água");
    await expectAccessible(martin);
  });

  describe.each(["es", "pt", "en"] as const)("pages in %s", (locale) => {
    it("browse, item, new, edit, experts and the own entry have no accessibility violations", { timeout: 180_000 }, async () => {
      const pages: [string, string][] = [
        [`/${locale}/exchange`, t(locale, "exchangePages.browse.title")],
        [`/${locale}/exchange?q=agua&kind=offer&theme=water-waste-sanitation`, t(locale, "exchangePages.browse.title")],
        [`/${locale}/exchange/${needId}`, ""],
        [`/${locale}/exchange/new?kind=offer`, t(locale, "exchangePages.new.titleOffer")],
        [`/${locale}/exchange/${needId}/edit`, ""],
        [`/${locale}/exchange/experts`, t(locale, "exchangePages.experts.title")],
        [`/${locale}/account/expertise`, t(locale, "exchangePages.expertise.title")],
      ];
      for (const [path, title] of pages) {
        const response = await ana.goto(path);
        expect(response?.status(), path).toBe(200);
        expect(await ana.getAttribute("html", "lang")).toBe(locale);
        if (title) await heading(ana, title);
        await expectAccessible(ana);
      }
      // A stranger's id is a page not found.
      expect((await ana.goto(`/${locale}/exchange/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
    });
  });
});

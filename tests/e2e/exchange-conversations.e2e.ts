// Contacts, conversations and notifications in a real browser. Carla (no organization yet, in
// English) chooses the water theme with a daily digest. Ana (Porto Alegre, in Portuguese) posts a
// need open to the whole platform; Martín (Buenos Aires, in Spanish, without JavaScript) posts an
// offer; from her need's suggestions Ana asks to talk (an empty message refused on the field).
// Martín follows the e-mail's link, signs in on the way and accepts; they write to each other (a
// PNG attached, line breaks kept, times in each reader's zone); Ana sees the count in the header,
// her inbox, follows a notification (marked read), downloads the file, marks all read and closes
// the conversation as "turned into a project", which the network's page counts. Carla's daily
// digest arrives and its link stops it without signing in. Every new page checked by axe in es,
// pt and en.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waterNeed, waterOffer } from "../../modules/exchange/testing.ts";
import { demoPassword } from "../../modules/organizations/seed-demo-organizations.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { expectAccessible, openPage, startServerWithMail } from "./harness.ts";

type Locale = "es" | "pt" | "en";
const t = (locale: Locale, key: string, values: Record<string, string | number> = {}) => createTranslator(locale, catalogs[locale])(key, values);

const anaEmail = "ana.souza@portoalegre.example";
const martinEmail = "martin.pereyra@buenosaires.example";
const carlaEmail = "carla.mendes@example.org";
const buenosAires = "Gobierno de la Ciudad de Buenos Aires";
/** The smallest PNG: one transparent pixel. */
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let world: Awaited<ReturnType<typeof startServerWithMail>>;
let browser: Browser;
let ana: Page;
let martin: Page;
let carla: Page;
let needId = "";
let offerId = "";
let contactId = "";
let conversationId = "";
let unsubscribeLink = "";

beforeAll(async () => {
  // Scheduled work every half second, digests due from midnight: Carla's digest comes within the test.
  world = await startServerWithMail("exchange-conversations", { SCHEDULE_TICK_MS: "500", DIGEST_HOUR: "0" });
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

/** The header's link to the inbox, whose text carries the unread count. */
const inboxLink = (page: Page) => page.locator("header .notifications-link");

describe("contacts, conversations and notifications", () => {
  it("a person with no organization chooses the water theme and a daily digest; the page said the defaults applied", { timeout: 120_000 }, async () => {
    carla = await openPage(browser, world.server.url);
    await signIn(carla, "en", carlaEmail);
    await carla.goto("/en/account");
    await carla.getByRole("link", { name: t("en", "notificationsPages.settings.title") }).click();
    await heading(carla, t("en", "notificationsPages.settings.title"));
    expect(await carla.locator("main").textContent()).toContain(t("en", "notificationsPages.settings.defaults"));
    // Every kind of item by default; no networks to choose without an organization.
    expect(await carla.isChecked("#kinds-need")).toBe(true);
    expect(await carla.locator("#networks").count()).toBe(0);
    await expectAccessible(carla);

    await carla.check("#themeIds-water-waste-sanitation");
    await field(carla, "channels.exchange.new_item").selectOption("daily");
    await carla.getByRole("button", { name: t("en", "notificationsPages.settings.save") }).click();
    await carla.waitForURL(/\/en\/account\/notifications\?saved$/);
    expect(await carla.locator("[role=status]").first().textContent()).toBe(t("en", "notificationsPages.settings.saved"));
    expect(await carla.locator("main").textContent()).not.toContain(t("en", "notificationsPages.settings.defaults"));
    expect(await carla.isChecked("#themeIds-water-waste-sanitation")).toBe(true);
    expect(await field(carla, "channels.exchange.new_item").inputValue()).toBe("daily");
    await expectAccessible(carla);
  });

  it("Ana posts a need open to the whole platform; Martín, without JavaScript, an offer to the network", { timeout: 120_000 }, async () => {
    ana = await openPage(browser, world.server.url);
    await signIn(ana, "pt", anaEmail);
    await ana.goto("/pt/exchange/new?kind=need");
    await field(ana, "texts.pt.title").fill(waterNeed.title);
    await field(ana, "texts.pt.description").fill(waterNeed.description);
    await ana.check("#themeIds-water-waste-sanitation");
    await ana.check("#sdgGoals-6");
    await ana.check("#modalities-technical_assistance");
    await ana.check("#languages-es");
    await ana.check("#visibility-platform");
    await ana.getByRole("button", { name: t("pt", "exchangePages.editor.post") }).click();
    await ana.waitForURL(/\/pt\/exchange\/[0-9a-f-]{36}\?done=posted$/);
    needId = new URL(ana.url()).pathname.split("/")[3]!;

    martin = await openPage(browser, world.server.url, { javaScriptEnabled: false });
    await signIn(martin, "es", martinEmail);
    await martin.goto("/es/exchange/new?kind=offer");
    await field(martin, "texts.es.title").fill(waterOffer.title);
    await field(martin, "texts.es.description").fill(waterOffer.description);
    await martin.check("#themeIds-water-waste-sanitation");
    await martin.check("#sdgGoals-6");
    await martin.check("#modalities-technical_assistance");
    await martin.check("#languages-pt");
    await martin.getByRole("button", { name: t("es", "exchangePages.editor.post") }).click();
    await martin.waitForURL(/\/es\/exchange\/[0-9a-f-]{36}\?done=posted$/);
    offerId = new URL(martin.url()).pathname.split("/")[3]!;
  });

  it("Ana asks to talk from her need's suggestions: an empty message is refused on the field, then the request is sent", { timeout: 120_000 }, async () => {
    // The suggestions come once the outbox worker computed them.
    const deadline = Date.now() + 30_000;
    const match = ana.locator(".match").filter({ has: ana.locator(`h3 a[href="/pt/exchange/${offerId}?from=${needId}"]`) });
    for (;;) {
      await ana.goto(`/pt/exchange/${needId}`);
      if ((await match.count()) > 0) break;
      if (Date.now() > deadline) throw new Error("the offer was not suggested in time");
      await ana.waitForTimeout(500);
    }
    await match.getByRole("link", { name: new RegExp(`^${t("pt", "exchangePages.contact.title")}`) }).click();
    await ana.waitForURL(new RegExp(`/pt/exchange/${offerId}\\?from=${needId}#contact-title$`));
    await heading(ana, waterOffer.title);
    const section = ana.locator(".exchange-contact");
    expect(await section.locator(`a[href="/pt/exchange/${needId}"]`).textContent()).toBe(waterNeed.title);
    expect(await section.locator('input[name="fromItem"]').inputValue()).toBe(needId);
    await expectAccessible(ana);

    await section.getByRole("button", { name: t("pt", "exchangePages.contact.send") }).click();
    await expect.poll(() => ana.locator("#message-error").textContent(), { timeout: 10_000 }).toBe(t("pt", "exchange.validation.messageShort"));
    const summary = ana.locator("[role=alert]");
    expect(await summary.locator('a[href="#message"]').textContent()).toContain(t("pt", "exchangePages.contact.message"));
    await expectAccessible(ana);

    await ana.fill("#message", "Olá, Martín! Em Porto Alegre estamos setorizando a rede.\nPodemos conversar sobre a medição de pressão?");
    await ana.locator(".exchange-contact").getByRole("button", { name: t("pt", "exchangePages.contact.send") }).click();
    await ana.waitForURL(/\/pt\/exchange\/contacts\/[0-9a-f-]{36}\?done=sent$/);
    contactId = new URL(ana.url()).pathname.split("/")[4]!;
    await heading(ana, t("pt", "exchangePages.contactPage.title", { title: waterOffer.title }));
    expect(await ana.locator("[role=status]").textContent()).toBe(t("pt", "exchangePages.contactPage.done.sent"));
    expect(await ana.locator("main").textContent()).toContain(t("pt", "exchangePages.contactStatus.requested"));
    // Only the organization asked answers.
    expect(await ana.getByRole("button", { name: t("pt", "exchangePages.contactPage.accept") }).count()).toBe(0);
    await expectAccessible(ana);

    // The offer's page now leads to the request instead of a second form.
    await ana.goto(`/pt/exchange/${offerId}`);
    expect(await ana.locator(`.exchange-contact a[href="/pt/exchange/contacts/${contactId}"]`).count()).toBe(1);
    expect(await ana.locator("#message").count()).toBe(0);
  });

  it("Martín follows the e-mail's link, signs in on the way and accepts: the conversation opens", { timeout: 120_000 }, async () => {
    const path = `/es/exchange/contacts/${contactId}`;
    await expect.poll(async () => (await world.smtp.mailsTo(martinEmail)).filter((m) => m.text?.includes(path)).length, { timeout: 20_000 }).toBe(1);
    const [mail] = (await world.smtp.mailsTo(martinEmail)).filter((m) => m.text?.includes(path));
    const link = mail!.text!.match(new RegExp(`https?://\\S+${path}`))![0];
    expect(link).toBe(`${world.server.url}${path}`);

    // A browser that is not signed in: to sign in and back.
    const page = await openPage(browser, world.server.url, { javaScriptEnabled: false });
    await page.goto(link);
    await page.waitForURL(new RegExp(`/es/sign-in\\?next=${encodeURIComponent(path)}$`));
    await page.fill("#email", martinEmail);
    await page.fill("#password", demoPassword);
    await page.getByRole("button", { name: t("es", "signIn.submit"), exact: true }).last().click();
    await page.waitForURL(new RegExp(`${path}$`));
    await heading(page, t("es", "exchangePages.contactPage.title", { title: waterOffer.title }));
    const main = (await page.locator("main").textContent())!;
    expect(main).toContain(t("es", "exchangePages.contactPage.incoming", { organization: "Prefeitura de Porto Alegre" }));
    expect(main).toContain("Ana Souza");
    // The message with its line break.
    expect(await page.locator(".message-body br").count()).toBe(1);
    const time = page.locator("dd time");
    expect(await time.textContent()).toBe(formatDateTime("es", new Date((await time.getAttribute("datetime"))!), "America/Argentina/Buenos_Aires"));
    await expectAccessible(page);

    await page.getByRole("button", { name: t("es", "exchangePages.contactPage.accept") }).click();
    await page.waitForURL(/\/es\/exchange\/conversations\/[0-9a-f-]{36}\?done=accepted$/);
    conversationId = new URL(page.url()).pathname.split("/")[4]!;
    await heading(page, t("es", "exchangePages.conversation.title", { title: waterOffer.title }));
    expect(await page.locator("[role=status]").textContent()).toBe(t("es", "exchangePages.conversation.done.accepted"));
    // The request's message opens the conversation.
    expect(await page.locator(".message").count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });

  it("they write to each other, with an attachment; an empty message is refused", { timeout: 120_000 }, async () => {
    await martin.goto(`/es/exchange/conversations/${conversationId}`);
    await martin.getByRole("button", { name: t("es", "exchangePages.conversation.send"), exact: true }).click();
    await expect.poll(() => martin.locator("#body-error").textContent(), { timeout: 10_000 }).toBe(t("es", "exchange.validation.messageEmpty"));
    await expectAccessible(martin);

    await martin.fill("#body", "¡Hola, Ana!\nTe mando el esquema de sectorización.");
    await martin.setInputFiles("#files", { name: "sectores.png", mimeType: "image/png", buffer: png });
    await martin.getByRole("button", { name: t("es", "exchangePages.conversation.send"), exact: true }).click();
    await martin.waitForURL(new RegExp(`/es/exchange/conversations/${conversationId}\\?done=sent#message-[0-9a-f-]{36}$`));
    const last = martin.locator(".message").last();
    expect(await last.locator(".message-body br").count()).toBe(1);
    expect(await last.locator(".files a").textContent()).toBe("sectores.png");
    await expectAccessible(martin);

    // Ana: the count in the header, the inbox with the message unread, marked in words.
    await ana.goto("/pt");
    const badge = (await inboxLink(ana).textContent())!;
    const count = Number(badge.match(/\((\d+)\)$/)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(badge).toBe(t("pt", "notificationsPages.nav", { count }));
    await inboxLink(ana).click();
    await heading(ana, t("pt", "notificationsPages.inbox.title"));
    const line = ana
      .locator(".inbox li")
      .filter({ hasText: t("pt", "notifications.line.exchange.message", { organization: buenosAires }) })
      .filter({ has: ana.locator(`a[href*="${encodeURIComponent(`/exchange/conversations/${conversationId}`)}"]`) });
    expect(await line.count()).toBe(1);
    expect(await line.getAttribute("class")).toBe("unread");
    expect(await line.locator(".badge").textContent()).toBe(t("pt", "notificationsPages.inbox.new"));
    await expectAccessible(ana);

    // Following it marks it read and opens the conversation, the new message marked, its time in Ana's zone.
    await line.getByRole("link").click();
    await ana.waitForURL(new RegExp(`/pt/exchange/conversations/${conversationId}$`));
    const message = ana.locator(".message").last();
    expect(await message.locator(".badge").textContent()).toBe(t("pt", "exchangePages.conversation.new"));
    const time = message.locator("time");
    expect(await time.textContent()).toBe(formatDateTime("pt", new Date((await time.getAttribute("datetime"))!), "America/Sao_Paulo"));
    await expectAccessible(ana);
    await expect.poll(async () => Number((await inboxLink(ana).textContent())!.match(/\((\d+)\)$/)?.[1] ?? 0), { timeout: 10_000 }).toBeLessThan(count);

    // The attachment downloads, as sent.
    const href = (await message.locator(".files a").getAttribute("href"))!;
    const response = await ana.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="sectores\.png"/);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(Buffer.compare(await response.body(), png)).toBe(0);
    // Nobody else gets it.
    const stranger = await openPage(browser, world.server.url);
    await signIn(stranger, "en", carlaEmail);
    expect((await stranger.request.get(href)).status()).toBe(404);
    expect((await stranger.goto(`/en/exchange/conversations/${conversationId}`))?.status()).toBe(404);
    await stranger.context().close();

    await ana.fill("#body", "Obrigada, Martín! Vamos organizar uma visita técnica.");
    await ana.getByRole("button", { name: t("pt", "exchangePages.conversation.send"), exact: true }).click();
    await ana.waitForURL(/\?done=sent#message-/);
    await expect.poll(() => ana.locator(".message").count(), { timeout: 10_000 }).toBe(3);

    // The conversations list: the other organization, nothing unread for Ana now.
    await ana.goto("/pt/exchange/conversations");
    await heading(ana, t("pt", "exchangePages.conversations.title"));
    const row = ana.locator("table.conversations tr").filter({ has: ana.locator(`a[href="/pt/exchange/conversations/${conversationId}"]`) });
    expect(await row.locator("td").nth(1).textContent()).toBe(buenosAires);
    expect(await row.locator("td").nth(3).textContent()).toBe(t("pt", "exchangePages.conversations.unreadCount", { count: 0 }));
    expect(await ana.locator(`a[href="/pt/exchange/contacts/${contactId}"]`).count()).toBe(1);
    await expectAccessible(ana);

    // Mark all as read: the header shows no count.
    await ana.goto("/pt/notifications");
    await ana.getByRole("button", { name: t("pt", "notificationsPages.inbox.markAll") }).click();
    await ana.waitForURL(/\/pt\/notifications\?done=read$/);
    await expect.poll(() => inboxLink(ana).textContent(), { timeout: 10_000 }).toBe(t("pt", "notificationsPages.nav", { count: 0 }));
    expect(await ana.locator(".inbox li.unread").count()).toBe(0);
    await expectAccessible(ana);
  });

  describe.each(["es", "pt", "en"] as const)("pages in %s", (locale) => {
    it("the inbox, settings, conversations, a conversation, a contact request and the contact form have no accessibility violations", { timeout: 180_000 }, async () => {
      const pages: [string, string][] = [
        [`/${locale}/notifications`, t(locale, "notificationsPages.inbox.title")],
        [`/${locale}/notifications?unread=1`, t(locale, "notificationsPages.inbox.title")],
        [`/${locale}/account/notifications`, t(locale, "notificationsPages.settings.title")],
        [`/${locale}/exchange/conversations`, t(locale, "exchangePages.conversations.title")],
        [`/${locale}/exchange/conversations/${conversationId}`, ""],
        [`/${locale}/exchange/contacts/${contactId}`, ""],
        [`/${locale}/exchange/${offerId}?from=${needId}`, waterOffer.title],
      ];
      for (const [path, title] of pages) {
        const response = await ana.goto(path);
        expect(response?.status(), path).toBe(200);
        expect(await ana.getAttribute("html", "lang")).toBe(locale);
        if (title) await heading(ana, title);
        await expectAccessible(ana);
      }
      // The conversation page still takes messages and can be closed.
      await ana.goto(`/${locale}/exchange/conversations/${conversationId}`);
      expect(await ana.locator("#body").count()).toBe(1);
      expect(await ana.locator("#outcome").count()).toBe(1);
      // What the person may not see is not found.
      expect((await ana.goto(`/${locale}/exchange/conversations/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
      expect((await ana.goto(`/${locale}/exchange/contacts/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
    });
  });

  it("Ana closes the conversation as turned into a project: no more messages, and the network counts it", { timeout: 120_000 }, async () => {
    await ana.goto(`/pt/exchange/conversations/${conversationId}`);
    await ana.getByRole("button", { name: t("pt", "exchangePages.conversation.close") }).click();
    await expect.poll(() => ana.locator("#outcome-error").textContent(), { timeout: 10_000 }).toBe(t("pt", "exchange.validation.outcome"));
    expect(await ana.locator('[role=alert] a[href="#outcome"]').count()).toBe(1);
    await expectAccessible(ana);

    await ana.check("#outcome-project");
    await ana.fill("#note", "Visita técnica em março.");
    await ana.getByRole("button", { name: t("pt", "exchangePages.conversation.close") }).click();
    await ana.waitForURL(new RegExp(`/pt/exchange/conversations/${conversationId}\\?done=closed$`));
    await expect.poll(() => ana.locator("[role=status]").textContent(), { timeout: 10_000 }).toBe(t("pt", "exchangePages.conversation.done.closed"));
    const main = (await ana.locator("main").textContent())!;
    expect(main).toContain(t("pt", "exchangePages.conversation.outcomeIs", { outcome: t("pt", "exchange.outcome.project") }));
    expect(main).toContain("Visita técnica em março.");
    expect(await ana.locator("#body").count()).toBe(0);
    expect(await ana.locator("#outcome").count()).toBe(0);
    await expectAccessible(ana);

    // Martín sees it closed too, and the list says how it ended.
    await martin.goto("/es/exchange/conversations");
    const row = martin.locator("table.conversations tr").filter({ has: martin.locator(`a[href="/es/exchange/conversations/${conversationId}"]`) });
    expect(await row.locator("td").last().textContent()).toBe(t("es", "exchangePages.conversations.statusClosed", { outcome: t("es", "exchange.outcome.project") }));
    await expectAccessible(martin);

    for (const locale of ["pt", "es", "en"] as const) {
      await ana.goto(`/${locale}/networks/mercociudades`);
      const section = ana.locator("section").filter({ has: ana.locator("#exchange-outcomes-title") });
      expect(await section.locator("li").allTextContents()).toContain(t(locale, "exchangePages.outcomes.projects", { count: 1 }));
      await expectAccessible(ana);
    }
  });

  it("Carla's daily digest arrives; its link stops it without signing in", { timeout: 120_000 }, async () => {
    const digests = async () => (await world.smtp.mailsTo(carlaEmail)).filter((m) => m.text?.includes("/en/notifications/unsubscribe/"));
    await expect.poll(async () => (await digests()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const [mail] = await digests();
    expect(mail!.subject).toMatch(/^Your daily digest/);
    expect(mail!.text).toContain(waterNeed.title);
    expect(mail!.text).toContain(`${world.server.url}/en/exchange/${needId}`);
    // Mail clients' one-click unsubscribe posts to the API; the link in the message opens the page.
    expect(mail!.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toContain("/api/v1/notifications/unsubscribe/");
    unsubscribeLink = mail!.text!.match(/https?:\/\/\S+\/en\/notifications\/unsubscribe\/[0-9a-f-]{36}/)![0];

    const page = await openPage(browser, world.server.url);
    for (const locale of ["es", "pt", "en"] as const) {
      await page.goto(unsubscribeLink.replace("/en/", `/${locale}/`));
      await heading(page, t(locale, "notificationsPages.unsubscribe.title"));
      expect(await page.locator(".lead").textContent()).toBe(t(locale, "notificationsPages.unsubscribe.askDigest", { kind: t(locale, "notificationsPages.unsubscribe.digest.daily") }));
      await expectAccessible(page);
    }
    await page.getByRole("button", { name: t("en", "notificationsPages.unsubscribe.submit") }).click();
    await page.waitForURL(/\/en\/notifications\/unsubscribe\/[0-9a-f-]{36}\?done$/);
    expect(await page.locator("[role=status]").textContent()).toBe(t("en", "notificationsPages.unsubscribe.done", { kind: t("en", "notificationsPages.unsubscribe.digest.daily") }));
    await expectAccessible(page);
    // A link that does not exist says so.
    expect((await page.goto("/en/notifications/unsubscribe/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
    expect(await page.locator("main").textContent()).toContain(t("en", "notifications.error.unsubscribeLink"));
    await expectAccessible(page);
    await page.context().close();

    // Every kind that went to the daily digest is now off in Carla's settings.
    await carla.goto("/en/account/notifications");
    expect(await field(carla, "channels.exchange.new_item").inputValue()).toBe("off");
  });
});

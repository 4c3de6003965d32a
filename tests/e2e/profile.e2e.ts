// A person edits their profile (in Spanish, then without JavaScript), sees it saved, switches the
// page to the language they prefer by choosing it, downloads their data, moves the account to a
// new address by the link sent there, and deletes it. Every page checked by axe.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, openPage, startServerWithMail } from "./harness.ts";

let world: Awaited<ReturnType<typeof startServerWithMail>>;
let smtp: typeof world.smtp;
let server: typeof world.server;
let browser: Browser;

beforeAll(async () => {
  world = await startServerWithMail("profile");
  ({ smtp, server, browser } = world);
});
afterAll(() => world?.close());

const email = "marta@asuncion.test";
const password = "una frase larga para probar";

async function signIn(page: Page, locale: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("form.stack button[type=submit]");
  await page.waitForURL(new RegExp(`/${locale}/account$`));
}

describe("profile", () => {
  it("is edited in Spanish, saved, and switches the page to the language chosen", async () => {
    const page = await openPage(browser, server.url);
    await page.goto("/es/sign-up");
    await page.fill("#name", "Marta");
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.getByRole("button", { name: "Crear la cuenta" }).click();
    await page.waitForURL(/\/es\/check-email$/);
    await expect.poll(async () => (await smtp.mailsTo(email)).length, { timeout: 15_000 }).toBe(1);
    const link = (await smtp.mailsTo(email))[0]!.text!.match(/https?:\/\/\S+verify-email\?token=\S+/)![0];
    await page.goto(link);
    await signIn(page, "es");
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe("Mi cuenta");
    await expectAccessible(page);

    // A mistake first: the summary and the field say what is wrong.
    await page.fill("#name", " ");
    await page.getByRole("button", { name: "Guardar el perfil" }).click();
    await expect.poll(() => page.locator("#name-error").textContent(), { timeout: 10_000 }).toBe("es obligatorio");
    expect(await page.locator("[role=alert] a[href='#name']").textContent()).toContain("Nombre y apellido");
    await expectAccessible(page);

    await page.fill("#name", "Marta Gómez");
    await page.fill("#position", "Directora de Relaciones Internacionales");
    await page.getByLabel("Guaraní", { exact: true }).check();
    await page.getByLabel("Portugués", { exact: true }).check();
    await page.selectOption("#timeZone", "America/Asuncion");
    await page.getByLabel("Género", { exact: true }).check();
    await page.getByLabel("Movilidad urbana", { exact: true }).check();
    await page.getByRole("button", { name: "Guardar el perfil" }).click();
    await page.waitForURL(/\/es\/account\?saved$/);
    await expect.poll(() => page.locator("[role=status]").textContent(), { timeout: 10_000 }).toBe("Perfil guardado.");
    expect(await page.inputValue("#name")).toBe("Marta Gómez");
    expect(await page.inputValue("#position")).toBe("Directora de Relaciones Internacionales");
    expect(await page.inputValue("#timeZone")).toBe("America/Asuncion");
    expect(await page.isChecked("#languages-gn")).toBe(true);
    expect(await page.isChecked("#themes-gender")).toBe(true);
    expect(await page.isChecked("#themes-housing")).toBe(false);
    expect(await page.locator(".user-menu").textContent()).toContain("Marta Gómez");
    await expectAccessible(page);

    // Portuguese for pages and e-mails: the page follows at once.
    await page.selectOption("#locale", "pt");
    await page.getByRole("button", { name: "Guardar el perfil" }).click();
    await page.waitForURL(/\/pt\/account\?saved$/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe("Minha conta");
    expect(await page.locator("html").getAttribute("lang")).toBe("pt");
    expect(await page.locator("[role=status]").textContent()).toBe("Perfil salvo.");
    expect(await page.inputValue("#locale")).toBe("pt");
    expect(await page.getByLabel("Gênero", { exact: true }).isChecked()).toBe(true);
    await expectAccessible(page);

    for (const path of ["/pt/account/email", "/pt/account/delete", "/pt/account/email/confirm?token=x"]) {
      await page.goto(path);
      await expectAccessible(page);
    }
    const download = await page.request.get("/pt/account/export");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="pares-personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = (await download.json()) as { profile: { name: string; languages: string[] }; themes: { name: string }[] };
    expect(data.profile).toMatchObject({ name: "Marta Gómez", languages: ["gn", "pt"] });
    expect(data.themes.map((t) => t.name)).toEqual(["Gênero", "Mobilidade urbana"]);
    await page.close();
  });

  it("is saved without JavaScript, in English", async () => {
    const page = await openPage(browser, server.url, { javaScriptEnabled: false });
    await signIn(page, "pt");
    await page.goto("/en/account");
    expect(await page.locator("h1").textContent()).toBe("My account");
    await page.fill("#position", "Head of International Cooperation");
    await page.selectOption("#locale", "en");
    await page.getByLabel("Housing", { exact: true }).check();
    await page.getByRole("button", { name: "Save the profile" }).click();
    await page.waitForURL(/\/en\/account\?saved$/);
    expect(await page.locator("[role=status]").textContent()).toBe("Profile saved.");
    expect(await page.inputValue("#position")).toBe("Head of International Cooperation");
    expect(await page.isChecked("#themes-housing")).toBe(true);
    expect(await page.isChecked("#themes-gender")).toBe(true);
    await page.close();
    // axe is a script: check the same page with JavaScript on.
    const checked = await openPage(browser, server.url);
    await signIn(checked, "en");
    await expectAccessible(checked);
    await checked.close();
  });

  it("changes the e-mail address only when the link sent to it is followed, then deletes the account", async () => {
    const page = await openPage(browser, server.url);
    await signIn(page, "en");
    await page.goto("/en/account/email");
    await page.fill("#newEmail", "marta.gomez@asuncion.test");
    await page.fill("#password", "not my password at all");
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect.poll(() => page.locator("#password-error").textContent(), { timeout: 10_000 }).toBe("is not your current password");
    await expectAccessible(page);
    await page.fill("#password", password);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect.poll(() => page.locator("[role=status]").count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page);

    const subject = "Confirm your new e-mail address on Pares";
    await expect.poll(async () => (await smtp.mailsTo("marta.gomez@asuncion.test")).filter((m) => m.subject === subject).length, { timeout: 15_000 }).toBe(1);
    await expect
      .poll(async () => (await smtp.mailsTo(email)).filter((m) => m.subject === "A change of your Pares account's address was requested").length, { timeout: 15_000 })
      .toBe(1);
    await page.goto("/en/account");
    expect(await page.locator("dl.facts").textContent()).toContain(email);

    const link = (await smtp.mailsTo("marta.gomez@asuncion.test"))[0]!.text!.match(/https?:\/\/\S+account\/email\/confirm\?token=\S+/)![0];
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm the new address" }).click();
    await expect.poll(() => page.locator("[role=status]").textContent(), { timeout: 10_000 }).toContain("Your e-mail address has changed.");
    await page.goto("/en/account");
    expect(await page.locator("dl.facts").textContent()).toContain("marta.gomez@asuncion.test");

    await page.goto("/en/account/delete");
    await page.fill("#password", password);
    await page.getByRole("button", { name: "Delete my account for good" }).click();
    await page.waitForURL(/\/en\/account\/deleted$/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe("Account deleted");
    await expectAccessible(page);
    await page.goto("/en/account");
    expect(new URL(page.url()).pathname).toBe("/en/sign-in");
    await page.close();
  });
});

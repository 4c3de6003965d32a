// A new person signs up, gets the verification e-mail over SMTP, confirms, signs in and out;
// sign-in without JavaScript; the sixth failed attempt is refused. Every page checked by axe.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { expectAccessible, openPage, startServerWithMail } from "./harness.ts";

let world: Awaited<ReturnType<typeof startServerWithMail>>;
let smtp: typeof world.smtp;
let server: typeof world.server;
let browser: Browser;

beforeAll(async () => {
  world = await startServerWithMail("accounts");
  ({ smtp, server, browser } = world);
});
afterAll(() => world?.close());

const texts = {
  es: { signUp: "Crear la cuenta", signIn: "Iniciar sesión", account: "Mi cuenta", subject: "Confirme su dirección de correo en Pares", confirm: "Confirmar mi dirección", signOut: "Cerrar sesión" },
  pt: { signUp: "Criar a conta", signIn: "Entrar", account: "Minha conta", subject: "Confirme seu endereço de e-mail no Pares", confirm: "Confirmar meu endereço", signOut: "Sair" },
  en: { signUp: "Create the account", signIn: "Sign in", account: "My account", subject: "Confirm your e-mail address on Pares", confirm: "Confirm my address", signOut: "Sign out" },
} as const;

describe.each(["es", "pt", "en"] as const)("accounts in %s", (locale) => {
  const text = texts[locale];
  const email = `pessoa.${locale}@cidade.test`;
  const password = "uma frase longa o bastante";

  it("signs up, receives the verification e-mail over SMTP, confirms, signs in and out", async () => {
    const page = await openPage(browser, server.url);
    await page.goto(`/${locale}/sign-up`);
    await expectAccessible(page);
    // Bad input first: the errors name the fields, in the page's language, and keep nothing secret.
    await page.fill("#name", "");
    await page.fill("#email", "not-an-address");
    await page.fill("#password", "short");
    await page.getByRole("button", { name: text.signUp }).click();
    await expect.poll(() => page.locator("#email-error").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator("#password").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await page.fill("#name", "Pessoa Teste");
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.getByRole("button", { name: text.signUp }).click();
    await page.waitForURL(new RegExp(`/${locale}/check-email$`));
    await expectAccessible(page);

    await expect.poll(async () => (await smtp.mailsTo(email)).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await smtp.mailsTo(email);
    expect(mail!.subject).toBe(text.subject);
    const link = mail!.text!.match(/https?:\/\/\S+verify-email\?token=\S+/)![0];
    expect(link.startsWith(`${server.url}/${locale}/verify-email?token=`)).toBe(true);

    await page.goto(link);
    expect(await page.locator("h1").textContent()).not.toBe("");
    await expectAccessible(page);
    await page.goto(`/${locale}/sign-in`);
    await expectAccessible(page);
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.getByRole("button", { name: text.signIn }).click();
    await page.waitForURL(new RegExp(`/${locale}/account$`));
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(text.account);
    expect(await page.locator("dl.facts").textContent()).toContain(email);
    await expectAccessible(page);
    await page.goto(`/${locale}/account/sessions`);
    expect(await page.locator(".card").count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`/${locale}/account`);
    await page.getByRole("button", { name: text.signOut }).click();
    await page.waitForURL(new RegExp(`/${locale}$`));
    await page.goto(`/${locale}/account`);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/sign-in`);
    await page.close();
  });
});

describe("sign-in", () => {
  it("works without JavaScript; a verification link opened again still says confirmed, a forged one is refused", async () => {
    for (const locale of ["es", "pt", "en"] as const) {
      const noScript = await openPage(browser, server.url, { javaScriptEnabled: false });
      await noScript.goto(`/${locale}/sign-in`);
      await expectAccessible(noScript);
      await noScript.fill("#email", `pessoa.${locale}@cidade.test`);
      await noScript.fill("#password", "uma frase longa o bastante");
      await noScript.click("form.stack button[type=submit]");
      await noScript.waitForURL(new RegExp(`/${locale}/account$`));
      expect(await noScript.locator("h1").textContent()).toBe(texts[locale].account);
      await expectAccessible(noScript);
      await noScript.close();
    }
    const page = await openPage(browser, server.url, { javaScriptEnabled: false });
    const [mail] = await smtp.mailsTo("pessoa.pt@cidade.test");
    const link = mail!.text!.match(/https?:\/\/\S+verify-email\?token=\S+/)![0];
    expect((await page.goto(link))?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe("Endereço confirmado");
    expect((await page.goto("/pt/verify-email?token=forged"))?.status()).toBe(400);
    expect(await page.locator("h1").textContent()).toBe("Não foi possível confirmar o endereço");
    await page.close();
  });

  it.each(["es", "pt", "en"] as const)("resets a forgotten password by e-mail, every page passing axe (%s)", async (locale) => {
    const m = catalogs[locale];
    const email = `pessoa.${locale}@cidade.test`;
    const page = await openPage(browser, server.url);
    await page.goto(`/${locale}/sign-in`);
    await page.getByRole("link", { name: m["forgot.title"] }).click();
    await page.waitForURL(new RegExp(`/${locale}/forgot-password$`));
    // The URL changes before the new page renders: wait for it, or the old page's e-mail field gets the text.
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(m["forgot.title"]);
    await expectAccessible(page);
    await page.fill("#email", email);
    await page.getByRole("button", { name: m["forgot.submit"] }).click();
    // Asking for a reset takes a moment on purpose (the same for every address).
    await expect.poll(() => page.locator("[role=status]").count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page);
    const resetMails = async () => (await smtp.mailsTo(email)).filter((mail) => mail.subject === m["email.reset.subject"]);
    await expect.poll(async () => (await resetMails()).length, { timeout: 15_000 }).toBe(1);
    const link = (await resetMails())[0]!.text!.match(/https?:\/\/\S+reset-password\?token=\S+/)![0];
    expect(link.startsWith(`${server.url}/${locale}/reset-password?token=`)).toBe(true);
    await page.goto(link);
    await expectAccessible(page);
    await page.fill("#password", "password1234");
    await page.getByRole("button", { name: m["reset.submit"] }).click();
    await expect.poll(() => page.locator("#password-error").textContent(), { timeout: 10_000 }).toContain(m["validation.passwordCommon"]!.slice(0, 12));
    await expectAccessible(page);
    await page.fill("#password", "a brand new passphrase here");
    await page.getByRole("button", { name: m["reset.submit"] }).click();
    await expect.poll(() => page.locator("[role=status]").count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page);
    await page.goto(`/${locale}/sign-in`);
    await page.fill("#email", email);
    await page.fill("#password", "a brand new passphrase here");
    await page.getByRole("button", { name: m["signIn.submit"], exact: true }).last().click();
    await page.waitForURL(new RegExp(`/${locale}/account$`));
    await page.close();
  });

  it("refuses the sixth failed attempt for an address within a minute with 429 and a localized message", async () => {
    const page = await openPage(browser, server.url);
    await page.goto("/es/sign-in");
    let status = 0;
    page.on("response", (r) => {
      if (r.request().method() === "POST") status = r.status();
    });
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.fill("#email", "pessoa.es@cidade.test");
      await page.fill("#password", `contraseña equivocada ${attempt}`);
      await page.getByRole("button", { name: "Iniciar sesión" }).last().click();
      await expect.poll(() => status, { timeout: 10_000 }).toBe(attempt <= 5 ? 401 : 429);
      status = 0;
    }
    expect(await page.locator("[role=alert]").textContent()).toContain("Hubo demasiados intentos fallidos");
    await expectAccessible(page);
    await page.close();
  });
});

// Two-step sign-in in a real browser: a platform administrator (who must use it) turns it on
// with a code computed from the key the page shows, signs out, and signs in again with the
// password and a code, and without JavaScript with a backup code. Single sign-on through a real
// OpenID Connect provider on 127.0.0.1. Every page checked by axe.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { totpCode } from "../support/totp.ts";
import { expectAccessible, launchBrowser, openPage, root, type RunningServer, startServer } from "./harness.ts";

const scratch = mkdtempSync(join(tmpdir(), "pares-two-factor-"));
const admin = { email: "admin.2fa@pares.test", password: "a long admin passphrase" };
const ssoPerson = { sub: "lucia", password: "provider password", email: "lucia@cidades.test", email_verified: true, name: "Lucía Pereira" };
let provider: TestOidcProvider;
let server: RunningServer;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}


beforeAll(async () => {
  const env = { PGLITE_DIR: join(scratch, "pglite"), SECRET: "two-factor-e2e-secret-two-factor-e2e-secret", DATABASE_URL: "" };
  cpSync(inject("seededDataDir"), env.PGLITE_DIR, { recursive: true });
  const created = spawnSync(process.execPath, ["cli/pares.ts", "create-admin", "--email", admin.email, "--name", "Ada Admin", "--language", "en"], {
    cwd: root,
    input: admin.password,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  expect(created.status, created.stderr).toBe(0);
  // Single sign-on needs the address the provider sends people back to, known before start.
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUris: [`${publicUrl}/api/auth/callback/oidc`], identities: [ssoPerson] });
  server = await startServer({
    ...env,
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_NAME: "Cidades ID",
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function signInWithPassword(page: Page, locale: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.fill("#email", admin.email);
  await page.fill("#password", admin.password);
  await page.click("form.stack button[type=submit]");
}

describe("two-step sign-in", () => {
  let secret = "";
  let backupCodes: string[] = [];

  it("is turned on by an administrator with the password and a code from the app; the page says why it is needed", async () => {
    const page = await openPage(browser, server.url);
    await signInWithPassword(page, "en");
    // Administrators are sent here until they turn it on.
    await page.waitForURL(/\/en\/account\/two-factor\?required=1$/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe("Two-step sign-in");
    expect(await page.locator(".alert").textContent()).toBe(catalogs.en["twoFactor.required"]);
    expect(await page.locator("main").textContent()).toContain("Two-step sign-in is off.");
    await expectAccessible(page);

    await page.fill("#password", "not the password at all");
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect.poll(() => page.locator("#password-error").textContent(), { timeout: 10_000 }).toBe("is not your current password");
    await expectAccessible(page);
    await page.fill("#password", admin.password);
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    const qr = page.getByRole("img", { name: "QR code with the key for the authenticator app" });
    await expect.poll(() => qr.count(), { timeout: 10_000 }).toBe(1);
    secret = (await page.locator("code.secret").textContent())!.replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    backupCodes = await page.locator(".backup-codes code").allTextContents();
    expect(backupCodes).toHaveLength(10);
    await expectAccessible(page);

    // A wrong code names the field, and the key is shown again to try once more.
    await page.fill("#code", String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect.poll(() => page.locator("[role=alert]").textContent(), { timeout: 10_000 }).toContain("Six-digit code: is not the code the app shows now");
    expect(await qr.count()).toBe(1);
    await expectAccessible(page);
    await page.fill("#code", totpCode(secret));
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    await page.waitForURL(/\/en\/account\/two-factor\?done=enabled$/);
    await expect.poll(() => page.locator("[role=status]").textContent(), { timeout: 10_000 }).toBe("Two-step sign-in is now on.");
    expect(await page.locator("main").textContent()).toContain("You have 10 backup codes left.");
    expect(await page.locator(".alert").count()).toBe(0);
    await expectAccessible(page);

    await page.goto("/en/account");
    await page.getByRole("link", { name: "Two-step sign-in" }).click();
    await page.waitForURL(/\/en\/account\/two-factor$/);
    await expect.poll(() => page.locator("main").textContent(), { timeout: 10_000 }).toContain("Two-step sign-in is on.");
    for (const locale of ["es", "pt"] as const) {
      await page.goto(`/${locale}/account/two-factor`);
      expect(await page.locator("h1").textContent()).toBe(catalogs[locale]["twoFactor.title"]);
      expect(await page.locator("main").textContent()).toContain(catalogs[locale]["twoFactor.statusOn"]);
      await expectAccessible(page);
    }
    await page.goto("/en/account");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/en$/);
    await page.close();
  });

  it("asks for a code after the password; a wrong one is refused naming the field", async () => {
    const page = await openPage(browser, server.url);
    await signInWithPassword(page, "en");
    await page.waitForURL(/\/en\/sign-in\/two-factor\?next=/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe("Two-step sign-in");
    await expectAccessible(page);
    await page.fill("#code", String((Number(totpCode(secret)) + 7) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.locator("#code-error").textContent(), { timeout: 10_000 }).toBe(catalogs.en["validation.twoFactorCode"]);
    expect(await page.locator("#code").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await page.fill("#code", totpCode(secret));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/en\/account$/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe("My account");
    await page.close();
  });

  it("works without JavaScript, with a backup code, in Portuguese; new backup codes, and turning it off", async () => {
    const page = await openPage(browser, server.url, { javaScriptEnabled: false });
    await signInWithPassword(page, "pt");
    await page.waitForURL(/\/pt\/sign-in\/two-factor\?next=/);
    expect(await page.locator("h1").textContent()).toBe(catalogs.pt["signInTwoFactor.title"]);
    await page.fill("#code", backupCodes[0]!);
    await page.click("form.stack button[type=submit]");
    await page.waitForURL(/\/pt\/account$/);
    await page.goto("/pt/account/two-factor");
    expect(await page.locator("main").textContent()).toContain("Restam 9 códigos de backup.");
    await page.fill("#codesPassword", admin.password);
    await page.getByRole("button", { name: catalogs.pt["twoFactor.regenerate.submit"] }).click();
    await page.waitForLoadState();
    const fresh = await page.locator(".backup-codes code").allTextContents();
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(backupCodes[1]);
    await page.fill("#offPassword", "wrong password, surely");
    await page.getByRole("button", { name: catalogs.pt["twoFactor.disable.submit"] }).click();
    await page.waitForLoadState();
    expect(await page.locator("#offPassword-error").textContent()).toBe(catalogs.pt["validation.currentPassword"]);
    await page.fill("#offPassword", admin.password);
    await page.getByRole("button", { name: catalogs.pt["twoFactor.disable.submit"] }).click();
    await page.waitForURL(/\/pt\/account\/two-factor\?done=disabled$/);
    expect(await page.locator("[role=status]").textContent()).toBe(catalogs.pt["twoFactor.disabled"]);
    expect(await page.locator(".alert").textContent()).toBe(catalogs.pt["twoFactor.required"]);
    await page.close();
  });
});

describe("single sign-on", () => {
  it("signs a new person in with the provider from the sign-in page, and they land on their account in the page's language", async () => {
    const page = await openPage(browser, server.url);
    await page.goto("/pt/sign-in");
    await expectAccessible(page);
    // The provider's pages are on another host: from here on, requests there are expected.
    page.removeAllListeners("request");
    await page.getByRole("button", { name: "Entrar com Cidades ID" }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.fill("#login", ssoPerson.sub);
    await page.fill("#password", ssoPerson.password);
    await page.getByRole("button", { name: "Sign in to the provider" }).click();
    await page.waitForURL(/\/pt\/account$/);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(catalogs.pt["account.title"]);
    expect(await page.locator("main").textContent()).toContain(ssoPerson.email);
    await expectAccessible(page);
    await page.close();
  });
});

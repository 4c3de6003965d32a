// Starting real Pares servers and a real Chromium for end-to-end tests.
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { startServer } from "../support/server-process.ts";
import { startSmtpServer } from "../support/smtp.ts";

export { root, type RunningServer, startServer } from "../support/server-process.ts";

/**
 * A journey's own world: a real SMTP server, Pares on a copy of the seeded database sending its
 * e-mail there, and Chromium. close() stops them and removes the copy. `env` adds to or overrides
 * the server's environment (say, a short SCHEDULE_TICK_MS so digests go out within the test).
 */
export async function startServerWithMail(name: string, env: Record<string, string> = {}) {
  const scratch = mkdtempSync(join(tmpdir(), `pares-${name}-`));
  const smtp = await startSmtpServer();
  cpSync(inject("seededDataDir"), join(scratch, "pglite"), { recursive: true });
  const server = await startServer({
    PGLITE_DIR: join(scratch, "pglite"),
    SMTP_URL: smtp.url,
    MAIL_FROM: "Pares <no-reply@pares.test>",
    OUTBOX_POLL_MS: "200",
    SECRET: `${name}-e2e-secret-`.repeat(3),
    ...env,
  });
  const browser = await launchBrowser();
  return {
    smtp,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.stop();
      await smtp.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page that fails the test if anything is requested from a host other than the server. */
export async function openPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  const page = await context.newPage();
  const own = new URL(baseUrl).host;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.host !== own) throw new Error(`third-party request: ${request.url()}`);
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  (page as Page & { consoleErrors: string[] }).consoleErrors = consoleErrors;
  (page as Page & { withoutScripts?: boolean }).withoutScripts = options.javaScriptEnabled === false;
  return page;
}

export function consoleErrorsOf(page: Page): string[] {
  return (page as Page & { consoleErrors: string[] }).consoleErrors;
}

/**
 * WCAG 2.2 AA (and best-practice) checks by axe-core: the page must have no violations. axe
 * runs as a script, so a page opened without JavaScript is checked as a copy of what it shows
 * (same markup and styles, scripts left out) in a page that allows scripts.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (!(page as Page & { withoutScripts?: boolean }).withoutScripts) return expectAccessibleNow(page, page.url());
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await page.context().browser()!.newContext();
  const copy = await context.newPage();
  try {
    // The copy is served at the same address, so its stylesheets load as the original's did.
    await copy.route(url, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
    await copy.goto(url);
    await expectAccessibleNow(copy, url);
  } finally {
    await context.close();
  }
}

async function expectAccessibleNow(page: Page, url: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${url}`).toEqual([]);
}

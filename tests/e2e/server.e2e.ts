// The server as a deployer sees it: headers, CSRF, health, logs, configuration errors, the
// embedded database's lock, and graceful shutdown. Real processes, real HTTP.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { root, startServer } from "./harness.ts";

const baseUrl = inject("baseUrl");
const scratch = mkdtempSync(join(tmpdir(), "pares-server-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** "pares_csrf=…" from a response's Set-Cookie headers. */
function csrfCookieOf(response: Response): string {
  return response.headers.getSetCookie().find((c) => c.startsWith("pares_csrf="))!.split(";")[0]!;
}

function copySeededDatabase(name: string): string {
  const dir = join(scratch, name);
  cpSync(inject("seededDataDir"), dir, { recursive: true });
  return dir;
}

describe("HTTP", () => {
  it("sends security headers with a per-response CSP nonce and no inline-script allowance", async () => {
    const a = await fetch(`${baseUrl}/en`);
    const b = await fetch(`${baseUrl}/en`);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("strict-transport-security")).toBeNull();
    const html = await a.text();
    const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attrs] of inlineScripts) expect(attrs).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z0-9.-]+\.[a-z]{2,}\/[^"']*\.(js|css|woff2?)/);
  });

  it("refuses a NUL character in the address, a form or JSON with a 400 that says so, on pages and the API", async () => {
    for (const path of ["/es/networks/a%00b", "/es/organizations?q=%00", "/api/v1/networks?q=a%00b", "/api/v1/cities?q=%00"]) {
      const res = await fetch(`${baseUrl}${path}`, { headers: { "Accept-Language": "pt" } });
      expect(res.status, path).toBe(400);
      const text = await res.text();
      expect(text, path).toMatch(/caractere nulo|carácter nulo/);
    }
    const api = await fetch(`${baseUrl}/api/v1/tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": "en", Authorization: "Bearer pares_x" },
      body: JSON.stringify({ name: "a\u0000b" }),
    });
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ errors: [{ field: "body", message: expect.stringMatching(/null character/) }] });
    const page = await fetch(`${baseUrl}/en/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a%00b&password=x",
    });
    expect(page.status).toBe(400);
  });

  it("sets no cookie on a publicly cacheable image, only on pages", async () => {
    const map = await fetch(`${baseUrl}/es/networks/mercociudades/map.svg`);
    expect(map.status).toBe(200);
    expect(map.headers.get("cache-control")).toMatch(/public/);
    expect(map.headers.getSetCookie()).toEqual([]);
    expect((await fetch(`${baseUrl}/es/networks/mercociudades`)).headers.getSetCookie().some((c) => c.startsWith("pares_csrf="))).toBe(true);
  });

  it("gives every request an id, and keeps a valid one given by a proxy", async () => {
    const generated = await fetch(`${baseUrl}/health/live`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${baseUrl}/health/live`, { headers: { "X-Request-Id": "proxy-req-12345" } });
    expect(given.headers.get("x-request-id")).toBe("proxy-req-12345");
  });

  it("has no local mailbox outside development", async () => {
    expect((await fetch(`${baseUrl}/es/dev/mailbox`)).status).toBe(404);
  });

  it("answers health checks", async () => {
    expect(await (await fetch(`${baseUrl}/health/live`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", database: "pglite" });
  });

  it("never shows a stack trace", async () => {
    for (const path of ["/api/v1/cities?page=-1", "/api/v1/cities/abc", "/api/v1/nope", "/en/cities/abc", "/xx/yy", "/en/cities?page=abc"]) {
      const body = await (await fetch(`${baseUrl}${path}`)).text();
      expect(body, path).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
      expect(body, path).not.toMatch(/node_modules|\.ts:\d+/);
    }
  });

  it("refuses a form post without a valid CSRF token or from another site, and accepts a genuine one", async () => {
    const cookie = csrfCookieOf(await fetch(`${baseUrl}/pt/cities`));
    const token = decodeURIComponent(cookie.split("=")[1]!);
    const post = (body: string, headers: Record<string, string>) =>
      fetch(`${baseUrl}/pt/cities`, {
        method: "POST",
        body,
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      });
    const noToken = await post("q=x", { Cookie: cookie, Origin: baseUrl });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain("O formulário expirou");
    expect((await post(`_csrf=${encodeURIComponent(token)}`, { Origin: baseUrl })).status).toBe(403);
    expect((await post(`_csrf=${encodeURIComponent(token)}`, { Cookie: cookie, Origin: "https://evil.example" })).status).toBe(403);
    expect((await post(`_csrf=forged.token`, { Cookie: "pares_csrf=forged.token", Origin: baseUrl })).status).toBe(403);
    const genuine = await post(`_csrf=${encodeURIComponent(token)}`, { Cookie: cookie, Origin: baseUrl });
    expect(genuine.status).not.toBe(403);
    expect(genuine.status).toBe(405);
    const garbled = await fetch(`${baseUrl}/pt/cities`, {
      method: "POST",
      body: "garbage",
      headers: { "Content-Type": "multipart/form-data; boundary=xyz", Cookie: cookie, Origin: baseUrl },
    });
    expect(garbled.status).toBe(403);
  });

  it("refuses a form post larger than 1 MB without reading it", async () => {
    const cookie = csrfCookieOf(await fetch(`${baseUrl}/es/cities`));
    const res = await fetch(`${baseUrl}/es/cities`, {
      method: "POST",
      body: `q=${"x".repeat(2 * 1024 * 1024)}`,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: baseUrl },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toBe("El formulario enviado es demasiado grande.");
  });
});

describe("process", () => {
  const node = process.execPath;

  it("stops at once with one line naming a bad configuration variable", () => {
    const run = spawnSync(node, ["server/main.ts"], { cwd: root, env: { ...process.env, PORT: "eighty" }, encoding: "utf8" });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pares: configuration error: PORT is invalid/);
  });

  it("stops with one line when the port is taken", () => {
    const port = new URL(baseUrl).port;
    const run = spawnSync(node, ["server/main.ts"], {
      cwd: root,
      env: { ...process.env, PORT: port, PGLITE_DIR: copySeededDatabase("port-taken"), DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`pares: cannot listen on 127.0.0.1:${port}: the port is already in use (set PORT to another one)`);
  });

  it("refuses to open an embedded database directory another process has open", () => {
    const dir = inject("serverDataDir");
    const started = Date.now();
    const run = spawnSync(node, ["server/main.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "0", PGLITE_DIR: dir, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `pares: the embedded database directory ${dir} is already open in another Pares process; stop that process or set PGLITE_DIR to another directory`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("on SIGTERM finishes the request in flight, refuses new ones, closes the database and exits 0", async () => {
    const dir = copySeededDatabase("shutdown");
    const server = await startServer({ PGLITE_DIR: dir, TRUST_PROXY: "true", SECRET: "shutdown-secret-shutdown-secret-1234", LOG_LEVEL: "info" });
    const behindHttps = await fetch(`${server.url}/en`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(behindHttps.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const cookie = csrfCookieOf(await fetch(`${server.url}/en/cities`));
    const body = `_csrf=${cookie.split("=")[1]}&q=montevideo`;
    const { host, port } = new URL(server.url);
    // A form post whose body arrives slowly is a request in flight while the signal comes.
    const socket = connect(Number(port), host.split(":")[0]);
    let response = "";
    socket.on("data", (d) => (response += d.toString()));
    const closed = new Promise((resolve) => socket.on("close", resolve));
    await new Promise((resolve) => socket.on("connect", resolve));
    socket.write(
      `POST /en/cities HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${server.url}\r\nCookie: ${cookie}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n` +
        body.slice(0, 10),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exit = server.stop("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.process.exitCode).toBeNull();
    await expect(fetch(`${server.url}/health/live`)).rejects.toThrow();
    socket.write(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 405/);
    expect(await exit).toBe(0);
    const log = server.output();
    expect(log).toContain('"msg":"stopped"');
    const requestLines = log.split("\n").filter((l) => l.includes('"msg":"request"'));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(JSON.parse(line).requestId).toBeTruthy();
    // The lock was released: the directory opens again.
    const again = await startServer({ PGLITE_DIR: dir });
    expect((await fetch(`${again.url}/health/ready`)).status).toBe(200);
    expect(await again.stop()).toBe(0);
  });
});

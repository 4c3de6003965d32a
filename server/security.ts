// Security headers on every response, and CSRF checks on every form post to a page.
import { randomBytes } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { getCookie, setCookie } from "hono/cookie";
import { csrfCookieName, csrfFieldName, isValidCsrfToken, issueCsrfToken, tokensMatch } from "../platform/http/csrf.ts";
import type { Config } from "../platform/config.ts";
import { catalogs } from "../platform/i18n/catalogs.ts";
import { negotiateLocale } from "../platform/i18n/negotiate.ts";
import { createTranslator } from "../platform/i18n/translator.ts";
import { invalidProblem } from "../platform/http/problem.ts";
import { serverPage } from "./pages.ts";

export type SecurityVariables = { nonce: string; csrfToken: string };

export function isHttps(c: Context, config: Config): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  if (config.TRUST_PROXY && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return false;
}

export function securityHeaders(config: Config): MiddlewareHandler<{ Variables: SecurityVariables }> {
  const dev = config.NODE_ENV === "development";
  return async (c, next) => {
    const nonce = randomBytes(16).toString("base64");
    c.set("nonce", nonce);
    await next();
    const https = isHttps(c, config);
    const csp = [
      "default-src 'self'",
      dev ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'" : `script-src 'self' 'nonce-${nonce}'`,
      dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      // The single sign-on button's post is redirected to the provider, which form-action governs too.
      config.OIDC_ISSUER ? `form-action 'self' ${new URL(config.OIDC_ISSUER).origin}` : "form-action 'self'",
      "frame-ancestors 'none'",
      ...(https ? ["upgrade-insecure-requests"] : []),
    ].join("; ");
    const h = c.res.headers;
    h.set("Content-Security-Policy", csp);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "strict-origin-when-cross-origin");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    // The API is public data meant to be read from other sites; pages and assets are not.
    h.set("Cross-Origin-Resource-Policy", new URL(c.req.url).pathname.startsWith("/api/") ? "cross-origin" : "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (https) h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Gives every page request a CSRF token (cookie), and refuses a form post to a page unless it
 * comes from this site and carries the token. The API is not cookie-authenticated and is
 * checked by its own means.
 */
export function csrfProtection(config: Config, secret: string): MiddlewareHandler<{ Variables: SecurityVariables }> {
  return async (c, next) => {
    const cookie = getCookie(c, csrfCookieName);
    const token = isValidCsrfToken(secret, cookie) ? cookie : undefined;
    if (unsafeMethods.has(c.req.method)) {
      if (!token || !(await postIsGenuine(c, config, token))) {
        return c.html(serverPage(c, "forbidden"), 403);
      }
    }
    const issued = token ? undefined : issueCsrfToken(secret);
    c.set("csrfToken", token ?? issued!);
    await next();
    // Set after the response exists: headers prepared earlier do not reach a Response that
    // React Router builds itself.
    // Only on pages (where forms are): a publicly cacheable image must carry no cookie.
    if (issued && (c.res.headers.get("content-type")?.startsWith("text/html") ?? false)) {
      setCookie(c, csrfCookieName, issued, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure: isHttps(c, config),
      });
    }
  };
}

async function postIsGenuine(c: Context, config: Config, token: string): Promise<boolean> {
  const origin = c.req.header("origin");
  const ownOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : new URL(c.req.url).origin;
  if (origin && origin !== ownOrigin && origin !== new URL(c.req.url).origin) return false;
  if (!origin && c.req.header("sec-fetch-site") === "cross-site") return false;
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return false;
  try {
    const form = await c.req.raw.clone().formData();
    const field = form.get(csrfFieldName);
    return typeof field === "string" && tokensMatch(field, token);
  } catch {
    // A body that is not the form it claims to be cannot carry a valid token.
    return false;
  }
}

/** "%00" in a URL or form body, or a NUL written as a JSON escape or raw byte. */
const encodedNul = /%00/i;
const jsonNul = /\\u0000/i;

/**
 * PostgreSQL text cannot hold the NUL character, so a request carrying one anywhere it could
 * reach the database (path, query, form or JSON body) is refused here, once for every route,
 * with a 400 that says why — rather than a database error deep inside a use case.
 */
export function refuseNulCharacters(): MiddlewareHandler {
  return async (c, next) => {
    let where: "url" | "body" | null = encodedNul.test(c.req.url) ? "url" : null;
    const type = c.req.header("content-type") ?? "";
    if (!where && unsafeMethods.has(c.req.method) && c.req.raw.body) {
      if (type.startsWith("application/x-www-form-urlencoded")) {
        if (encodedNul.test(await c.req.raw.clone().text())) where = "body";
      } else if (type.startsWith("application/json")) {
        const text = await c.req.raw.clone().text();
        if (jsonNul.test(text) || text.includes(String.fromCharCode(0))) where = "body";
      }
    }
    if (!where) return next();
    if (new URL(c.req.url).pathname.startsWith("/api/")) {
      const locale = negotiateLocale(c.req.header("accept-language"));
      const t = createTranslator(locale, catalogs[locale]);
      const body = invalidProblem(t, [{ field: where, message: t("error.nulCharacter.field") }], new URL(c.req.url).pathname);
      return c.body(JSON.stringify(body), 400, { "Content-Type": "application/problem+json", "Content-Language": locale });
    }
    return c.html(serverPage(c, "nulCharacter"), 400);
  };
}

/**
 * The client's address, for sessions and the audit log, handed on in this header: from the
 * last X-Forwarded-For entry (the one the trusted proxy added) when a proxy is trusted, else
 * from the socket. A client cannot
 * choose it: an incoming header of that name is always replaced or removed.
 */
export const clientIpHeader = "x-pares-client-ip";

export function clientAddress(config: Config): MiddlewareHandler {
  return async (c, next) => {
    // A proxy appends the address it saw to what the client sent: only the last entry is the proxy's word.
    const forwarded = config.TRUST_PROXY ? c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim() : undefined;
    let address = forwarded;
    if (!address) {
      try {
        address = getConnInfo(c).remote.address;
      } catch {
        address = undefined; // not served by node:http (tests calling app.fetch)
      }
    }
    if (address) c.req.raw.headers.set(clientIpHeader, address);
    else c.req.raw.headers.delete(clientIpHeader);
    await next();
  };
}

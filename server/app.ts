// The HTTP application: request ids and logs, security headers, health checks, /api/v1,
// static assets, and React Router for every page.
import { randomUUID } from "node:crypto";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { setCookie } from "hono/cookie";
import { createRequestHandler, RouterContextProvider, type ServerBuild } from "react-router";
import { requestContext } from "../app/context.ts";
import type { AppServices } from "../platform/context.ts";
import { catalogs } from "../platform/i18n/catalogs.ts";
import { isLocale } from "../platform/i18n/locales.ts";
import { localeCookieName, readCookie } from "../platform/i18n/negotiate.ts";
import { createTranslator } from "../platform/i18n/translator.ts";
import { problemFromError } from "../platform/http/problem.ts";
import { requestScope } from "../platform/log.ts";
import { problem } from "./api/common.ts";
import { createApiV1 } from "./api/v1.ts";
import { requestLocale } from "./pages.ts";
import { clientAddress, csrfProtection, isHttps, refuseNulCharacters, type SecurityVariables, securityHeaders } from "./security.ts";

export interface AppOptions {
  services: AppServices;
  secret: string;
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Directory of the client build to serve (production); Vite serves it in development. */
  clientDir?: string;
  /** Set while the server drains on shutdown: readiness answers 503 so traffic moves elsewhere. */
  isShuttingDown?: () => boolean;
}

/** The largest page form post accepted, in bytes. */
export const formBodyLimit = 1024 * 1024;
/** Pages that upload files: a practice's editor (one file of 10 MB) and a conversation (five). */
export const uploadBodyLimit = 51 * 1024 * 1024;
const uploadPagePaths = [/^\/(es|pt|en)\/practices\/[^/]+\/edit$/, /^\/(es|pt|en)\/exchange\/conversations\/[^/]+$/];

const requestIdPattern = /^[A-Za-z0-9._-]{8,128}$/;

export function createApp(options: AppOptions) {
  const { services } = options;
  const { config, log } = services;
  const app = new Hono<{ Variables: SecurityVariables }>();

  app.use(async (c, next) => {
    const given = c.req.header("x-request-id");
    const requestId = given && requestIdPattern.test(given) ? given : randomUUID();
    await requestScope.run({ requestId }, async () => {
      const started = performance.now();
      await next();
      c.header("X-Request-Id", requestId);
      const status = c.res.status;
      const line = { method: c.req.method, path: new URL(c.req.url).pathname, status, ms: Math.round(performance.now() - started) };
      if (status >= 500) log.error(line, "request");
      else log.info(line, "request");
    });
  });

  app.use(securityHeaders(config));
  app.use(clientAddress(config));
  app.use(refuseNulCharacters());

  app.get("/health/live", (c) => c.json({ status: "ok" }, 200, { "Cache-Control": "no-store" }));
  app.get("/health/ready", async (c) => {
    const headers = { "Cache-Control": "no-store" };
    if (options.isShuttingDown?.()) return c.json({ status: "shutting-down" }, 503, headers);
    try {
      await services.database.ping(2_000);
      return c.json({ status: "ok", database: services.database.engine }, 200, headers);
    } catch (err) {
      log.warn({ err }, "readiness check failed: database unreachable");
      return c.json({ status: "unavailable", database: services.database.engine }, 503, headers);
    }
  });

  app.route("/api/v1", createApiV1(services));
  // Single sign-on: the provider sends the browser back here (a GET, so no CSRF token is
  // expected; Better Auth checks the state it stored). Nothing else of Better Auth's handler is
  // exposed: pages call its API from their actions.
  if (config.OIDC_ISSUER) app.get("/api/auth/callback/:providerId", (c) => services.auth.handler(c.req.raw));
  app.all("/api/*", (c) => {
    const locale = requestLocale(c);
    const t = createTranslator(locale, catalogs[locale]);
    return problem(c, {
      ...problemFromError(t, new Error("not found")),
      type: "urn:pares:problem:not-found",
      title: t("error.notFound.apiTitle"),
      status: 404,
      detail: t("error.notFound.api", { path: new URL(c.req.url).pathname }),
      instance: new URL(c.req.url).pathname,
    });
  });

  if (options.clientDir) {
    const root = options.clientDir;
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    });
    app.use("/assets/*", serveStatic({ root }));
    app.use("/favicon.svg", serveStatic({ root }));
  }

  // The language of a page visited is remembered, so "/" sends the visitor back to it.
  app.use(async (c, next) => {
    await next();
    if (c.req.method !== "GET") return;
    const first = new URL(c.req.url).pathname.split("/")[1];
    // Pages only: a publicly cacheable image (a network's map or logo) must carry no cookie.
    const page = c.res.headers.get("content-type")?.startsWith("text/html") ?? false;
    if (page && isLocale(first) && readCookie(c.req.header("cookie"), localeCookieName) !== first && c.res.status < 400) {
      setCookie(c, localeCookieName, first, {
        path: "/",
        maxAge: 60 * 60 * 24 * 365,
        sameSite: "Lax",
        secure: isHttps(c, config),
      });
    }
  });

  // Page forms are small; larger bodies are refused before anything reads them. The two pages
  // that take files (a practice's editor, a conversation) get room for their uploads: the use
  // cases check each file's size and content.
  const tooLarge = (c: Context) => {
    const locale = requestLocale(c);
    return c.text(createTranslator(locale, catalogs[locale])("error.tooLarge.detail"), 413);
  };
  const formLimit = bodyLimit({ maxSize: formBodyLimit, onError: tooLarge });
  const uploadLimit = bodyLimit({ maxSize: uploadBodyLimit, onError: tooLarge });
  app.use((c, next) => (uploadPagePaths.some((p) => p.test(c.req.path)) ? uploadLimit(c, next) : formLimit(c, next)));
  app.use(csrfProtection(config, options.secret));

  const handleRequest = createRequestHandler(
    options.build as ServerBuild,
    config.NODE_ENV === "development" ? "development" : "production",
  );
  app.all("*", async (c) => {
    const context = new RouterContextProvider();
    context.set(requestContext, { services, nonce: c.get("nonce"), csrfToken: c.get("csrfToken") });
    return handleRequest(c.req.raw, context);
  });

  app.onError((err, c) => {
    log.error({ err }, "unhandled error");
    const locale = requestLocale(c);
    const t = createTranslator(locale, catalogs[locale]);
    return c.text(`${t("error.server.title")}. ${t("error.server.detail")}`, 500);
  });

  return app;
}

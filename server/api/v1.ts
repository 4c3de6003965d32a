// /api/v1: JSON, localized by Accept-Language, errors as problem+json. Routes are thin: the
// request is validated by the route's Zod schemas, then a use case answers.
import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { getCity } from "../../modules/cities/get-city.ts";
import { cityIdInput, listCountriesInput, searchCitiesInput } from "../../modules/cities/inputs.ts";
import { listCountries } from "../../modules/cities/list-countries.ts";
import { searchCities } from "../../modules/cities/search-cities.ts";
import { listSdgsInput, listThemesInput } from "../../modules/themes/inputs.ts";
import { listSdgs } from "../../modules/themes/list-sdgs.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import type { AppServices } from "../../platform/context.ts";
import { catalogs } from "../../platform/i18n/catalogs.ts";
import { negotiateLocale } from "../../platform/i18n/negotiate.ts";
import { createTranslator } from "../../platform/i18n/translator.ts";
import { invalidProblem, problemFromError, problemTypes } from "../../platform/http/problem.ts";
import { registerAccountRoutes } from "./accounts.ts";
import { apiAuthentication } from "./authentication.ts";
import { type ApiEnv, json, problem, problemResponse } from "./common.ts";
import { registerGovernanceRoutes } from "./governance.ts";
import { registerNetworkRoutes } from "./networks.ts";
import { registerOrganizationRoutes } from "./organizations.ts";
import { registerPortfolioRoutes } from "./portfolio.ts";
import { registerPracticeRoutes } from "./practices.ts";
import { registerExchangeRoutes } from "./exchange.ts";
import { registerExchangeConversationRoutes } from "./exchange-conversations.ts";
import { registerNotificationRoutes } from "./notifications.ts";
import { registerCallRoutes } from "./calls.ts";
import { fieldMessages } from "../../platform/http/zod-messages.ts";
import { cityDetailSchema, citySchema, countrySchema, pageOf, sdgSchema, themeSchema } from "./schemas.ts";

/** The request with empty query values dropped: `?country=` means no filter, as in the pages' forms. */
export function withoutEmptyQueryValues(request: Request): Request {
  const url = new URL(request.url);
  const kept = [...url.searchParams].filter(([, v]) => v !== "");
  if (kept.length === [...url.searchParams].length) return request;
  url.search = new URLSearchParams(kept).toString();
  return new Request(url, request);
}

/** The methods the API answers at a path (for 405 and Allow), from its route table. */
function methodsFor(routes: { method: string; path: string }[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === "ALL") continue;
    const pattern = new RegExp(`^${route.path.replace(/:[^/]+/g, "[^/]+").replace(/\/$/, "")}/?$`);
    if (pattern.test(path)) methods.add(route.method);
  }
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/** Reference data changes rarely: shared caches may keep it for a few minutes. */
const referenceCaching = "public, max-age=300";

export function createApiV1(services: AppServices) {
  const api = new OpenAPIHono<ApiEnv>({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        const locale = c.get("locale");
        const errors = fieldMessages(result.error as z.ZodError, locale, c.get("t"));
        return problem(c, invalidProblem(c.get("t"), errors, new URL(c.req.url).pathname));
      }
    },
  });

  // No cookies are read here: any site may call the API from a browser.
  api.use(
    cors({
      origin: "*",
      // Writes are authenticated by bearer tokens, never cookies, so any origin may send them.
      allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
      allowHeaders: ["Accept-Language", "Authorization", "Content-Type"],
      exposeHeaders: ["Content-Language", "X-Request-Id"],
      maxAge: 86_400,
    }),
  );

  api.use(async (c, next) => {
    const locale = negotiateLocale(c.req.header("accept-language"));
    c.set("locale", locale);
    c.set("t", createTranslator(locale, catalogs[locale]));
    await next();
    c.header("Content-Language", locale);
    c.header("Vary", "Accept-Language");
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });

  api.use(async (c, next) => {
    c.req.raw = withoutEmptyQueryValues(c.req.raw);
    await next();
  });

  api.use(apiAuthentication(services));

  api.openapi(
    createRoute({
      method: "get",
      path: "/countries",
      summary: "Countries",
      description: "Every country with ISO codes and UN M49 regions, sorted by name in the response language.",
      tags: ["Reference data"],
      request: { query: listCountriesInput },
      responses: {
        200: json(z.object({ items: z.array(countrySchema), total: z.number().int() }), "Countries"),
        400: problemResponse("Invalid query parameter"),
      },
    }),
    async (c) => {
      const items = await listCountries(services, c.req.valid("query"), c.get("locale"));
      return c.json({ items, total: items.length }, 200, { "Cache-Control": referenceCaching });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/cities",
      summary: "Search cities",
      description:
        "The directory of cities of 50,000+ inhabitants: by any name (accent-insensitive, typo-tolerant), country and region; best match first, else by population.",
      tags: ["Reference data"],
      request: { query: searchCitiesInput },
      responses: {
        200: json(pageOf(citySchema, "CityPage"), "A page of cities"),
        400: problemResponse("Invalid query parameter"),
      },
    }),
    async (c) =>
      c.json(await searchCities(services, c.req.valid("query"), c.get("locale")), 200, { "Cache-Control": referenceCaching }),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/cities/{id}",
      summary: "A city",
      tags: ["Reference data"],
      request: { params: z.object({ id: cityIdInput }) },
      responses: {
        200: json(cityDetailSchema, "The city"),
        400: problemResponse("Invalid id"),
        404: problemResponse("No such city"),
      },
    }),
    async (c) =>
      c.json(await getCity(services, c.req.valid("param").id, c.get("locale")), 200, { "Cache-Control": referenceCaching }),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/themes",
      summary: "Themes",
      description:
        "The theme taxonomy everything is tagged with: the seed network's 23 thematic spaces and the city-pairing programme's 15 themes, each mapped to SDGs.",
      tags: ["Reference data"],
      request: { query: listThemesInput },
      responses: {
        200: json(z.object({ items: z.array(themeSchema), total: z.number().int() }), "Themes"),
        400: problemResponse("Invalid query parameter"),
      },
    }),
    async (c) => {
      const items = await listThemes(services, c.req.valid("query"), c.get("locale"));
      return c.json({ items, total: items.length }, 200, { "Cache-Control": referenceCaching });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/sdgs",
      summary: "Sustainable Development Goals",
      description: "The 17 SDGs, and with targets=true their 169 targets.",
      tags: ["Reference data"],
      request: { query: listSdgsInput },
      responses: {
        200: json(z.object({ items: z.array(sdgSchema), total: z.number().int() }), "Goals"),
        400: problemResponse("Invalid query parameter"),
      },
    }),
    async (c) => {
      const items = await listSdgs(services, c.req.valid("query"), c.get("locale"));
      return c.json({ items, total: items.length }, 200, { "Cache-Control": referenceCaching });
    },
  );

  registerOrganizationRoutes(api, services);
  registerAccountRoutes(api, services);
  registerNetworkRoutes(api, services);
  registerGovernanceRoutes(api, services);
  registerPortfolioRoutes(api, services);
  registerPracticeRoutes(api, services);
  registerExchangeRoutes(api, services);
  registerExchangeConversationRoutes(api, services);
  registerNotificationRoutes(api, services);
  registerCallRoutes(api, services);

  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Pares API",
      version: "1.0.0",
      description: "The open API of Pares, a platform for city-to-city cooperation networks. Responses are localized by Accept-Language (es, pt, en); errors are RFC 9457 problem details.",
      license: { name: "AGPL-3.0-or-later" },
    },
    servers: [{ url: "/api/v1" }],
  });

  api.notFound((c) => {
    const t = c.get("t");
    const path = new URL(c.req.url).pathname;
    const allowed = methodsFor(api.routes, path.replace(/^\/api\/v1/, ""));
    if (allowed.length > 0) {
      c.header("Allow", allowed.join(", "));
      return problem(c, {
        type: problemTypes.method,
        title: t("error.methodNotAllowed.title"),
        status: 405,
        detail: t("error.methodNotAllowed.detail", { method: c.req.method, allowed: allowed.join(", ") }),
        instance: path,
      });
    }
    return problem(c, {
      type: problemTypes.not_found,
      title: t("error.notFound.apiTitle"),
      status: 404,
      detail: t("error.notFound.api", { path }),
      instance: path,
    });
  });

  api.onError((error, c) => {
    const t = c.get("t") ?? createTranslator("en", catalogs.en);
    // Hono's validators refuse a body that cannot be read (malformed or empty JSON) with a 400.
    if (error instanceof HTTPException && error.status < 500) {
      const path = new URL(c.req.url).pathname;
      return problem(c, invalidProblem(t, [{ field: "body", message: t("validation.malformedBody") }], path));
    }
    const body = problemFromError(t, error, new URL(c.req.url).pathname);
    if (body.status >= 500) services.log.error({ err: error }, "API request failed");
    return problem(c, body);
  });

  return api;
}

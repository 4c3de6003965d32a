// /api/v1 exchange: offers and needs (post, edit, close or reopen, read, browse across
// languages), their ranked matches with explanations, dismissals, and the directory of local
// expertise.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { browseItems } from "../../modules/exchange/browse-items.ts";
import { changeItemStatus } from "../../modules/exchange/change-item-status.ts";
import { dismissMatch } from "../../modules/exchange/dismiss-match.ts";
import { getItem } from "../../modules/exchange/get-item.ts";
import { browseItemsInput, changeItemStatusInput, dismissMatchInput, expertiseProfileInput, itemId, listExpertiseInput, postItemInput, updateItemInput } from "../../modules/exchange/inputs.ts";
import { listExpertise } from "../../modules/exchange/list-expertise.ts";
import { listMatches, listMatchesInput } from "../../modules/exchange/list-matches.ts";
import { postItem } from "../../modules/exchange/post-item.ts";
import { itemKinds, itemStatuses, modalities, visibilities } from "../../modules/exchange/schema.ts";
import { getExpertiseProfile, saveExpertiseProfile } from "../../modules/exchange/save-expertise-profile.ts";
import { updateItem } from "../../modules/exchange/update-item.ts";
import type { AppServices } from "../../platform/context.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { type ApiEnv, authResponses, bearer, json, problemResponse, wire } from "./common.ts";

const tags = ["Exchange"];
const lang = z.enum(locales);
const idParam = z.object({ id: itemId });
const itemText = z.object({ title: z.string(), description: z.string() });

const itemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(itemKinds),
    status: z.enum(itemStatuses),
    title: z.string(),
    description: z.string(),
    language: lang.describe("The language title and description are in"),
    fallback: z.boolean().describe("True when the item is not written in the response language"),
    originalLanguage: lang,
    texts: z.object({ es: itemText.optional(), pt: itemText.optional(), en: itemText.optional() }),
    organization: z.object({ slug: z.string(), name: z.string(), city: z.string().nullable(), country: z.object({ code: z.string(), name: z.string() }) }),
    themeIds: z.array(z.string()),
    sdgGoals: z.array(z.number().int()),
    modalities: z.array(z.enum(modalities)),
    languages: z.array(z.string()),
    availableFrom: z.string().nullable(),
    availableUntil: z.string().nullable(),
    visibility: z.enum(visibilities),
    networks: z.array(z.object({ slug: z.string(), name: z.string() })),
    practice: z.object({ slug: z.string(), title: z.string() }).nullable(),
    contact: z.object({ name: z.string(), email: z.string().nullable().describe("The organization's own people only; others use a contact request") }).nullable(),
    expiresOn: z.string(),
    revision: z.number().int().describe("Send it back when editing"),
    createdAt: z.string(),
    updatedAt: z.string(),
    demo: z.boolean(),
    own: z.boolean().describe("The caller belongs to the organization"),
    matchesPending: z.boolean().describe("Its matches are being computed after the last change (seconds)"),
  })
  .meta({ id: "ExchangeItem" });

const matchSchema = z
  .object({
    item: itemSchema,
    score: z.number().describe("0–1: the weighted sum of the parts"),
    explanation: z.object({
      sharedThemes: z.array(z.object({ id: z.string(), name: z.string() })),
      sharedSdgGoals: z.array(z.object({ goal: z.number().int(), name: z.string() })),
      words: z.array(z.object({ need: z.array(z.string()), offer: z.array(z.string()) })).describe("Concepts both texts carry: each side's own words, strongest first"),
      sharedLanguages: z.array(z.string()),
      sharedModalities: z.array(z.string()),
      similarSize: z.boolean(),
      distanceKm: z.number().nullable(),
      parts: z.record(z.string(), z.number()).describe("Each part's value (0–1) before weighting: text, themes, sdgs, languages, modalities, networks, size, distance"),
      reasons: z.array(z.string()).describe("The explanation in sentences, in the response language"),
    }),
  })
  .meta({ id: "ExchangeMatch" });

const expertSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    position: z.string(),
    summary: z.string(),
    summaryLanguage: lang.nullable(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    themes: z.array(z.object({ id: z.string(), name: z.string() })),
    languages: z.array(z.string()),
  })
  .meta({ id: "LocalExpert" });

export function registerExchangeRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/items",
      summary: "Browse offers and needs",
      description:
        "The offers and needs the caller may see (their networks' members', and those open to the whole platform), newest first; with q, words in Spanish, Portuguese or English find items written in any of them, those carrying most of the words first.",
      tags,
      security: bearer,
      request: { query: browseItemsInput },
      responses: {
        200: json(z.object({ items: z.array(itemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: "ExchangeItemPage" }), "A page of items"),
        400: problemResponse("Invalid query parameter"),
        ...authResponses,
      },
    }),
    async (c) => c.json(wire(await browseItems(services, c.get("actor"), c.req.valid("query"), c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/exchange/items",
      summary: "Post an offer or a need",
      description:
        "For an organization the caller belongs to. Its matches are computed within seconds (matchesPending until then). idempotencyKey makes a retried request return the first item.",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: postItemInput } }, required: true } },
      responses: { 201: json(itemSchema, "Posted"), 200: json(itemSchema, "Repeated: the item posted first"), 400: problemResponse("Invalid input (each field named)"), ...authResponses },
    }),
    async (c) => {
      const posted = await postItem(services, c.get("actor"), c.req.valid("json"));
      return c.json(wire(await getItem(services, c.get("actor"), posted.id, c.get("locale"))), posted.repeated ? 200 : 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/items/{id}",
      summary: "An offer or a need",
      tags,
      security: bearer,
      request: { params: idParam },
      responses: { 200: json(itemSchema, "The item"), ...authResponses },
    }),
    async (c) => c.json(wire(await getItem(services, c.get("actor"), c.req.valid("param").id, c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/exchange/items/{id}",
      summary: "Edit an offer or a need",
      description: "The organization's people. Send the revision you edited: an edit of an older one is refused with 409, never applied over someone else's.",
      tags,
      security: bearer,
      request: { params: idParam, body: { content: { "application/json": { schema: updateItemInput } }, required: true } },
      responses: { 200: json(itemSchema, "Saved"), 400: problemResponse("Invalid input"), 409: problemResponse("Edited from an older revision"), ...authResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await updateItem(services, c.get("actor"), id, c.req.valid("json"));
      return c.json(wire(await getItem(services, c.get("actor"), id, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/exchange/items/{id}/status",
      summary: "Close, mark matched or reopen",
      description: "A closed or matched item drops out of every list of suggestions at once; reopening may set a new expiry date.",
      tags,
      security: bearer,
      request: { params: idParam, body: { content: { "application/json": { schema: changeItemStatusInput } }, required: true } },
      responses: { 200: json(itemSchema, "Changed"), 400: problemResponse("Invalid input"), 409: problemResponse("Already closed or expired"), ...authResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await changeItemStatus(services, c.get("actor"), id, c.req.valid("json"));
      return c.json(wire(await getItem(services, c.get("actor"), id, c.get("locale"))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/items/{id}/matches",
      summary: "Ranked matches of an offer or a need",
      description:
        "For the organization's people: the counterparts of the other kind, best first, each with a score and why (shared themes and SDGs, the words that met across languages, languages, modalities, networks, size, distance). Never the organization's own items, nor closed ones, nor those the caller dismissed.",
      tags,
      security: bearer,
      request: { params: idParam, query: listMatchesInput },
      responses: {
        200: json(z.object({ matches: z.array(matchSchema), pending: z.boolean(), dismissed: z.number().int() }).meta({ id: "ExchangeMatchList" }), "The matches"),
        ...authResponses,
      },
    }),
    async (c) => c.json(wire(await listMatches(services, c.get("actor"), c.req.valid("param").id, c.req.valid("query"), c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/exchange/items/{id}/dismissals",
      summary: "Dismiss a suggestion (not relevant)",
      description: "The suggestion leaves the caller's list for good; DELETE brings it back.",
      tags,
      security: bearer,
      request: { params: idParam, body: { content: { "application/json": { schema: dismissMatchInput } }, required: true } },
      responses: { 200: json(z.object({ status: z.enum(["dismissed", "restored"]) }), "Dismissed"), ...authResponses },
    }),
    async (c) => c.json(await dismissMatch(services, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/exchange/items/{id}/dismissals/{other}",
      summary: "Bring a dismissed suggestion back",
      tags,
      security: bearer,
      request: { params: z.object({ id: itemId, other: itemId }) },
      responses: { 200: json(z.object({ status: z.enum(["dismissed", "restored"]) }), "Restored"), ...authResponses },
    }),
    async (c) => {
      const { id, other } = c.req.valid("param");
      return c.json(await dismissMatch(services, c.get("actor"), id, { other }, { undo: true }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/exchange/experts",
      summary: "The directory of local expertise",
      description: "People who agreed to be listed, with their themes and languages; for people signed in.",
      tags,
      security: bearer,
      request: { query: listExpertiseInput },
      responses: { 200: json(z.object({ experts: z.array(expertSchema), total: z.number().int() }).meta({ id: "LocalExpertPage" }), "A page of people"), ...authResponses },
    }),
    async (c) => c.json(wire(await listExpertise(services, c.get("actor"), c.req.valid("query"), c.get("locale"))), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/me/expertise",
      summary: "My entry in the directory of local expertise",
      tags,
      security: bearer,
      responses: { 200: json(z.object({ profile: z.object({ organization: z.string(), position: z.string(), summary: z.record(z.string(), z.string()), themeIds: z.array(z.string()), languages: z.array(z.string()), listed: z.boolean() }).nullable() }).meta({ id: "ExpertiseProfile" }), "The entry, or null"), ...authResponses },
    }),
    async (c) => c.json(wire({ profile: await getExpertiseProfile(services, c.get("actor")) }), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/me/expertise",
      summary: "Save my entry in the directory of local expertise",
      description: "listed: false withdraws the consent; the entry leaves the directory at once.",
      tags,
      security: bearer,
      request: { body: { content: { "application/json": { schema: expertiseProfileInput } }, required: true } },
      responses: { 200: json(z.object({ listed: z.boolean() }), "Saved"), 400: problemResponse("Invalid input"), ...authResponses },
    }),
    async (c) => c.json(await saveExpertiseProfile(services, c.get("actor"), c.req.valid("json")), 200),
  );
}

// /api/v1 for the caller's account and tokens, and for platform administrators: people and
// the audit log.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { createToken } from "../../modules/accounts/create-token.ts";
import { describeMe } from "../../modules/accounts/describe-me.ts";
import { createTokenInput, searchUsersInput } from "../../modules/accounts/inputs.ts";
import { listTokens } from "../../modules/accounts/list-tokens.ts";
import { revokeToken } from "../../modules/accounts/revoke-token.ts";
import { searchUsers } from "../../modules/accounts/search-users.ts";
import { setUserDisabled } from "../../modules/accounts/set-user-disabled.ts";
import { listAuditEventsInput } from "../../modules/audit/inputs.ts";
import { listAuditEvents } from "../../modules/audit/list-audit-events.ts";
import type { AppServices } from "../../platform/context.ts";
import { type ApiEnv, authResponses, bearer, json, problemResponse, wire } from "./common.ts";
import { auditPageSchema, createdTokenSchema, meSchema, pageOf, tokenSchema, userSummarySchema } from "./schemas.ts";

export function registerAccountRoutes(api: OpenAPIHono<ApiEnv>, services: AppServices) {
  api.openAPIRegistry.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description: "A personal access token (pares_…), created on the account's tokens page.",
  });

  api.openapi(
    createRoute({
      method: "get",
      path: "/me",
      summary: "The caller",
      description: "Profile, organizations with roles, the organization acted for, and scoped roles.",
      tags: ["Account"],
      security: bearer,
      responses: { 200: json(meSchema, "The caller"), ...authResponses },
    }),
    async (c) => c.json(await describeMe(services, c.get("actor")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/tokens",
      summary: "The caller's tokens",
      description: "Newest first; never the secret.",
      tags: ["Account"],
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(tokenSchema) }), "Tokens"), ...authResponses },
    }),
    async (c) => c.json({ items: wire(await listTokens(services, c.get("actor"))) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/tokens",
      summary: "Create a token",
      description: "Needs a write token; the new token expires no later than the caller's. The token is in the response only.",
      tags: ["Account"],
      security: bearer,
      request: { body: { content: { "application/json": { schema: createTokenInput } }, required: true } },
      responses: { 201: json(createdTokenSchema, "The token"), 400: problemResponse("Invalid input"), 409: problemResponse("Too many active tokens"), ...authResponses },
    }),
    async (c) => c.json(wire(await createToken(services, c.get("actor"), c.req.valid("json"), c.get("token")?.expiresAt)), 201),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/tokens/{id}",
      summary: "Revoke a token",
      tags: ["Account"],
      security: bearer,
      request: { params: z.object({ id: z.string().max(100) }) },
      responses: { 204: { description: "Revoked" }, ...authResponses },
    }),
    async (c) => {
      await revokeToken(services, c.get("actor"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/users",
      summary: "Search people",
      description: "Platform administrators.",
      tags: ["Administration"],
      security: bearer,
      request: { query: searchUsersInput },
      responses: { 200: json(pageOf(userSummarySchema, "UserPage"), "People"), 400: problemResponse("Invalid query parameter"), ...authResponses },
    }),
    async (c) => c.json(wire(await searchUsers(services, c.get("actor"), c.req.valid("query"))), 200),
  );

  for (const [path, disabled] of [
    ["/users/{id}/disable", true],
    ["/users/{id}/enable", false],
  ] as const) {
    api.openapi(
      createRoute({
        method: "post",
        path,
        summary: disabled ? "Disable an account" : "Enable an account again",
        description: disabled ? "Platform administrators. Sessions end and tokens stop working." : "Platform administrators.",
        tags: ["Administration"],
        security: bearer,
        request: { params: z.object({ id: z.string().max(100) }) },
        responses: { 204: { description: "Done" }, 409: problemResponse("One's own account"), ...authResponses },
      }),
      async (c) => {
        await setUserDisabled(services, c.get("actor"), c.req.valid("param").id, disabled);
        return c.body(null, 204);
      },
    );
  }

  api.openapi(
    createRoute({
      method: "get",
      path: "/audit-events",
      summary: "The audit log",
      description: "Platform administrators. Newest first; filter by kind, person (e-mail), organization (slug) and days.",
      tags: ["Administration"],
      security: bearer,
      request: { query: listAuditEventsInput },
      responses: { 200: json(auditPageSchema, "Events"), 400: problemResponse("Invalid query parameter"), ...authResponses },
    }),
    async (c) => c.json(wire(await listAuditEvents(services, c.get("actor"), c.req.valid("query"))), 200),
  );
}

// /api/v1 a network's bodies, seats, terms, roles, candidacies and technical teams.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context.ts";
import type { ApiEnv } from "./common.ts";

export function registerGovernanceRoutes(_api: OpenAPIHono<ApiEnv>, _services: AppServices) {}

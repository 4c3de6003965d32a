// /api/v1 networks, external networks, memberships, categories, member import and export.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context.ts";
import type { ApiEnv } from "./common.ts";

export function registerNetworkRoutes(_api: OpenAPIHono<ApiEnv>, _services: AppServices) {}

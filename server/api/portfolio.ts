// /api/v1 an organization's portfolio across networks, and a network's public figures.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context.ts";
import type { ApiEnv } from "./common.ts";

export function registerPortfolioRoutes(_api: OpenAPIHono<ApiEnv>, _services: AppServices) {}

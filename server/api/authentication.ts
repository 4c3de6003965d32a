// Who is calling /api/v1: a personal access token in "Authorization: Bearer …", or nobody.
// A bad, expired or revoked token is refused (401) rather than treated as anonymous, so a
// client notices; each token is rate-limited.
import type { MiddlewareHandler } from "hono";
import { authenticateToken } from "../../modules/accounts/authenticate-token.ts";
import { anonymousActor, loadActor } from "../../modules/organizations/actor.ts";
import type { AppServices } from "../../platform/context.ts";
import { problemTypes } from "../../platform/http/problem.ts";
import { createRateLimiter } from "../../platform/rate-limit.ts";
import { clientIpHeader } from "../security.ts";
import { type ApiEnv, problem } from "./common.ts";

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function apiAuthentication(services: AppServices): MiddlewareHandler<ApiEnv> {
  const limiter = createRateLimiter({ limit: services.config.API_TOKEN_RATE_LIMIT, windowMs: 60_000 });
  return async (c, next) => {
    const ipAddress = c.req.header(clientIpHeader) ?? null;
    const header = c.req.header("authorization");
    if (!header) {
      c.set("actor", { ...anonymousActor, ipAddress });
      return next();
    }
    const t = c.get("t");
    const instance = new URL(c.req.url).pathname;
    const refuse = (detailKey: string) => {
      c.header("WWW-Authenticate", 'Bearer realm="pares", error="invalid_token"');
      return problem(c, { type: problemTypes.unauthorized, title: t("error.unauthorized.title"), status: 401, detail: t(detailKey), instance });
    };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const identity = match ? await authenticateToken(services, match[1]!) : null;
    if (!identity) return refuse("error.token.invalid");
    const rate = limiter.hit(identity.tokenId);
    c.header("RateLimit-Limit", String(rate.limit));
    c.header("RateLimit-Remaining", String(rate.remaining));
    c.header("RateLimit-Reset", String(rate.resetSeconds));
    if (!rate.allowed) {
      c.header("Retry-After", String(rate.resetSeconds));
      return problem(c, { type: problemTypes.rate_limited, title: t("error.rateLimited.title"), status: 429, detail: t("error.token.rateLimited"), instance });
    }
    const actor = await loadActor(services, identity.userId, { kind: "token", scope: identity.scope });
    if (!actor) return refuse("error.token.invalid");
    if (identity.scope === "read" && !readMethods.has(c.req.method)) {
      return problem(c, { type: problemTypes.forbidden, title: t("error.forbidden.title"), status: 403, detail: t("error.token.readOnly"), instance });
    }
    c.set("actor", { ...actor, ipAddress });
    c.set("token", identity);
    return next();
  };
}

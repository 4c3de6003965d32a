// What the API's route files share: the request's variables, response helpers and the
// OpenAPI descriptions of responses.
import type { Context } from "hono";
import type { z } from "zod";
import type { TokenIdentity } from "../../modules/accounts/authenticate-token.ts";
import type { Actor } from "../../modules/organizations/actor.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { Translate } from "../../platform/i18n/translator.ts";
import { type Problem, problemSchema } from "../../platform/http/problem.ts";

export type ApiEnv = { Variables: { locale: Locale; t: Translate; actor: Actor; token?: TokenIdentity } };

export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export function problem(c: Context, body: Problem): Response {
  return c.body(JSON.stringify(body), body.status as 400, { "Content-Type": "application/problem+json" });
}

/** The shape a value has once sent as JSON: dates become ISO 8601 strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export function wire<T>(value: T): Wire<T> {
  return JSON.parse(JSON.stringify(value)) as Wire<T>;
}

/** Routes that need a token: the OpenAPI security requirement. */
export const bearer = [{ bearerToken: [] }];

/** The common refusals of an authenticated operation. */
export const authResponses = {
  401: problemResponse("No valid token"),
  403: problemResponse("The token's owner may not do this, or the token is read-only"),
  404: problemResponse("Not found, or not visible to the token's owner"),
  429: problemResponse("Too many requests with this token"),
};

// Errors as RFC 9457 problem details (application/problem+json), with a localized detail.
import { z } from "zod";
import { AppError, httpStatusOf } from "../errors.ts";
import type { Translate } from "../i18n/translator.ts";

export const problemSchema = z
  .object({
    type: z.string().describe("A URI naming the kind of problem"),
    title: z.string().describe("Short summary of the kind of problem, in the request's language"),
    status: z.number().int(),
    detail: z.string().optional().describe("What went wrong in this request, in the request's language"),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe("For invalid input: each field with what is wrong with it"),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;

export const problemTypes = {
  invalid: "urn:pares:problem:invalid-input",
  not_found: "urn:pares:problem:not-found",
  forbidden: "urn:pares:problem:forbidden",
  unauthorized: "urn:pares:problem:unauthorized",
  conflict: "urn:pares:problem:conflict",
  rate_limited: "urn:pares:problem:rate-limited",
  method: "urn:pares:problem:method-not-allowed",
  internal: "urn:pares:problem:internal-error",
} as const;

export interface FieldMessage {
  field: string;
  message: string;
}

/**
 * A field message as people read it: i18n:<key> is a catalog key, i18n:<key>|{json} one with
 * values for its placeholders (a size limit); any other text is shown as it is.
 */
export function translateFieldMessage(t: Translate, message: string): string {
  if (!message.startsWith("i18n:")) return message;
  const bar = message.indexOf("|");
  if (bar < 0) return t(message.slice(5));
  let values: Record<string, string | number> | undefined;
  try {
    values = JSON.parse(message.slice(bar + 1)) as Record<string, string | number>;
  } catch {
    values = undefined;
  }
  return t(message.slice(5, bar), values);
}

export function invalidProblem(t: Translate, errors: FieldMessage[], instance?: string): Problem {
  return {
    type: problemTypes.invalid,
    title: t("error.invalid.title"),
    status: 400,
    detail: t("error.invalid.detail", { count: errors.length, fields: [...new Set(errors.map((e) => e.field))].join(", ") }),
    instance,
    errors,
  };
}

export function problemFromError(t: Translate, error: unknown, instance?: string): Problem {
  if (error instanceof AppError) {
    if (error.code === "invalid") {
      const errors = Object.entries(error.fieldErrors ?? {}).flatMap(([field, messages]) =>
        messages.map((m) => ({ field, message: translateFieldMessage(t, m) })),
      );
      return invalidProblem(t, errors, instance);
    }
    const titles = {
      not_found: "error.notFound.title",
      forbidden: "error.forbidden.title",
      unauthorized: "error.forbidden.title",
      conflict: "error.invalid.title",
      rate_limited: "error.rateLimited.title",
    } as const;
    return {
      type: problemTypes[error.code],
      title: t(titles[error.code]),
      status: httpStatusOf[error.code],
      detail: t(error.messageKey),
      instance,
    };
  }
  return {
    type: problemTypes.internal,
    title: t("error.server.title"),
    status: 500,
    detail: t("error.server.detail"),
    instance,
  };
}

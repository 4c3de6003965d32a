// Parsing a use case's input: the Zod schema's output, or "invalid" with each field's messages.
import type { z } from "zod";
import { invalid } from "./errors.ts";

export function parseOrThrow<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // Nested fields are named by their path ("texts.pt.summary"), as the API sends them.
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? issue.path.join(".") : "form";
      (fields[key] ??= []).push(issue.message);
    }
    throw invalid(fields);
  }
  return parsed.data;
}

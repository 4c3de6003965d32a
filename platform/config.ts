// Configuration comes only from environment variables, validated once at start.
import { z } from "zod";

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: boolean.default(false),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DEMO_DATA: boolean.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(10_000).default(10_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Pares <no-reply@pares.invalid>"),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, reason: string) {
    super(`configuration error: ${variable} ${reason}`);
    this.variable = variable;
  }
}

/** Reads the configuration; an empty string counts as unset. Throws ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(configSchema.shape);
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== "") input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const got = input[variable];
    const secret = ["SECRET", "DATABASE_URL", "SMTP_URL"].includes(variable);
    const shown = secret ? "" : got ? ` (got "${got}")` : "";
    throw new ConfigError(variable, `is invalid: ${issue.message}${shown}`);
  }
  return parsed.data;
}

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
  /**
   * Demo accounts (published password). Default: with the demo data, unless PUBLIC_URL says the
   * server is reachable from elsewhere (see demoAccountsAllowed).
   */
  DEMO_ACCOUNTS: boolean.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(10_000).default(10_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Pares <no-reply@pares.invalid>"),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /** How often scheduled work runs (digests due, expiry reminders, expired items). */
  SCHEDULE_TICK_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** The local hour (in each person's time zone) from which their daily or weekly digest goes out. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** Requests per minute one API token may make (per server process). */
  API_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Single sign-on with an OpenID Connect provider: its issuer URL (discovery is read from it). */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Sign in with …"). */
  OIDC_NAME: z.string().trim().min(1).max(60).optional(),
  /** Scopes asked besides openid, separated by spaces (default: "email profile"). */
  OIDC_SCOPES: z
    .string()
    .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, "must be scope names separated by single spaces")
    .optional(),
  /** Where uploaded files are kept when S3_BUCKET is unset. Default: `files` beside PGLITE_DIR (see filesDirOf). */
  FILES_DIR: z.string().min(1).optional(),
  /** Uploaded files in an S3-compatible object store instead: all of S3_* together. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens")
    .optional(),
  S3_REGION: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a region name such as us-east-1").optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Bucket in the path (MinIO, Garage) rather than in the host name (AWS). */
  S3_FORCE_PATH_STYLE: boolean.default(false),
}).superRefine((config, issues) => {
  // Single sign-on is all or nothing: an issuer needs its client and a name for the button.
  if (config.OIDC_ISSUER) {
    for (const key of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const) {
      if (!config[key]) issues.addIssue({ code: "custom", path: [key], message: "is required when OIDC_ISSUER is set" });
    }
  }
  // So is object storage: a bucket needs its service and credentials, and those need a bucket.
  const s3 = ["S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
  if (config.S3_BUCKET) {
    for (const key of s3) {
      if (!config[key]) issues.addIssue({ code: "custom", path: [key], message: "is required when S3_BUCKET is set" });
    }
  } else {
    const set = s3.find((key) => config[key]);
    if (set) issues.addIssue({ code: "custom", path: ["S3_BUCKET"], message: `is required when ${set} is set` });
  }
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
    const secret = ["SECRET", "DATABASE_URL", "SMTP_URL", "OIDC_CLIENT_SECRET", "S3_SECRET_ACCESS_KEY"].includes(variable);
    const shown = secret ? "" : got ? ` (got "${got}")` : "";
    throw new ConfigError(variable, `is invalid: ${issue.message}${shown}`);
  }
  return parsed.data;
}

/**
 * Whether demo accounts are created and printed: their password is in the source code, so by
 * default only on a server nobody else reaches (no PUBLIC_URL, or a loopback one). DEMO_ACCOUNTS
 * says otherwise explicitly (a public demo installation).
 */
export function demoAccountsAllowed(config: Config): boolean {
  if (!config.DEMO_DATA) return false;
  if (config.DEMO_ACCOUNTS !== undefined) return config.DEMO_ACCOUNTS;
  if (!config.PUBLIC_URL) return true;
  const host = new URL(config.PUBLIC_URL).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
}

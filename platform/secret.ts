// The secret that signs CSRF tokens (and later sessions). From SECRET, else generated once and
// kept beside the embedded database so a restart keeps forms valid.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Config } from "./config.ts";

export function resolveSecret(config: Config): string {
  if (config.SECRET) return config.SECRET;
  const file = resolve(dirname(resolve(config.PGLITE_DIR)), "pares.secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

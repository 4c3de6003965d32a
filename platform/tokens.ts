// Secrets for links and API tokens, and what is stored instead of them.
import { createHash, randomBytes } from "node:crypto";

/** A secret for a link or an API token (256 bits, URL-safe). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of a secret: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

// Codes an authenticator app would show for an otpauth:// URI (RFC 6238: HMAC-SHA1, 30 s, 6
// digits), written here from the RFC rather than taken from the library under test.
import { createHmac } from "node:crypto";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text: string): Buffer {
  let bits = "";
  for (const char of text.replace(/=+$/, "").toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** The code for a base32 key (as typed by hand, spaces allowed) at `time`, `offset` steps away. */
export function totpCode(secret: string, time = Date.now(), offset = 0): string {
  const counter = Math.floor(time / 30_000) + offset;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", base32Decode(secret.replace(/\s+/g, ""))).update(message).digest();
  const start = mac[mac.length - 1]! & 0x0f;
  const value = mac.readUInt32BE(start) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, "0");
}

/** The key an otpauth:// URI carries. */
export function secretOf(uri: string): string {
  const secret = new URL(uri).searchParams.get("secret");
  if (!secret) throw new Error(`no secret in ${uri}`);
  return secret;
}

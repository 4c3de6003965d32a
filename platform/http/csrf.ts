// CSRF protection for form posts: a signed double-submit token. The token lives in an HttpOnly
// cookie and in a hidden field of every form; a post is accepted only when both match and the
// signature is ours, and when the Origin (if sent) is this site.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const csrfCookieName = "pares_csrf";
export const csrfFieldName = "_csrf";

function sign(secret: string, nonce: string): string {
  return createHmac("sha256", secret).update(`csrf:${nonce}`).digest("base64url");
}

export function issueCsrfToken(secret: string): string {
  const nonce = randomBytes(18).toString("base64url");
  return `${nonce}.${sign(secret, nonce)}`;
}

export function isValidCsrfToken(secret: string, token: string | undefined | null): token is string {
  if (!token) return false;
  const [nonce, signature, extra] = token.split(".");
  if (!nonce || !signature || extra !== undefined) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function tokensMatch(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

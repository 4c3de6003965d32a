import { describe, expect, it } from "vitest";
import { isValidCsrfToken, issueCsrfToken } from "./csrf.ts";

const secret = "a-test-secret-that-is-long-enough-123";

describe("CSRF tokens", () => {
  it("accepts its own tokens and refuses forged or altered ones", () => {
    const token = issueCsrfToken(secret);
    expect(isValidCsrfToken(secret, token)).toBe(true);
    expect(isValidCsrfToken("another-secret-that-is-long-enough-456", token)).toBe(false);
    const [nonce] = token.split(".");
    expect(isValidCsrfToken(secret, `${nonce}.forged`)).toBe(false);
    expect(isValidCsrfToken(secret, `${nonce}x.${token.split(".")[1]}`)).toBe(false);
    expect(isValidCsrfToken(secret, "")).toBe(false);
    expect(isValidCsrfToken(secret, undefined)).toBe(false);
    expect(issueCsrfToken(secret)).not.toBe(token);
  });
});

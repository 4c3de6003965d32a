import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit.ts";

describe("rate limiter", () => {
  it("allows the limit per window and per key, then refuses until the window resets", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.hit("a", t0).allowed)).toEqual([true, true, true]);
    expect(limiter.hit("a", t0 + 1)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 60 });
    expect(limiter.hit("b", t0 + 1).allowed).toBe(true);
    expect(limiter.hit("a", t0 + 60_000).allowed).toBe(true);
  });
  it("keeps a bounded number of keys", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.hit("a", 0);
    limiter.hit("b", 0);
    limiter.hit("c", 0);
    expect(limiter.hit("c", 1).allowed).toBe(false);
  });
});

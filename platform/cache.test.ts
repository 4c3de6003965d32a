import { describe, expect, it, vi } from "vitest";
import { ttlCache } from "./cache.ts";

describe("ttlCache", () => {
  it("loads once per scope and key until the entry expires, and forgets failures", async () => {
    vi.useFakeTimers();
    const cache = ttlCache<number>(1000);
    const a = {};
    const b = {};
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get(a, "k", load)).toBe(1);
    expect(await cache.get(a, "k", load)).toBe(1);
    expect(await cache.get(b, "k", load)).toBe(2);
    expect(await cache.get(a, "other", load)).toBe(3);
    vi.advanceTimersByTime(1001);
    expect(await cache.get(a, "k", load)).toBe(4);
    await expect(cache.get(a, "bad", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get(a, "bad", load)).toBe(5);
    vi.useRealTimers();
  });
});

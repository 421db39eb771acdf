import { describe, expect, it } from "vitest";
import { createRateLimiter, reserveSlot } from "../../../lib/mail/rate-limiter";

describe("send-rate limits", () => {
  it("spaces sends at 1/rate under one limit", () => {
    const state = new Map<string, number>();
    const at = [0, 0, 0, 0].map(() => reserveSlot(state, [{ key: "global", perSecond: 4 }], 1000));
    expect(at).toEqual([1000, 1250, 1500, 1750]);
  });

  it("honours the strictest of several limits and records the send in each", () => {
    const state = new Map<string, number>();
    const limits = [{ key: "global", perSecond: 100 }, { key: "study:a", perSecond: 2 }];
    expect(reserveSlot(state, limits, 0)).toBe(0);
    expect(reserveSlot(state, limits, 0)).toBe(500);
    // Another study is only held by the global limit.
    expect(reserveSlot(state, [{ key: "global", perSecond: 100 }, { key: "study:b", perSecond: 2 }], 0)).toBe(510);
  });

  it("does not save up unused time beyond the burst", () => {
    const state = new Map<string, number>();
    reserveSlot(state, [{ key: "g", perSecond: 1 }], 0);
    expect(reserveSlot(state, [{ key: "g", perSecond: 1 }], 60_000)).toBe(60_000);
    expect(reserveSlot(state, [{ key: "g", perSecond: 1 }], 60_000)).toBe(61_000);
  });

  it("waits through the injected sleep, and not at all without limits", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createRateLimiter({ clock: () => now, sleep: async (ms) => void waits.push(ms) });
    await limiter.acquire([]);
    for (let i = 0; i < 3; i++) await limiter.acquire([{ key: "g", perSecond: 10 }]);
    expect(waits).toEqual([100, 200]);
    now = 1000;
    await limiter.acquire([{ key: "g", perSecond: 10 }]);
    expect(waits).toEqual([100, 200]);
  });
});

// Send-rate limits (messages per second) for several keys at once: global, per study, per wave.
// A generic cell-rate algorithm: each key remembers its theoretical arrival time, and a send may go
// when every key allows it. Reservations are made synchronously, so concurrent senders in one
// process share the limit. Limits are per worker process (docs/outbox.md).

export type Limit = { key: string; perSecond: number };

export type RateLimiter = {
  /** Resolves when one message may be sent under all limits; reserves the slot. */
  acquire(limits: Limit[]): Promise<void>;
};

/** Pure core: when may a message go, and the new state. Burst allows that many back-to-back. */
export function reserveSlot(state: Map<string, number>, limits: Limit[], nowMs: number, burst = 1): number {
  let at = nowMs;
  for (const l of limits) {
    if (!(l.perSecond > 0)) continue;
    const interval = 1000 / l.perSecond;
    const tat = state.get(l.key) ?? nowMs;
    at = Math.max(at, tat - (burst - 1) * interval);
  }
  for (const l of limits) {
    if (!(l.perSecond > 0)) continue;
    const interval = 1000 / l.perSecond;
    state.set(l.key, Math.max(state.get(l.key) ?? at, at) + interval);
  }
  return at;
}

export function createRateLimiter(opts: { clock?: () => number; sleep?: (ms: number) => Promise<void>; burst?: number } = {}): RateLimiter {
  const clock = opts.clock ?? (() => Date.now());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const state = new Map<string, number>();
  return {
    async acquire(limits) {
      if (!limits.some((l) => l.perSecond > 0)) return;
      const now = clock();
      const at = reserveSlot(state, limits, now, opts.burst ?? 1);
      if (at > now) await sleep(at - now);
    },
  };
}

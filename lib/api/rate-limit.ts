// A token bucket per API token, in memory per app instance (docs/api.md): each token may burst
// `capacity` requests and then `refillPerSecond`. With several instances behind a balancer each
// keeps its own buckets, so the effective limit is at most instances × the limit. Time is a
// parameter, so the limiter is testable without waiting.

import type { ApiRateLimit } from "../config/load-config";

export type RateLimitConfig = ApiRateLimit;
export type RateDecision = { allowed: boolean; limit: number; remaining: number; retryAfterSeconds: number };

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(readonly config: RateLimitConfig, private readonly maxKeys = 10_000) {}

  /** Takes one request from the key's bucket at `now` (milliseconds). */
  take(key: string, now: number): RateDecision {
    const { capacity, refillPerSecond } = this.config;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + (Math.max(0, now - b.at) / 1000) * refillPerSecond);
    b.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, b); // most recently used last, so the oldest is evicted first
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, limit: capacity, remaining: Math.floor(b.tokens), retryAfterSeconds: 0 };
    }
    const wait = refillPerSecond > 0 ? Math.ceil((1 - b.tokens) / refillPerSecond) : 3600;
    return { allowed: false, limit: capacity, remaining: 0, retryAfterSeconds: Math.max(1, wait) };
  }
}

const g = globalThis as unknown as { __panelwaveApiBuckets?: TokenBuckets };

/** The process's buckets, made on first use with the configured limit (API_RATE_LIMIT in lib/config). */
export function apiRateLimiter(config: RateLimitConfig): TokenBuckets {
  return (g.__panelwaveApiBuckets ??= new TokenBuckets(config));
}

/** Tests: start over with fresh buckets under this configuration. */
export function configureApiRateLimit(config: RateLimitConfig): void {
  g.__panelwaveApiBuckets = new TokenBuckets(config);
}

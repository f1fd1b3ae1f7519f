/**
 * Rate limiting per identity: a token bucket per key (`capacity` requests, refilled evenly over
 * `windowMs`), so a burst up to the capacity passes and a steady flood is held to the rate.
 * Over the limit: 429 with `Retry-After` (seconds until one request is allowed again).
 *
 * In process, like the change feed; buckets of idle identities are swept so the map stays small.
 * Written here rather than taken from hono-rate-limiter: ~40 lines, and the identity function
 * (identity.ts) is ours either way.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { refuse } from './limits.js';

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimitOptions {
  capacity: number;
  windowMs: number;
  /** Who is asking (identity.ts). */
  keyOf: (c: Context) => string;
  now?: () => number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { capacity, windowMs, keyOf } = options;
  const now = options.now ?? (() => Date.now());
  const perMs = capacity / windowMs;
  const buckets = new Map<string, Bucket>();
  let swept = now();
  return async (c, next) => {
    const t = now();
    if (t - swept > windowMs) {
      // A bucket idle for a whole window is full again: forgetting it changes nothing.
      for (const [k, b] of buckets) if (t - b.at >= windowMs) buckets.delete(k);
      swept = t;
    }
    const key = keyOf(c);
    const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
    bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      c.header('Retry-After', String(retryAfter));
      return refuse(c, 429, 'rateLimited', { retryAfter, limit: capacity, windowMs });
    }
    bucket.tokens -= 1;
    return next();
  };
}

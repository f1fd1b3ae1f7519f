/**
 * Rate limiting: a token bucket per key (`capacity` tokens, refilled evenly over `windowMs`), so a
 * burst up to the capacity passes and a steady flood is held to the rate. Over the limit: 429
 * with `Retry-After` (seconds until one token is back).
 *
 * Two users: requests per identity ({@link rateLimit}, after authentication), and failed
 * authentications per client address ({@link failedAuthLimit}, before it — otherwise guessing
 * keys and tokens would be unlimited, since a refused guess has no identity to count against).
 *
 * In process, like the change feed; buckets of idle keys are swept so the map stays small.
 * Written here rather than taken from hono-rate-limiter: ~40 lines, and the identity function
 * (identity.ts) is ours either way.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { refuse } from './limits.js';

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private swept: number;

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.perMs = capacity / windowMs;
    this.swept = now();
  }

  /** The bucket of `key`, refilled up to now. */
  private bucket(key: string): Bucket {
    const t = this.now();
    if (t - this.swept > this.windowMs) {
      // A bucket idle for a whole window is full again: forgetting it changes nothing.
      for (const [k, b] of this.buckets) if (t - b.at >= this.windowMs) this.buckets.delete(k);
      this.swept = t;
    }
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: t };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (t - bucket.at) * this.perMs);
    bucket.at = t;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Seconds until `key` has a token again; 0 when it has one now. Takes nothing. */
  wait(key: string): number {
    const bucket = this.bucket(key);
    return bucket.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Takes a token of `key`: 0 when there was one, else the seconds to wait (nothing taken). */
  take(key: string): number {
    const wait = this.wait(key);
    if (wait === 0) this.buckets.get(key)!.tokens -= 1;
    return wait;
  }
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
  const buckets = new TokenBuckets(capacity, windowMs, options.now);
  return async (c, next) => {
    const retryAfter = buckets.take(keyOf(c));
    if (retryAfter > 0) {
      c.header('Retry-After', String(retryAfter));
      return refuse(c, 429, 'rateLimited', { retryAfter, limit: capacity, windowMs });
    }
    return next();
  };
}

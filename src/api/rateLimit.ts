import { DomainError } from '../domain/errors.ts';

/** Requests per second one caller may sustain, and how many it may send at once after a pause. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 100, burst: 300 };

/**
 * Reads `SEXTANT_RATE_LIMIT`: a number of requests per second per caller (burst three times that),
 * or `off`. Unset means the default. Kept per process on purpose: a database round trip per request
 * would cost more than the abuse it stops, and the login limiter (which must be shared) is separate.
 */
export function rateLimitFromEnv(value: string | undefined): RateLimit | null {
  if (value === undefined || value.trim() === '') return DEFAULT_RATE_LIMIT;
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === '0') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(
      `SEXTANT_RATE_LIMIT=${value} is not a number of requests per second (or "off"); e.g. SEXTANT_RATE_LIMIT=100`,
    );
  return { perSecond: n, burst: Math.max(1, Math.ceil(3 * n)) };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets keyed by caller; full buckets are forgotten so idle callers cost no memory. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request for `key`: 0 when allowed, else the whole seconds to wait before retrying. */
  take(key: string): number {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: t };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((t - b.at) / 1000) * this.limit.perSecond);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return Math.max(1, Math.ceil((1 - b.tokens) / this.limit.perSecond));
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.forgetFull(t);
    return 0;
  }

  /** Throws the 429 the API answers when `key` is over its limit. */
  check(key: string): void {
    const wait = this.take(key);
    if (wait > 0)
      throw new DomainError(
        'rate_limited',
        `too many requests: at most ${this.limit.perSecond} per second per caller; retry in ${wait} s`,
        { retryAfterSeconds: wait },
      );
  }

  private forgetFull(t: number) {
    for (const [key, b] of this.buckets)
      if (b.tokens + ((t - b.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
  }
}

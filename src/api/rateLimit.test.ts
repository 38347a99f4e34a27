import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, rateLimitFromEnv } from './rateLimit.ts';

describe('RateLimiter', () => {
  it('allows the burst, then refills at the sustained rate (hand-computed)', () => {
    let t = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, () => t);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    // Empty bucket: one token needs 1 / 2 s, rounded up to whole seconds for Retry-After.
    expect(limiter.take('a')).toBe(1);
    t = 499; // 0.998 tokens back: still short of one
    expect(limiter.take('a')).toBe(1);
    t = 1000; // 2 tokens in 1 s
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 1]);
    t = 60_000; // a long pause refills only up to the burst
    expect([0, 1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0, 1]);
  });

  it('keeps callers apart', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
  });

  it('throws a 429-coded error with the wait', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    limiter.check('a');
    try {
      limiter.check('a');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('rate_limited');
      expect((err as DomainError).details).toEqual({ retryAfterSeconds: 1 });
    }
  });

  it('reads SEXTANT_RATE_LIMIT', () => {
    expect(rateLimitFromEnv(undefined)).toEqual(DEFAULT_RATE_LIMIT);
    expect(rateLimitFromEnv('off')).toBeNull();
    expect(rateLimitFromEnv('0')).toBeNull();
    expect(rateLimitFromEnv('20')).toEqual({ perSecond: 20, burst: 60 });
    expect(() => rateLimitFromEnv('fast')).toThrow(/SEXTANT_RATE_LIMIT=fast/);
    expect(() => rateLimitFromEnv('-3')).toThrow(/requests per second/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paybackPeriod } from './paybackPeriod.ts';

describe('paybackPeriod', () => {
  it('interpolates inside the period: −100, +60, +60 pays back at 1 + 40/60 = 1.667', () => {
    expect(paybackPeriod([-100, 60, 60])).toBeCloseTo(5 / 3, 12);
  });

  it('discounted at 10 %: −100, 54.55, 49.59 pays back at 1 + 45.45/49.59 = 1.9167', () => {
    // (50/1.1) / (60/1.21) = 60.5/66 = 0.916666…
    expect(paybackPeriod([-100, 60, 60], 0.1)).toBeCloseTo(1 + 60.5 / 66, 12);
  });

  it('lands exactly on a period boundary', () => {
    expect(paybackPeriod([-100, 50, 50, 50])).toBe(2);
  });

  it('is 0 when nothing is owed at period 0, null when never paid back', () => {
    expect(paybackPeriod([0, 10])).toBe(0);
    expect(paybackPeriod([5, -1])).toBe(0);
    expect(paybackPeriod([-100, 30, 30])).toBeNull();
    expect(paybackPeriod([])).toBeNull();
  });

  it('finds the first crossing when a later outlay drops back below zero', () => {
    // cumulative: −100, 0 (pays back at 1), −50, 50
    expect(paybackPeriod([-100, 100, -50, 100])).toBe(1);
  });

  it('agrees with a brute-force scan of cumulative flows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 12 }), (flows) => {
        const cumulative = flows.map((_, t) => flows.slice(0, t + 1).reduce((a, b) => a + b, 0));
        const first = cumulative.findIndex((c) => c >= 0);
        const p = paybackPeriod(flows);
        if (first === -1) expect(p).toBeNull();
        else if (first === 0) expect(p).toBe(0);
        else {
          // inside (first − 1, first], and the straight line between the two cumulative points crosses 0 there
          expect(p).toBeGreaterThan(first - 1);
          expect(p).toBeLessThanOrEqual(first);
          const frac = p! - (first - 1);
          expect(cumulative[first - 1] + frac * flows[first]).toBeCloseTo(0, 9);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountFactor, npv } from './npv.ts';

describe('npv', () => {
  it('matches the hand-computed example −100, +60, +60 at 10 % = 4.13', () => {
    // −100 + 60/1.1 + 60/1.21 = −100 + 54.5455 + 49.5868 = 4.1322
    expect(npv([-100, 60, 60], 0.1)).toBeCloseTo(4.1322, 4);
  });

  it('leaves period 0 undiscounted and discounts period t by (1+r)^-t', () => {
    expect(npv([250], 0.3)).toBe(250);
    expect(npv([0, 0, 121], 0.1)).toBeCloseTo(100, 10);
    expect(discountFactor(0.1, 2)).toBeCloseTo(1 / 1.21, 12);
  });

  it('equals the sum of discounted flows (brute force) for any flows and rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 30 }),
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        (flows, rate) => {
          const brute = flows.reduce((s, f, t) => s + f / (1 + rate) ** t, 0);
          const scale = flows.reduce((s, f, t) => s + Math.abs(f / (1 + rate) ** t), 0);
          expect(Math.abs(npv(flows, rate) - brute)).toBeLessThanOrEqual(1e-9 * (1 + scale));
        },
      ),
    );
  });
});

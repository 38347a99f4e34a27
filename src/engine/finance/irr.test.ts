import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { irr } from './irr.ts';
import { npv } from './npv.ts';

describe('irr', () => {
  it('solves −100, +60, +60 to 13.07 % (root of 100x² − 60x − 60 = 0, x = 1+r)', () => {
    const exact = (60 + Math.sqrt(60 * 60 + 4 * 100 * 60)) / 200 - 1; // 0.130662...
    expect(irr([-100, 60, 60])).toBeCloseTo(exact, 8);
    expect(irr([-100, 60, 60])).toBeCloseTo(0.1307, 4);
  });

  it('finds exactly 10 % for −1000, 0, 0, +1331', () => {
    expect(irr([-1000, 0, 0, 1331])).toBeCloseTo(0.1, 9);
  });

  it('returns null when NPV never changes sign', () => {
    expect(irr([100, 50, 20])).toBeNull();
    expect(irr([-100, -10])).toBeNull();
    expect(irr([-100])).toBeNull();
  });

  it('returns the lowest root of non-conventional flows −100, +230, −132 (roots 10 % and 20 %)', () => {
    expect(irr([-100, 230, -132])).toBeCloseTo(0.1, 8);
  });

  it('handles negative IRR: −100, +50, +40 loses money', () => {
    // 100x² − 50x − 40 = 0 → x = (50 + √(2500 + 16000))/200
    const exact = (50 + Math.sqrt(2500 + 16000)) / 200 - 1;
    expect(exact).toBeLessThan(0);
    expect(irr([-100, 50, 40])).toBeCloseTo(exact, 8);
  });

  it('makes NPV zero for conventional investments (outlay then returns)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (outlay, returns) => {
          const flows = [-outlay, ...returns];
          const r = irr(flows);
          if (returns.every((x) => x === 0)) {
            expect(r).toBeNull();
            return;
          }
          if (r === null) return; // root beyond the searched range (returns tiny vs outlay)
          expect(Math.abs(npv(flows, r))).toBeLessThan(1e-6 * outlay);
        },
      ),
    );
  });
});

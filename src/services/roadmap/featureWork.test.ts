import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureWork } from './featureWork.ts';

const name = (id: string) => `role ${id}`;

describe('featureWork', () => {
  it('turns person-weeks into FTE-quarters and fits each role in one quarter when it can', () => {
    const w = featureWork({ be: 26, de: 6.5 }, (r) => ({ be: 2, de: 1 })[r], name);
    expect(w).toEqual({ ok: true, effort: { be: 2, de: 0.5 }, duration: 1, demand: { be: 2, de: 0.5 } });
  });

  it('stretches over as many quarters as the scarcest role needs', () => {
    // 39 person-weeks = 3 FTE-quarters of a role with 1 FTE: three quarters at 1 FTE; design spread too.
    const w = featureWork({ be: 39, de: 6.5 }, (r) => ({ be: 1, de: 1 })[r], name);
    expect(w).toMatchObject({ ok: true, duration: 3, demand: { be: 1 } });
    if (w.ok) expect(w.demand.de).toBeCloseTo(0.5 / 3, 12);
  });

  it('is unschedulable for a role nobody has, and ignores roles the organization does not know', () => {
    expect(featureWork({ be: 13 }, (r) => ({ be: 0 })[r], name)).toMatchObject({
      ok: false,
      roleId: 'be',
      reason: 'needs role be and the team has none',
    });
    expect(featureWork({ ghost: 13 }, () => undefined, name)).toEqual({
      ok: true,
      effort: {},
      duration: 1,
      demand: {},
    });
  });

  it('never asks more of a role than its sustained capacity, and uses the fewest quarters that allow it', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.double({ min: 0.1, max: 500, noNaN: true })),
        fc.record({
          a: fc.double({ min: 0.1, max: 20, noNaN: true }),
          b: fc.double({ min: 0.1, max: 20, noNaN: true }),
          c: fc.double({ min: 0.1, max: 20, noNaN: true }),
        }),
        (weeks, cap) => {
          const w = featureWork(weeks, (r) => cap[r as 'a' | 'b' | 'c'], name);
          expect(w.ok).toBe(true);
          if (!w.ok) return;
          for (const [r, d] of Object.entries(w.demand)) {
            expect(d).toBeLessThanOrEqual(cap[r as 'a' | 'b' | 'c'] + 1e-9);
            expect(d * w.duration).toBeCloseTo(weeks[r]! / 13, 9);
          }
          // One quarter less would overload some role (brute force over the durations below).
          if (w.duration > 1)
            expect(
              Object.entries(w.effort).some(
                ([r, e]) => e / (w.duration - 1) > cap[r as 'a' | 'b' | 'c'] + 1e-12,
              ),
            ).toBe(true);
        },
      ),
    );
  });
});

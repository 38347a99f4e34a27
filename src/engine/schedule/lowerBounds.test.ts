import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleProblemSchema } from '../../domain/scheduleProblem.ts';
import { bruteForceMakespan } from './bruteForceMakespan.ts';
import { compileSchedule } from './compileSchedule.ts';
import { lowerBounds } from './lowerBounds.ts';
import { arbitraryProblem } from './testProblems.ts';

describe('lowerBounds', () => {
  it('critical path counts release dates; resource bound counts work released from each date', () => {
    const c = compileSchedule(
      scheduleProblemSchema.parse({
        resources: [{ id: 'r', capacity: 2 }],
        items: [
          { id: 'A', duration: 3, demand: { r: 1 } },
          { id: 'B', duration: 2, after: ['A'] },
          { id: 'C', duration: 2, demand: { r: 2 }, earliest: 4 },
          { id: 'D', duration: 2, demand: { r: 2 }, earliest: 4 },
        ],
      }),
    );
    const b = lowerBounds(c);
    // A→B = 5; C from 4 = 6.
    expect(b.criticalPath).toBe(6);
    // Work released at 4: C + D = 8 units on capacity 2 → 4 + 4 = 8; all work 11 from 0 → ⌈11/2⌉ = 6.
    expect(b.resource).toBe(8);
    expect(Array.from(b.earliestStart)).toEqual([0, 3, 4, 4]);
  });

  it('disjunctive bound: items that cannot overlap add up their durations', () => {
    // Each pair needs 4 > 3 units: A, B, C run in sequence → 2 + 3 + 4 = 9; D (1 unit) fits beside any.
    // E follows C directly and lasts 1 → tail 1 for C, but the minimum tail of the set is 0 (C can go first).
    const c = compileSchedule(
      scheduleProblemSchema.parse({
        resources: [{ id: 'r', capacity: 3 }],
        items: [
          { id: 'A', duration: 2, demand: { r: 2 } },
          { id: 'B', duration: 3, demand: { r: 2 } },
          { id: 'C', duration: 4, demand: { r: 2 } },
          { id: 'D', duration: 5, demand: { r: 1 } },
          { id: 'E', duration: 1, after: ['C'] },
        ],
      }),
    );
    const b = lowerBounds(c);
    expect(b.criticalPath).toBe(5);
    // Work 4 + 6 + 8 + 5 = 23 on 3 → 8.
    expect(b.resource).toBe(8);
    expect(b.disjunctive).toBe(9);
  });

  it('never exceeds the brute-force optimum (random tiny instances)', () => {
    fc.assert(
      fc.property(arbitraryProblem(5), (p) => {
        const b = lowerBounds(compileSchedule(p));
        const optimum = bruteForceMakespan(p);
        expect(Math.max(b.criticalPath, b.resource, b.disjunctive)).toBeLessThanOrEqual(optimum);
      }),
      { numRuns: 150 },
    );
  });

  it('names the cycle in cyclic input', () => {
    expect(() =>
      compileSchedule({
        resources: [],
        items: [
          { id: 'A', duration: 1, demand: {}, after: ['B'], priority: 0, earliest: 0 },
          { id: 'B', duration: 1, demand: {}, after: ['A'], priority: 0, earliest: 0 },
        ],
      }),
    ).toThrow(/cyclic "after": (A → B → A|B → A → B)/);
  });
});

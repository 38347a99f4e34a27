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

  it('never exceeds the brute-force optimum (random tiny instances)', () => {
    fc.assert(
      fc.property(arbitraryProblem(5), (p) => {
        const b = lowerBounds(compileSchedule(p));
        const optimum = bruteForceMakespan(p);
        expect(Math.max(b.criticalPath, b.resource)).toBeLessThanOrEqual(optimum);
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

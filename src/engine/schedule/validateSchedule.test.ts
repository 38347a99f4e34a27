import { describe, expect, it } from 'vitest';
import { scheduleProblemSchema } from '../../domain/scheduleProblem.ts';
import { bruteForceMakespan } from './bruteForceMakespan.ts';
import { validateSchedule } from './validateSchedule.ts';

const p = scheduleProblemSchema.parse({
  resources: [{ id: 'r', capacity: [2, 1] }],
  items: [
    { id: 'A', duration: 2, demand: { r: 1 } },
    { id: 'B', duration: 1, demand: { r: 1 }, after: ['A'], earliest: 1 },
    { id: 'C', duration: 1, demand: { r: 1 } },
  ],
});

describe('validateSchedule (the oracle of the property tests)', () => {
  it('accepts a valid schedule', () => {
    // A [0,2) and C [0,1) share period 0 (capacity 2); B after A at 2; C alone is fine.
    expect(validateSchedule(p, { A: 0, B: 2, C: 0 })).toEqual({ ok: true, violations: [] });
  });

  it('catches capacity (with the last value repeating), dependencies, release dates and missing items', () => {
    expect(validateSchedule(p, { A: 0, B: 2, C: 1 }).violations).toEqual([
      'r uses 2 > capacity 1 in period 1',
    ]);
    expect(validateSchedule(p, { A: 0, B: 1, C: 3 }).violations).toContain(
      'B starts at 1 before A ends at 2',
    );
    expect(validateSchedule(p, { A: 3, B: 0, C: 0 }).violations).toContain(
      'B starts at 0 before A ends at 5',
    );
    expect(validateSchedule(p, { A: 0, C: 0 }).violations).toEqual(['B has no whole start']);
    expect(validateSchedule(p, { A: 0, B: 2, C: 5, D: 1 }).violations).toEqual([
      'unknown item D in schedule',
    ]);
    const q = scheduleProblemSchema.parse({ resources: [], items: [{ id: 'X', duration: 1, earliest: 2 }] });
    expect(validateSchedule(q, { X: 1 }).violations).toEqual(['X starts at 1 before its earliest 2']);
  });
});

describe('bruteForceMakespan', () => {
  it('finds the hand-computed optimum', () => {
    // A [0,2) + C [0,1) fill period 0; B at 2 → 3. Nothing ends earlier: A→B needs 3 periods.
    expect(bruteForceMakespan(p)).toBe(3);
    // Capacity 1: three unit items in a row → 3; with capacity 3 → 1.
    const row = (cap: number) =>
      scheduleProblemSchema.parse({
        resources: [{ id: 'r', capacity: cap }],
        items: ['a', 'b', 'c'].map((id) => ({ id, duration: 1, demand: { r: 1 } })),
      });
    expect(bruteForceMakespan(row(1))).toBe(3);
    expect(bruteForceMakespan(row(3))).toBe(1);
  });
});

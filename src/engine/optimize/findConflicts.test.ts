import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { type OptimizeProblemInput, optimizeProblemSchema } from '../../domain/optimizeProblem.ts';
import { compileProblem } from './compileProblem.ts';
import { findConflicts } from './findConflicts.ts';

const highs = await (highsLoader as unknown as typeof import('highs')['default'])();
const compile = (p: OptimizeProblemInput) => compileProblem(optimizeProblemSchema.parse(p));

describe('findConflicts', () => {
  it('mandatory items over a budget: the budget and both mandatory flags, nothing else', () => {
    const cp = compile({
      resources: [
        { id: 'budget-2027Q1', capacity: 10 },
        { id: 'eng-2027Q1', capacity: 5 },
      ],
      items: [
        { id: 'A', value: 1, uses: { 'budget-2027Q1': 8, 'eng-2027Q1': 1 }, mandatory: true },
        { id: 'B', value: 1, uses: { 'budget-2027Q1': 8 }, mandatory: true },
        { id: 'C', value: 5, uses: { 'budget-2027Q1': 1 }, excludes: ['B'] },
      ],
    });
    const r = findConflicts(cp, highs);
    expect(r.constraints).toEqual(
      expect.arrayContaining([
        { kind: 'resource', resource: 'budget-2027Q1' },
        { kind: 'mandatory', item: 'A' },
        { kind: 'mandatory', item: 'B' },
      ]),
    );
    expect(r.constraints).toHaveLength(3);
    expect(r.minimal).toBe(true);
    expect(r.lines).toContain('budget-2027Q1 has capacity 10');
    expect(r.lines).toContain('A is mandatory (needs at least 8 of budget-2027Q1, 1 of eng-2027Q1)');
  });

  it('an unreachable group minimum is a conflict on its own', () => {
    const cp = compile({
      resources: [{ id: 'budget', capacity: 100 }],
      items: [
        { id: 'X', value: 1, uses: { budget: 10 } },
        { id: 'Y', value: 1, uses: { budget: 20 } },
      ],
      groups: [{ id: 'healthcare', resource: 'budget', items: ['X', 'Y'], min: 50 }],
    });
    const r = findConflicts(cp, highs);
    expect(r.constraints).toEqual([{ kind: 'group-min', group: 'healthcare' }]);
    expect(r.lines).toEqual(['group healthcare must get at least 50 of budget']);
  });

  it('a mandatory item that requires a forbidden one', () => {
    const cp = compile({
      resources: [{ id: 'budget', capacity: 100 }],
      items: [
        { id: 'A', value: 1, uses: { budget: 1 }, requires: ['B'], mandatory: true },
        { id: 'B', value: 1, uses: { budget: 1 }, forbidden: true },
      ],
    });
    const r = findConflicts(cp, highs);
    expect(r.constraints).toHaveLength(3);
    expect(r.constraints).toEqual(
      expect.arrayContaining([
        { kind: 'requires', item: 'A', required: 'B' },
        { kind: 'forbidden', item: 'B' },
        { kind: 'mandatory', item: 'A' },
      ]),
    );
  });

  it('returns an empty set for a feasible problem', () => {
    const cp = compile({
      resources: [{ id: 'b', capacity: 1 }],
      items: [{ id: 'A', value: 1, uses: { b: 1 } }],
    });
    expect(findConflicts(cp, highs).constraints).toEqual([]);
  });
});

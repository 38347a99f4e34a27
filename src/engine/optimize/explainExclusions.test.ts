import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { type OptimizeProblemInput, optimizeProblemSchema } from '../../domain/optimizeProblem.ts';
import { checkSelection } from './checkSelection.ts';
import { compileProblem } from './compileProblem.ts';
import { exactSolve } from './exactSolve.ts';
import { explainExclusions } from './explainExclusions.ts';
import { randomProblem } from './randomProblem.ts';

const highs = await (highsLoader as unknown as typeof import('highs')['default'])();
const compile = (p: OptimizeProblemInput) => compileProblem(optimizeProblemSchema.parse(p));

describe('explainExclusions', () => {
  // Budget 10: A(10, uses 6) + C(1, uses 4) = 11 beats B+C+D = 9 (D excludes A); B and D are left out.
  const cp = compile({
    resources: [{ id: 'budget-2027Q1', capacity: 10 }],
    items: [
      { id: 'A', value: 10, uses: { 'budget-2027Q1': 6 } },
      { id: 'B', value: 7, uses: { 'budget-2027Q1': 5 } },
      { id: 'C', value: 1, uses: { 'budget-2027Q1': 4 } },
      { id: 'D', value: 1, excludes: ['A'] },
    ],
  });
  const solved = exactSolve(cp, highs);
  const choice = solved.choice ?? new Int32Array();
  const byItem = new Map(explainExclusions(cp, choice).map((e) => [e.item, e]));

  it('names the short budget and period, by how much, and what would bring the item in', () => {
    expect(solved.objective).toBe(11);
    const b = byItem.get('B');
    expect(b?.blockers).toEqual([
      { kind: 'resource', resource: 'budget-2027Q1', needs: 5, free: 0, shortfall: 5 },
    ]);
    // Freeing 5: dropping C (value 1) frees only 4, so A must go too: 11 lost for 7 gained.
    expect(b?.remedies).toEqual([
      { kind: 'increase', resource: 'budget-2027Q1', by: 5 },
      { kind: 'drop', items: ['C', 'A'], valueLost: 11, netChange: -4 },
    ]);
    expect(b?.text).toContain('budget-2027Q1 is short by 5');
  });

  it('names the excluding item and the cost of dropping it', () => {
    const d = byItem.get('D');
    expect(d?.blockers).toEqual([{ kind: 'excludes', other: 'A' }]);
    expect(d?.remedies).toEqual([{ kind: 'drop', items: ['A'], valueLost: 10, netChange: -9 }]);
  });

  it('explains only left-out items', () => {
    expect([...byItem.keys()].sort()).toEqual(['B', 'D']);
  });

  it('property: raising each short resource by the stated amount lets a resource-blocked item in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const problem = randomProblem(seed, { items: 8, resources: 3, tightness: 0.4 });
        const c = compileProblem(problem);
        const r = exactSolve(c, highs);
        if (!r.choice) return;
        for (const e of explainExclusions(c, r.choice)) {
          if (!e.blockers.every((b) => b.kind === 'resource')) continue;
          const raised = {
            ...problem,
            resources: problem.resources.map((res) => {
              const inc = e.remedies.find((m) => m.kind === 'increase' && m.resource === res.id);
              return inc && inc.kind === 'increase'
                ? { ...res, capacity: res.capacity + inc.by + 1e-6 }
                : res;
            }),
          };
          const c2 = compileProblem(raised);
          const with_ = Int32Array.from(r.choice);
          const i = c2.itemIds.indexOf(e.item);
          with_[i] = c2.itemColumns[i][0];
          expect(checkSelection(c2, with_)).toEqual([]);
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});

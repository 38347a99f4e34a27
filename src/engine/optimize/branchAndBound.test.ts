import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { branchAndBound } from './branchAndBound.ts';
import { bruteForce } from './bruteForce.ts';
import { mipRows } from './buildMipModel.ts';
import { checkSelection } from './checkSelection.ts';
import { choiceValue, compileProblem } from './compileProblem.ts';
import { randomProblem } from './randomProblem.ts';
import { arbitraryShape } from './testShapes.ts';

const FAR = () => Date.now() + 60_000;

describe('branchAndBound', () => {
  it('solves a hand-computed knapsack: capacity 10, best is B + C = 11', () => {
    // A: value 10, weight 10; B: 6, 5; C: 5, 5; D: 9, 6. The only pair that fits is B + C (11); alone,
    // A gives 10 and D 9 (greedy by value per weight takes D first and stops at 9).
    const cp = compileProblem({
      resources: [{ id: 'w', capacity: 10 }],
      items: [
        { id: 'A', value: 10, uses: { w: 10 } },
        { id: 'B', value: 6, uses: { w: 5 } },
        { id: 'C', value: 5, uses: { w: 5 } },
        { id: 'D', value: 9, uses: { w: 6 } },
      ],
      groups: [],
    } as never);
    const r = branchAndBound(mipRows(cp), { deadline: FAR() });
    expect(r.status).toBe('optimal');
    expect(r.value).toBe(11);
    expect(Array.from(r.x ?? [])).toEqual([0, 1, 1, 0]);
  });

  it('proves infeasibility: a mandatory item that does not fit', () => {
    const cp = compileProblem({
      resources: [{ id: 'w', capacity: 3 }],
      items: [{ id: 'A', value: 1, uses: { w: 5 }, mandatory: true }],
      groups: [],
    } as never);
    const r = branchAndBound(mipRows(cp), { deadline: FAR() });
    expect(r.status).toBe('infeasible');
    expect(r.x).toBeNull();
  });

  it('stops at the deadline with a valid bound', () => {
    const cp = compileProblem(randomProblem(5, { items: 60, resources: 8, tightness: 0.3 }));
    const r = branchAndBound(mipRows(cp), { deadline: Date.now() - 1 });
    expect(r.status).toBe('stopped');
    expect(r.bound).toBe(Number.POSITIVE_INFINITY);
  });

  it('property: equals brute force on random problems with every constraint kind, no incumbent given', () => {
    const shapes = arbitraryShape(12, 5);
    fc.assert(
      fc.property(shapes, (s) => {
        const cp = compileProblem(randomProblem(s.seed, s));
        const ref = bruteForce(cp);
        const r = branchAndBound(mipRows(cp), { deadline: FAR() });
        if (ref.choice === null) {
          expect(r.status).toBe('infeasible');
          return;
        }
        expect(r.status).toBe('optimal');
        const choice = new Int32Array(cp.itemIds.length).fill(-1);
        r.x?.forEach((v, k) => {
          if (v) choice[cp.columns[k].item] = k;
        });
        expect(checkSelection(cp, choice)).toEqual([]);
        expect(choiceValue(cp, choice)).toBeCloseTo(ref.value, 6);
        expect(r.bound).toBeCloseTo(ref.value, 6);
      }),
      { numRuns: 400, seed: 4242 },
    );
  });

  it('property: a stopped search never claims a bound below the optimum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 14, max: 18 }),
        (seed, items) => {
          const cp = compileProblem(randomProblem(seed, { items, resources: 4, tightness: 0.4, groups: 1 }));
          const ref = bruteForce(cp);
          // A node budget of one pivot makes the search give up at once (as on numerical trouble).
          const r = branchAndBound(mipRows(cp), { deadline: FAR(), maxNodePivots: 1 });
          if (ref.choice === null || r.status === 'infeasible') return;
          expect(r.bound).toBeGreaterThanOrEqual(ref.value - 1e-6);
          if (r.value !== null) expect(r.value).toBeLessThanOrEqual(ref.value + 1e-6);
        },
      ),
      { numRuns: 40, seed: 99 },
    );
  });
});

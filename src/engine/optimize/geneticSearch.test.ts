import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OptimizeProblemInput, optimizeProblemSchema } from '../../domain/optimizeProblem.ts';
import { bruteForce } from './bruteForce.ts';
import { checkSelection } from './checkSelection.ts';
import { choiceValue, compileProblem } from './compileProblem.ts';
import { geneticSearch, packingChoice, packingForm } from './geneticSearch.ts';
import { randomProblem } from './randomProblem.ts';
import { arbitraryPacking } from './testShapes.ts';

const compile = (p: OptimizeProblemInput) => compileProblem(optimizeProblemSchema.parse(p));
const noPrices = (m: number) => new Float64Array(m);
const later = () => Date.now() + 5_000;

describe('packingForm', () => {
  const plain = {
    resources: [{ id: 'w', capacity: 10 }],
    items: [
      { id: 'a', value: 7, uses: { w: 6 } },
      { id: 'b', value: 5, uses: { w: 5 } },
    ],
  };

  it('accepts a plain knapsack and refuses what a packing cannot express', () => {
    expect(packingForm(compile(plain))).not.toBeNull();
    const withItem = (extra: Record<string, unknown>) =>
      compile({ ...plain, items: [{ ...plain.items[0], ...extra }, plain.items[1]] });
    expect(packingForm(withItem({ requires: ['b'] }))).toBeNull();
    expect(packingForm(withItem({ excludes: ['b'] }))).toBeNull();
    expect(
      packingForm(withItem({ options: [{ id: 'o', start: 0, end: 1, value: 7, uses: { w: 6 } }] })),
    ).toBeNull();
    expect(
      packingForm(compile({ ...plain, groups: [{ id: 'g', resource: 'w', items: ['a'], min: 1 }] })),
    ).toBeNull();
  });
});

describe('geneticSearch', () => {
  it('finds the pair that value-per-use ordering misses', () => {
    // Capacity 10: a has the best ratio (7/6) but leaves room for nothing; b + c = 10 is the optimum.
    const cp = compile({
      resources: [{ id: 'w', capacity: 10 }],
      items: [
        { id: 'a', value: 7, uses: { w: 6 } },
        { id: 'b', value: 5, uses: { w: 5 } },
        { id: 'c', value: 5, uses: { w: 5 } },
      ],
    });
    const r = geneticSearch(packingForm(cp)!, { prices: Float64Array.of(1), deadline: later() });
    expect(r?.value).toBe(10);
    expect(Array.from(r!.x)).toEqual([0, 1, 1]);
  });

  it('gives up when the mandatory items alone do not fit', () => {
    const cp = compile({
      resources: [{ id: 'w', capacity: 10 }],
      items: [
        { id: 'a', value: 1, uses: { w: 6 }, mandatory: true },
        { id: 'b', value: 1, uses: { w: 5 }, mandatory: true },
      ],
    });
    expect(geneticSearch(packingForm(cp)!, { prices: noPrices(1), deadline: later() })).toBeNull();
  });

  it('returns a feasible answer that keeps mandatory and forbidden items, never below its start, and the optimum on up to 8 items', () => {
    fc.assert(
      fc.property(arbitraryPacking(8, 0, 3), (s) => {
        const cp = compileProblem(randomProblem(s.seed, s));
        const pk = packingForm(cp);
        expect(pk).not.toBeNull();
        if (!pk) return;
        const ref = bruteForce(cp);
        const start = Uint8Array.from(cp.mandatory, Number);
        const r = geneticSearch(pk, {
          prices: noPrices(pk.m),
          deadline: later(),
          initial: [start],
          seed: s.seed,
        });
        if (ref.choice === null) {
          expect(r).toBeNull();
          return;
        }
        expect(r).not.toBeNull();
        if (!r) return;
        const choice = packingChoice(cp, r.x);
        expect(checkSelection(cp, choice)).toEqual([]);
        expect(choiceValue(cp, choice)).toBeCloseTo(r.value, 9);
        for (let j = 0; j < cp.itemIds.length; j++) {
          if (cp.mandatory[j]) expect(r.x[j]).toBe(1);
          if (cp.forbidden[j]) expect(r.x[j]).toBe(0);
        }
        expect(r.value).toBeCloseTo(ref.value, 9);
      }),
      { numRuns: 200, seed: 20281 },
    );
  });

  it('stops at its deadline', () => {
    const cp = compileProblem(randomProblem(7, { items: 400, resources: 10, tightness: 0.5 }));
    const t0 = Date.now();
    const r = geneticSearch(packingForm(cp)!, {
      prices: noPrices(10),
      deadline: t0 + 200,
      patience: Number.POSITIVE_INFINITY,
    });
    expect(r).not.toBeNull();
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});

import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { optimizeProblemSchema } from '../../domain/optimizeProblem.ts';
import { frontierLevels, solveFrontierLevels } from './efficientFrontier.ts';
import { greedyScoreRanking } from './greedyScoreRanking.ts';
import { randomProblem } from './randomProblem.ts';

const highs = await (highsLoader as unknown as typeof import('highs')['default'])();

// The textbook knapsack (values 60/100/120, weights 10/20/30) with the budget at 50.
const knapsack = optimizeProblemSchema.parse({
  resources: [{ id: 'budget', capacity: 50 }],
  items: [
    { id: 'a', value: 60, uses: { budget: 10 } },
    { id: 'b', value: 100, uses: { budget: 20 } },
    { id: 'c', value: 120, uses: { budget: 30 } },
  ],
});

describe('efficient frontier', () => {
  it('scales only the budget resources, evenly from `from` to `to`', () => {
    const levels = frontierLevels(knapsack, { levels: 6, from: 0.2, to: 1.2 });
    expect(levels.map((l) => Math.round(l.budget * 1e9) / 1e9)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('matches the optimum and score ranking computed by hand at each budget', () => {
    const points = solveFrontierLevels(frontierLevels(knapsack, { levels: 6, from: 0.2, to: 1.2 }), highs);
    // Optimum: 10→a, 20→b, 30→a+b, 40→a+c, 50→b+c, 60→all.
    expect(points.map((p) => p.value)).toEqual([60, 100, 160, 180, 220, 280]);
    // Ranking by value (c, b, a), skipping what does not fit: 30 → c only (120).
    expect(points.map((p) => p.rankingValue)).toEqual([60, 100, 120, 180, 220, 280]);
    expect(points.every((p) => p.status === 'optimal')).toBe(true);
  });

  it('property: the frontier never falls as the budget grows and never lies below score ranking', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const problem = randomProblem(seed, { items: 10, resources: 2, requiresRate: 0.1, tightness: 0.5 });
        const points = solveFrontierLevels(frontierLevels(problem, { levels: 20 }), highs, {
          timeLimitSeconds: 5,
        });
        expect(points).toHaveLength(20);
        for (let k = 0; k < points.length; k++) {
          const p = points[k];
          if (p.value === null) continue;
          if (p.rankingValue !== null) expect(p.value).toBeGreaterThanOrEqual(p.rankingValue - 1e-9);
          if (k > 0 && points[k - 1].value !== null)
            expect(p.value).toBeGreaterThanOrEqual((points[k - 1].value ?? 0) - 1e-9);
        }
      }),
      { numRuns: 8, seed: 11 },
    );
  });
});

describe('frontier baseline validity', () => {
  it('reports no ranking value where the ranked list breaks a group minimum', () => {
    // Ranking by value funds C (30) alone at budget 500, leaving group {A, D} below its minimum 100.
    const p = optimizeProblemSchema.parse({
      resources: [{ id: 'budget', capacity: 500 }],
      items: [
        { id: 'A', value: 20, uses: { budget: 300 } },
        { id: 'C', value: 30, uses: { budget: 500 } },
        { id: 'D', value: 12, uses: { budget: 200 } },
      ],
      groups: [{ id: 'g', resource: 'budget', items: ['A', 'D'], min: 100 }],
    });
    const [point] = solveFrontierLevels(frontierLevels(p, { levels: 2, from: 1, to: 1 }).slice(0, 1), highs);
    expect(point.value).toBe(32);
    expect(point.rankingValue).toBeNull();
  });
});

describe('greedyScoreRanking', () => {
  it('funds down the ranked list, skipping what does not fit', () => {
    expect(greedyScoreRanking(knapsack)).toEqual({ selected: ['b', 'c'], value: 220, feasible: true });
    // By ratio (a 6, b 5, c 4): a, b fit (30), c does not (60 > 50) → 160.
    expect(greedyScoreRanking(knapsack, { by: 'ratio' })).toEqual({
      selected: ['a', 'b'],
      value: 160,
      feasible: true,
    });
  });
});

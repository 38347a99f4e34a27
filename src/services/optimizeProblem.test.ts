import { afterAll, describe, expect, it } from 'vitest';
import {
  optimizeProblemSchema,
  portfolioInitiativeSchema,
  portfolioSettingsSchema,
} from '../domain/optimizeProblem.ts';
import { optimizeFrontier, optimizePortfolio, optimizeProblem } from './optimizeProblem.ts';
import { closeWorkerPool } from './workerPool.ts';

afterAll(closeWorkerPool);

const knapsack = optimizeProblemSchema.parse({
  resources: [{ id: 'budget', capacity: 50 }],
  items: [
    { id: 'a', value: 60, uses: { budget: 10 } },
    { id: 'b', value: 100, uses: { budget: 20 } },
    { id: 'c', value: 120, uses: { budget: 30 } },
  ],
});

describe('optimize services (worker threads)', () => {
  it('solves and explains on a worker', async () => {
    const r = await optimizeProblem(knapsack);
    expect(r.result).toMatchObject({ status: 'optimal', objective: 220, selected: ['b', 'c'] });
    expect(r.explanations.map((e) => e.item)).toEqual(['a']);
    expect(r.conflicts).toBeNull();
  });

  it('computes a 21-level frontier in parallel chunks, in budget order', async () => {
    let calls = 0;
    const f = await optimizeFrontier(knapsack, { from: 0.2, to: 1.2, levels: 21, onProgress: () => calls++ });
    expect(f.points).toHaveLength(21);
    expect(calls).toBe(7);
    // Budget 10 → 60 (a), budget 60 → 280 (all three): computed by hand.
    expect(f.points[0].value).toBe(60);
    expect(f.points[20].value).toBe(280);
    for (let k = 1; k < 21; k++) expect(f.points[k].budget).toBeGreaterThan(f.points[k - 1].budget);
  });

  it('optimizes initiatives through the portfolio builder, time-phased', async () => {
    const base = { probability: 1, alignment: {}, demandPerRolePerPeriod: {}, durationPeriods: 1 };
    const initiatives = [
      portfolioInitiativeSchema.parse({
        ...base,
        id: 'P',
        name: 'Platform',
        costPerPeriod: [10],
        benefitPerPeriod: [15],
      }),
      portfolioInitiativeSchema.parse({
        ...base,
        id: 'F',
        name: 'Feature',
        costPerPeriod: [10],
        benefitPerPeriod: [30],
        requires: ['P'],
      }),
    ];
    // One budget of 10 per period: P must run in Q1 and F in Q2 (F needs P finished first).
    const settings = portfolioSettingsSchema.parse({
      objective: 'expected_npv',
      goalWeights: {},
      periods: ['Q1', 'Q2'],
      budgetPerPeriod: [10, 10],
      timePhased: true,
    });
    const r = await optimizePortfolio(initiatives, settings);
    expect(r.result.objective).toBe(25);
    expect(r.result.selected).toEqual([
      { id: 'P', option: 'start-Q1' },
      { id: 'F', option: 'start-Q2' },
    ]);
  });
});

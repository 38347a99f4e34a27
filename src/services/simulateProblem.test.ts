import { afterAll, describe, expect, it } from 'vitest';
import { simulateProblemSchema } from '../domain/simulateProblem.ts';
import { simulatePortfolio } from '../engine/finance/portfolioSimulation.ts';
import { simulateProblem } from './simulateProblem.ts';
import { closeWorkerPool } from './workerPool.ts';

const problem = simulateProblemSchema.parse({
  discountRate: 0.05,
  target: 100,
  items: Array.from({ length: 12 }, (_, i) => ({
    id: `I${i}`,
    probability: 0.5 + i / 30,
    costPeriod: i % 3,
    cost: { low: 50 + i, likely: 60 + 2 * i, high: 90 + 3 * i },
    benefit: { low: 0, likely: 15 + i, high: 40 + i },
    benefitPeriods: [1 + (i % 2), 6 + i],
  })),
});

afterAll(closeWorkerPool);

describe('simulateProblem (worker threads)', () => {
  it('returns exactly the in-thread engine result for the same seed, and reports progress', async () => {
    const progress: number[] = [];
    let clock = 0;
    const result = await simulateProblem(problem, {
      trials: 35_000,
      seed: 9,
      onProgress: (done, total) => {
        expect(total).toBe(35_000);
        progress.push(done);
      },
      now: () => (clock += 500),
    });
    const { seconds, ...summary } = result;
    expect(summary).toEqual(simulatePortfolio(problem, { trials: 35_000, seed: 9 }));
    expect(seconds).toBe(0.5);
    expect(progress).toHaveLength(4);
    expect(progress.at(-1)).toBe(35_000);
    expect(Math.abs(result.mean - result.expectedValue)).toBeLessThan(3 * result.standardError);
  });
});

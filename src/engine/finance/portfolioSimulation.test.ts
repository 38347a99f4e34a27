import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SimulateProblem, simulateProblemSchema } from '../../domain/simulateProblem.ts';
import { planChunks, simulatePortfolio, summarizeSimulation } from './portfolioSimulation.ts';
import { simulateChunk } from './simulateChunk.ts';
import { annuityFactor, buildSimulationModel, expectedPortfolioValue } from './simulationModel.ts';

const example: SimulateProblem = simulateProblemSchema.parse({
  discountRate: 0.02,
  target: 500,
  items: [
    {
      id: 'A',
      probability: 0.8,
      costPeriod: 0,
      cost: { low: 80, likely: 100, high: 150 },
      benefit: { low: 0, likely: 30, high: 60 },
      benefitPeriods: [2, 9],
    },
    {
      id: 'B',
      probability: 0.5,
      costPeriod: 1,
      cost: { low: 200, likely: 250, high: 400 },
      benefit: { low: 50, likely: 120, high: 200 },
      benefitPeriods: [3, 12],
    },
    {
      id: 'C',
      probability: 1,
      costPeriod: 0,
      cost: { low: 10, likely: 10, high: 10 },
      benefit: { low: 5, likely: 5, high: 5 },
      benefitPeriods: [1, 4],
    },
  ],
});

/** Variance of a triangular distribution: (a² + b² + c² − ab − ac − bc)/18. */
const triVar = (t: { low: number; likely: number; high: number }) =>
  (t.low ** 2 + t.high ** 2 + t.likely ** 2 - t.low * t.high - t.low * t.likely - t.high * t.likely) / 18;
const triMean = (t: { low: number; likely: number; high: number }) => (t.low + t.likely + t.high) / 3;

/** Exact variance of portfolio value: items are independent, item value = S·B·annuity − C·d. */
function exactVariance(problem: SimulateProblem): number {
  let v = 0;
  for (const it of problem.items) {
    const a = annuityFactor(problem.discountRate, it.benefitPeriods[0], it.benefitPeriods[1]);
    const d = (1 + problem.discountRate) ** -it.costPeriod;
    const eb2 = triVar(it.benefit) + triMean(it.benefit) ** 2;
    const benefitVar = it.probability * eb2 * a * a - (it.probability * triMean(it.benefit) * a) ** 2;
    v += benefitVar + triVar(it.cost) * d * d;
  }
  return v;
}

describe('simulatePortfolio', () => {
  it('has its mean within three standard errors of the exact expected value', () => {
    const s = simulatePortfolio(example, { trials: 100_000, seed: 12345 });
    expect(s.trials).toBe(100_000);
    expect(s.expectedValue).toBeCloseTo(expectedPortfolioValue(example), 10);
    expect(Math.abs(s.mean - s.expectedValue)).toBeLessThan(3 * s.standardError);
    expect(s.standardError).toBeCloseTo(s.stdev / Math.sqrt(100_000), 12);
  });

  it('has a standard deviation close to the exact one (within 2 %)', () => {
    const s = simulatePortfolio(example, { trials: 100_000, seed: 99 });
    expect(s.stdev / Math.sqrt(exactVariance(example))).toBeGreaterThan(0.98);
    expect(s.stdev / Math.sqrt(exactVariance(example))).toBeLessThan(1.02);
  });

  it('keeps the mean within three standard errors for random problems', () => {
    const tri = fc
      .tuple(
        fc.integer({ min: -50, max: 500 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 300 }),
      )
      .map(([low, f, w]) => ({ low, likely: low + Math.round((f / 100) * w), high: low + w }));
    const item = fc.record({
      probability: fc.double({ min: 0, max: 1, noNaN: true }),
      costPeriod: fc.integer({ min: 0, max: 5 }),
      cost: tri,
      benefit: tri,
      first: fc.integer({ min: 0, max: 10 }),
      length: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (items, discountRate, seed) => {
          const problem = simulateProblemSchema.parse({
            discountRate,
            items: items.map((r, i) => ({
              id: `I${i}`,
              probability: r.probability,
              costPeriod: r.costPeriod,
              cost: r.cost,
              benefit: r.benefit,
              benefitPeriods: [r.first, r.first + r.length],
            })),
          });
          const s = simulatePortfolio(problem, { trials: 20_000, seed });
          if (s.stdev === 0) expect(s.mean).toBeCloseTo(s.expectedValue, 8);
          else expect(Math.abs(s.mean - s.expectedValue)).toBeLessThan(3 * s.standardError);
        },
      ),
      { numRuns: 25, seed: 20261123 },
    );
  });

  it('gives identical numbers for the same seed and different ones for another seed', () => {
    const a = simulatePortfolio(example, { trials: 30_000, seed: 7 });
    const b = simulatePortfolio(example, { trials: 30_000, seed: 7 });
    const c = simulatePortfolio(example, { trials: 30_000, seed: 8 });
    expect(b).toEqual(a);
    expect(c.mean).not.toBe(a.mean);
  });

  it('estimates P(value ≥ target) as the success probability of a two-outcome item', () => {
    // Constant cost 100 at period 0, constant benefit 50 over periods 0..3 at 0 %: value 100 or −100.
    const problem = simulateProblemSchema.parse({
      discountRate: 0,
      target: 0,
      items: [
        {
          id: 'X',
          probability: 0.3,
          cost: { low: 100, likely: 100, high: 100 },
          benefit: { low: 50, likely: 50, high: 50 },
          benefitPeriods: [0, 3],
        },
      ],
    });
    const n = 50_000;
    const s = simulatePortfolio(problem, { trials: n, seed: 3 });
    expect(Math.abs(s.probabilityOfTarget! - 0.3)).toBeLessThan(3 * Math.sqrt((0.3 * 0.7) / n));
    expect(s.min).toBe(-100);
    expect(s.max).toBe(100);
    expect(s.p10).toBe(-100);
    expect(s.p90).toBe(100);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(s.histogram.counts[0] + s.histogram.counts[39]).toBe(n);
  });

  it('reports percentiles of the simulated values (checked by brute-force sort)', () => {
    const model = buildSimulationModel(example);
    const chunk = simulateChunk(model, 5, 0, 10_000);
    const sorted = Array.from(chunk.values).sort((x, y) => x - y);
    const s = simulatePortfolio(example, { trials: 10_000, seed: 5 });
    expect(s.p50).toBeCloseTo((sorted[4999] + sorted[5000]) / 2, 9);
    expect(s.p10).toBeCloseTo(sorted[999] + 0.9 * (sorted[1000] - sorted[999]), 9);
    expect(s.probabilityOfTarget).toBe(sorted.filter((v) => v >= 500).length / 10_000);
    expect(s.target).toBe(500);
  });

  it('gives the same result whether blocks run together or separately (thread-count independent)', () => {
    const model = buildSimulationModel(example);
    const chunks = planChunks(25_000).map((c) => simulateChunk(model, 11, c.index, c.trials));
    expect(planChunks(25_000).map((c) => c.trials)).toEqual([10_000, 10_000, 5_000]);
    expect(summarizeSimulation(example, model, chunks, 11)).toEqual(
      simulatePortfolio(example, { trials: 25_000, seed: 11 }),
    );
  });

  it('builds a tornado whose variance shares sum to 1, biggest driver first, with hand-checked swings', () => {
    const s = simulatePortfolio(example, { trials: 50_000, seed: 1 });
    expect(s.tornado.map((t) => t.id)).toEqual(['B', 'A', 'C']); // B: largest cost & benefit spread
    expect(s.tornado.reduce((a, t) => a + t.varianceShare, 0)).toBeCloseTo(1, 12);
    const c = s.tornado.find((t) => t.id === 'C')!;
    expect(c.stdev).toBe(0);
    expect(c.varianceShare).toBe(0);
    // C is certain: its swing is zero, both ends at the expected portfolio value.
    expect(c.low).toBeCloseTo(s.expectedValue, 9);
    expect(c.high).toBeCloseTo(s.expectedValue, 9);
    // A: worst = fails and costs 150; best = succeeds with benefit 60 and costs 80.
    const model = buildSimulationModel(example);
    const a = s.tornado.find((t) => t.id === 'A')!;
    const others = s.expectedValue - model.expectedContribution[0];
    expect(a.low).toBeCloseTo(others - 150, 9);
    expect(a.high).toBeCloseTo(others + 60 * annuityFactor(0.02, 2, 9) - 80, 9);
  });

  it('leaves probabilityOfTarget null without a target and rejects a bad trial count', () => {
    const { target: _t, ...rest } = example;
    const s = simulatePortfolio(rest, { trials: 1000 });
    expect(s.target).toBeNull();
    expect(s.probabilityOfTarget).toBeNull();
    expect(() => simulatePortfolio(example, { trials: 0 })).toThrow(RangeError);
  });
});

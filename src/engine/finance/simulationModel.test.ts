import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateProblemSchema } from '../../domain/simulateProblem.ts';
import {
  annuityFactor,
  expectedPortfolioValue,
  triangularMean,
  triangularQuantile,
} from './simulationModel.ts';

describe('triangularQuantile', () => {
  const t = { low: 80, likely: 100, high: 150 };

  it('maps 0 to low, F(likely) to likely and 1 to high', () => {
    expect(triangularQuantile(t, 0)).toBe(80);
    expect(triangularQuantile(t, 20 / 70)).toBeCloseTo(100, 10);
    expect(triangularQuantile(t, 1)).toBe(150);
  });

  it('inverts the CDF: F(x) = (x−a)²/((b−a)(c−a)) below the mode', () => {
    // F(90) = 10² / (70·20) = 100/1400
    expect(triangularQuantile(t, 100 / 1400)).toBeCloseTo(90, 10);
    // above the mode: 1 − (b−x)²/((b−a)(b−c)); F(125) = 1 − 25²/(70·50)
    expect(triangularQuantile(t, 1 - 625 / 3500)).toBeCloseTo(125, 10);
  });

  it('has mean (low + likely + high)/3 by numeric integration of the quantile function', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: -100, max: 100, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 50, noNaN: true }),
        ),
        ([low, frac, width]) => {
          const tri = { low, likely: low + frac * width, high: low + width };
          const n = 20_000;
          let s = 0;
          for (let k = 0; k < n; k++) s += triangularQuantile(tri, (k + 0.5) / n);
          expect(s / n).toBeCloseTo(triangularMean(tri), 2);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('is constant for a degenerate distribution', () => {
    expect(triangularQuantile({ low: 5, likely: 5, high: 5 }, 0.7)).toBe(5);
  });
});

describe('expectedPortfolioValue', () => {
  it('matches the closed form for the documented example item A', () => {
    const problem = simulateProblemSchema.parse({
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
      ],
    });
    // Geometric series: Σ_{t=2..9} v^t = v²(1 − v⁸)/(1 − v), v = 1/1.02; E[cost] = 110, E[benefit] = 30.
    const v = 1 / 1.02;
    const annuity = (v * v * (1 - v ** 8)) / (1 - v);
    expect(annuityFactor(0.02, 2, 9)).toBeCloseTo(annuity, 12);
    expect(expectedPortfolioValue(problem)).toBeCloseTo(0.8 * 30 * annuity - 110, 10);
  });

  it('discounts the cost by its period', () => {
    const problem = simulateProblemSchema.parse({
      discountRate: 0.1,
      items: [
        {
          id: 'B',
          probability: 0,
          costPeriod: 2,
          cost: { low: 121, likely: 121, high: 121 },
          benefit: { low: 0, likely: 0, high: 0 },
          benefitPeriods: [0, 0],
        },
      ],
    });
    expect(expectedPortfolioValue(problem)).toBeCloseTo(-100, 10);
  });
});

import type { SimulateProblem, Triangular } from '../../domain/simulateProblem.ts';
import { discountFactor } from './npv.ts';

/**
 * The simulation problem precomputed into flat typed arrays: per item, the discount factor of its cost
 * period, the annuity factor of its benefit range (Σ d_t over the inclusive range, because the per-period
 * benefit is drawn once per trial), and the triangular parameters ready for inverse-CDF sampling.
 */
export interface SimulationModel {
  ids: string[];
  probability: Float64Array;
  costDiscount: Float64Array;
  benefitAnnuity: Float64Array;
  costLow: Float64Array;
  costHigh: Float64Array;
  costSplit: Float64Array;
  costKLow: Float64Array;
  costKHigh: Float64Array;
  benefitLow: Float64Array;
  benefitHigh: Float64Array;
  benefitSplit: Float64Array;
  benefitKLow: Float64Array;
  benefitKHigh: Float64Array;
  /** Exact expected contribution of each item to portfolio value. */
  expectedContribution: Float64Array;
}

/** Mean of a triangular distribution: (low + likely + high) / 3. */
export function triangularMean(t: Triangular): number {
  return (t.low + t.likely + t.high) / 3;
}

/**
 * Inverse CDF of the triangular distribution: maps a uniform u ∈ [0,1) to a draw. Exported for tests and
 * for callers that sample one value; the simulation inlines the same formula.
 */
export function triangularQuantile(t: Triangular, u: number): number {
  const width = t.high - t.low;
  if (width === 0) return t.low;
  const split = (t.likely - t.low) / width;
  return u < split
    ? t.low + Math.sqrt(u * width * (t.likely - t.low))
    : t.high - Math.sqrt((1 - u) * width * (t.high - t.likely));
}

/** Σ_{t=first..last} (1+r)^-t: the present value of 1 received in each period of the inclusive range. */
export function annuityFactor(rate: number, first: number, last: number): number {
  let sum = 0;
  for (let t = first; t <= last; t++) sum += discountFactor(rate, t);
  return sum;
}

/** Builds the flat model of a validated problem. */
export function buildSimulationModel(problem: SimulateProblem): SimulationModel {
  const n = problem.items.length;
  const f = () => new Float64Array(n);
  const m: SimulationModel = {
    ids: problem.items.map((i) => i.id),
    probability: f(),
    costDiscount: f(),
    benefitAnnuity: f(),
    costLow: f(),
    costHigh: f(),
    costSplit: f(),
    costKLow: f(),
    costKHigh: f(),
    benefitLow: f(),
    benefitHigh: f(),
    benefitSplit: f(),
    benefitKLow: f(),
    benefitKHigh: f(),
    expectedContribution: f(),
  };
  problem.items.forEach((item, i) => {
    m.probability[i] = item.probability;
    m.costDiscount[i] = discountFactor(problem.discountRate, item.costPeriod);
    m.benefitAnnuity[i] = annuityFactor(problem.discountRate, item.benefitPeriods[0], item.benefitPeriods[1]);
    setTriangular(item.cost, i, m.costLow, m.costHigh, m.costSplit, m.costKLow, m.costKHigh);
    setTriangular(
      item.benefit,
      i,
      m.benefitLow,
      m.benefitHigh,
      m.benefitSplit,
      m.benefitKLow,
      m.benefitKHigh,
    );
    m.expectedContribution[i] =
      item.probability * triangularMean(item.benefit) * m.benefitAnnuity[i] -
      triangularMean(item.cost) * m.costDiscount[i];
  });
  return m;
}

function setTriangular(
  t: Triangular,
  i: number,
  low: Float64Array,
  high: Float64Array,
  split: Float64Array,
  kLow: Float64Array,
  kHigh: Float64Array,
): void {
  const width = t.high - t.low;
  low[i] = t.low;
  high[i] = t.high;
  // A degenerate (constant) distribution: every u falls in the lower branch with a zero square root.
  split[i] = width === 0 ? 2 : (t.likely - t.low) / width;
  kLow[i] = width * (t.likely - t.low);
  kHigh[i] = width * (t.high - t.likely);
}

/**
 * The exact expected portfolio value: Σ_i [ p_i · E[benefit_i] · Σ_{t∈range} d_t − E[cost_i] · d_costPeriod ],
 * with E[tri] = (low + likely + high)/3. The simulated mean must converge to it.
 */
export function expectedPortfolioValue(problem: SimulateProblem): number {
  return buildSimulationModel(problem).expectedContribution.reduce((a, b) => a + b, 0);
}

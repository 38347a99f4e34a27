import { discountFactor } from './npv.ts';

/** Cost and benefit per period (index = period), both as non-negative amounts. */
export interface CostBenefitSeries {
  cost: readonly number[];
  benefit: readonly number[];
}

/**
 * Return on investment = (total benefit − total cost) / total cost. Undiscounted by default (the
 * figure people quote); with `rate` both sides are discounted to period 0 first. Null when there is no cost.
 */
export function roi(series: CostBenefitSeries, rate?: number): number | null {
  let cost = 0;
  let benefit = 0;
  const n = Math.max(series.cost.length, series.benefit.length);
  for (let t = 0; t < n; t++) {
    const d = rate === undefined ? 1 : discountFactor(rate, t);
    cost += (series.cost[t] ?? 0) * d;
    benefit += (series.benefit[t] ?? 0) * d;
  }
  return cost === 0 ? null : (benefit - cost) / cost;
}

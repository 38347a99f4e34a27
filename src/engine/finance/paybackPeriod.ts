import { discountFactor } from './npv.ts';

/**
 * Payback period: the first period at which the cumulative net cash flow reaches ≥ 0, interpolated
 * linearly inside that period (its cash flow is taken to arrive evenly between t−1 and t). With `rate`
 * the flows are discounted first (discounted payback). Returns 0 when period 0 is already ≥ 0, and
 * null when the cumulative flow never reaches 0.
 */
export function paybackPeriod(cashFlows: readonly number[], rate?: number): number | null {
  let cumulative = 0;
  for (let t = 0; t < cashFlows.length; t++) {
    const flow = rate === undefined ? cashFlows[t] : cashFlows[t] * discountFactor(rate, t);
    const before = cumulative;
    cumulative += flow;
    if (cumulative >= 0) {
      if (t === 0 || before >= 0) return t;
      return t - 1 + -before / flow;
    }
  }
  return null;
}

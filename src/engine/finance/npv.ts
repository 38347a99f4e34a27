/**
 * Discount factor (1 + rate)^-period: period 0 is undiscounted, each later period is discounted once more.
 * Used everywhere in finance/ so every figure follows the same end-of-period convention.
 */
export function discountFactor(rate: number, period: number): number {
  return (1 + rate) ** -period;
}

/** Net present value of `cashFlows` (index = period, period 0 undiscounted) at `rate` per period. */
export function npv(cashFlows: readonly number[], rate: number): number {
  let sum = 0;
  let factor = 1;
  const step = 1 / (1 + rate);
  for (let t = 0; t < cashFlows.length; t++) {
    sum += cashFlows[t] * factor;
    factor *= step;
  }
  return sum;
}

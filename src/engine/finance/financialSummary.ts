import { irr } from './irr.ts';
import { npv } from './npv.ts';
import { paybackPeriod } from './paybackPeriod.ts';
import { type CostBenefitSeries, roi } from './roi.ts';

/** Every financial figure of one cost/benefit series, as shown per initiative, product and portfolio. */
export interface FinancialSummary {
  /** benefit − cost per period. */
  netCashFlow: number[];
  /** Running sum of netCashFlow. */
  cumulativeCashFlow: number[];
  totalCost: number;
  totalBenefit: number;
  npv: number;
  /** Undiscounted ROI; null without cost. */
  roi: number | null;
  /** ROI on present values; null without cost. */
  discountedRoi: number | null;
  paybackPeriod: number | null;
  discountedPaybackPeriod: number | null;
  irr: number | null;
}

/** Net cash flow per period: benefit − cost, over the longer of the two series. */
export function netCashFlow(series: CostBenefitSeries): number[] {
  const n = Math.max(series.cost.length, series.benefit.length);
  const out = new Array<number>(n);
  for (let t = 0; t < n; t++) out[t] = (series.benefit[t] ?? 0) - (series.cost[t] ?? 0);
  return out;
}

/** Computes NPV, ROI (plain and discounted), payback (plain and discounted) and IRR of one series. */
export function financialSummary(series: CostBenefitSeries, discountRate: number): FinancialSummary {
  const net = netCashFlow(series);
  const cumulative: number[] = [];
  let running = 0;
  for (const f of net) {
    running += f;
    cumulative.push(running);
  }
  return {
    netCashFlow: net,
    cumulativeCashFlow: cumulative,
    totalCost: series.cost.reduce((a, b) => a + b, 0),
    totalBenefit: series.benefit.reduce((a, b) => a + b, 0),
    npv: npv(net, discountRate),
    roi: roi(series),
    discountedRoi: roi(series, discountRate),
    paybackPeriod: paybackPeriod(net),
    discountedPaybackPeriod: paybackPeriod(net, discountRate),
    irr: irr(net),
  };
}

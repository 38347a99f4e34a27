import { periodAt, periodIndex } from '../../domain/periods.ts';
import { type FinancialSummary, financialSummary } from '../../engine/finance/financialSummary.ts';
import { discountFactor } from '../../engine/finance/npv.ts';
import type { CostBenefitSeries } from '../../engine/finance/roi.ts';

/** One period of a cash-flow table, labelled with its quarter. */
export interface CashFlowRow {
  period: string;
  cost: number;
  benefit: number;
  net: number;
  cumulative: number;
  discountFactor: number;
}

/** The engine's financial summary with period labels, as the API presents it. */
export interface FinancialReport extends Omit<FinancialSummary, 'netCashFlow' | 'cumulativeCashFlow'> {
  /** The quarter of period 0: NPV is stated as of its end, with no discount. */
  asOf: string;
  discountRate: number;
  cashFlows: CashFlowRow[];
  /** The quarter in which the cumulative flow turns non-negative (payback), or null. */
  paybackQuarter: string | null;
}

/** Runs `financialSummary` on a series whose period 0 is the quarter `asOf` and labels every period. */
export function financialReport(series: CostBenefitSeries, asOf: string, rate: number): FinancialReport {
  const { netCashFlow, cumulativeCashFlow, ...summary } = financialSummary(series, rate);
  const base = periodIndex(asOf);
  return {
    ...summary,
    asOf,
    discountRate: rate,
    cashFlows: netCashFlow.map((net, t) => ({
      period: periodAt(base + t),
      cost: series.cost[t] ?? 0,
      benefit: series.benefit[t] ?? 0,
      net,
      cumulative: cumulativeCashFlow[t]!,
      discountFactor: discountFactor(rate, t),
    })),
    paybackQuarter: summary.paybackPeriod === null ? null : periodAt(base + Math.ceil(summary.paybackPeriod)),
  };
}

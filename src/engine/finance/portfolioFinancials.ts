import { type FinancialSummary, financialSummary } from './financialSummary.ts';
import type { CostBenefitSeries } from './roi.ts';

/** An initiative's cash flows per period, with the product it belongs to (if any). */
export interface InitiativeCashFlows extends CostBenefitSeries {
  id: string;
  productId?: string | null;
}

export interface PortfolioFinancials {
  initiatives: Record<string, FinancialSummary>;
  /** Per product: the sum of its initiatives' flows, period by period. */
  products: Record<string, FinancialSummary>;
  portfolio: FinancialSummary;
}

/** Adds series period by period (the product's and the portfolio's flows are sums of initiative flows). */
export function sumSeries(list: readonly CostBenefitSeries[]): CostBenefitSeries {
  const n = list.reduce((m, s) => Math.max(m, s.cost.length, s.benefit.length), 0);
  const cost = new Array<number>(n).fill(0);
  const benefit = new Array<number>(n).fill(0);
  for (const s of list) {
    s.cost.forEach((v, t) => {
      cost[t] += v;
    });
    s.benefit.forEach((v, t) => {
      benefit[t] += v;
    });
  }
  return { cost, benefit };
}

/**
 * Financials per initiative, per product (initiatives rolled up) and for the whole portfolio, all at the
 * organization's discount rate. Initiatives without a product count only in the portfolio.
 */
export function portfolioFinancials(
  initiatives: readonly InitiativeCashFlows[],
  discountRate: number,
): PortfolioFinancials {
  const byInitiative: Record<string, FinancialSummary> = {};
  const groups = new Map<string, CostBenefitSeries[]>();
  for (const i of initiatives) {
    byInitiative[i.id] = financialSummary(i, discountRate);
    if (i.productId) {
      const g = groups.get(i.productId) ?? [];
      g.push(i);
      groups.set(i.productId, g);
    }
  }
  const products: Record<string, FinancialSummary> = {};
  for (const [productId, list] of groups)
    products[productId] = financialSummary(sumSeries(list), discountRate);
  return {
    initiatives: byInitiative,
    products,
    portfolio: financialSummary(sumSeries(initiatives), discountRate),
  };
}

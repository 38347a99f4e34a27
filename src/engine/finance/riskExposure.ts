/** Risk statuses: 'open' and 'mitigating' still threaten value; 'closed' ones no longer count. */
export type RiskStatus = 'open' | 'mitigating' | 'closed';

/** One entry of the risk register, attached to a product and/or an initiative. */
export interface RiskItem {
  id: string;
  productId?: string | null;
  initiativeId?: string | null;
  /** Likelihood in 0..1. */
  probability: number;
  /** Impact if it happens: money, or a 1..5 score (see riskHeatMap). */
  impact: number;
  status: RiskStatus;
}

export interface RiskExposureReport {
  /** Exposure (probability × impact) of every risk, closed ones included (for display). */
  byRisk: { id: string; exposure: number; open: boolean }[];
  /** Σ exposure of open risks per product. */
  byProduct: Record<string, number>;
  /** Σ exposure of open risks per initiative. */
  byInitiative: Record<string, number>;
  /** Σ exposure of all open risks. */
  portfolio: number;
  openCount: number;
}

/** True when a risk still counts in exposure (status open or mitigating). */
export function isOpenRisk(risk: Pick<RiskItem, 'status'>): boolean {
  return risk.status !== 'closed';
}

/**
 * Risk exposure = probability × impact per risk, summed over open risks per product, per initiative and
 * for the portfolio. A risk on both a product and an initiative counts in both rows but once in the portfolio.
 */
export function riskExposure(risks: readonly RiskItem[]): RiskExposureReport {
  const byProduct: Record<string, number> = {};
  const byInitiative: Record<string, number> = {};
  let portfolio = 0;
  let openCount = 0;
  const byRisk = risks.map((r) => {
    const exposure = r.probability * r.impact;
    const open = isOpenRisk(r);
    if (open) {
      openCount++;
      portfolio += exposure;
      if (r.productId) byProduct[r.productId] = (byProduct[r.productId] ?? 0) + exposure;
      if (r.initiativeId) byInitiative[r.initiativeId] = (byInitiative[r.initiativeId] ?? 0) + exposure;
    }
    return { id: r.id, exposure, open };
  });
  return { byRisk, byProduct, byInitiative, portfolio, openCount };
}

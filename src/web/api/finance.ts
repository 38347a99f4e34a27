/** Shapes of the finance endpoints the Finance page reads (GET /finance/portfolio, POST /simulations). */
export interface CashFlowRow {
  period: string;
  cost: number;
  benefit: number;
  net: number;
  cumulative: number;
}

export interface FinanceFigures {
  totalCost: number;
  totalBenefit: number;
  npv: number;
  roi: number | null;
  paybackPeriod: number | null;
  irr: number | null;
}

export interface PortfolioFinance {
  stages: string[];
  portfolio: FinanceFigures & {
    asOf: string;
    discountRate: number;
    cashFlows: CashFlowRow[];
    paybackQuarter: string | null;
  };
  products: (FinanceFigures & { productId: string; name: string; initiativeCount: number })[];
  initiatives: (FinanceFigures & {
    id: string;
    name: string;
    stage: string;
    productId: string | null;
    startPeriod: string;
    probability: number;
  })[];
}

export interface SimulationResult {
  trials: number;
  seed: number;
  mean: number;
  stdev: number;
  p10: number;
  p50: number;
  p90: number;
  target: number | null;
  probabilityOfTarget: number | null;
  histogram: { edges: number[]; counts: number[] };
  tornado: { id: string; name: string; varianceShare: number; low: number; high: number }[];
}

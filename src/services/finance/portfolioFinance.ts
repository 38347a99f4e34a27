import { portfolioFinancials, sumSeries } from '../../engine/finance/portfolioFinancials.ts';
import type { ServiceContext } from '../context.ts';
import { type FinancialReport, financialReport } from './financialReport.ts';
import { loadNames } from './loadNames.ts';
import { loadPlanningSettings } from './planningSettings.ts';
import {
  alignedSeries,
  FUNDED_STAGES,
  loadInitiatives,
  parseStages,
  timelineStart,
} from './storedInitiatives.ts';

/** One initiative's headline figures on the shared timeline. */
export interface InitiativeFigures {
  id: string;
  name: string;
  stage: string;
  productId: string | null;
  segmentId: string | null;
  startPeriod: string;
  probability: number;
  totalCost: number;
  totalBenefit: number;
  npv: number;
  roi: number | null;
  paybackPeriod: number | null;
  irr: number | null;
}

export interface ProductFigures {
  productId: string;
  name: string;
  initiativeCount: number;
  totalCost: number;
  totalBenefit: number;
  npv: number;
  roi: number | null;
  paybackPeriod: number | null;
  irr: number | null;
}

export interface PortfolioFinance {
  stages: readonly string[];
  portfolio: FinancialReport;
  products: ProductFigures[];
  initiatives: InitiativeFigures[];
}

/**
 * Financials of the portfolio (by default the funded initiatives: approved, active, done; `?stage=` to choose),
 * per product (its initiatives' flows added quarter by quarter) and per initiative. Every figure is on one
 * timeline starting at the earlier of the planning start and the first initiative's start, so the NPVs add up.
 */
export async function getPortfolioFinance(
  ctx: ServiceContext,
  query: Record<string, string>,
): Promise<PortfolioFinance> {
  const stages = parseStages(query.stage, FUNDED_STAGES) ?? FUNDED_STAGES;
  const [settings, list] = await Promise.all([
    loadPlanningSettings(ctx),
    loadInitiatives(ctx.store.db, ctx.orgId, { stages }),
  ]);
  const base = timelineStart(settings.planningStart, list);
  const rate = settings.discountRate;
  const flows = list.map((i) => ({ id: i.id, productId: i.productId, ...alignedSeries(i, base) }));
  const result = portfolioFinancials(flows, rate);
  const productIds = [...new Set(list.map((i) => i.productId).filter((p): p is string => p !== null))];
  const names = await loadNames(ctx, 'products', productIds);
  const pick = (s: typeof result.portfolio) => ({
    totalCost: s.totalCost,
    totalBenefit: s.totalBenefit,
    npv: s.npv,
    roi: s.roi,
    paybackPeriod: s.paybackPeriod,
    irr: s.irr,
  });
  return {
    stages,
    portfolio: financialReport(sumSeries(flows), base, rate),
    products: productIds
      .map((productId) => ({
        productId,
        name: names.get(productId) ?? '',
        initiativeCount: list.filter((i) => i.productId === productId).length,
        ...pick(result.products[productId]!),
      }))
      .sort((a, b) => b.npv - a.npv),
    initiatives: list.map((i) => ({
      id: i.id,
      name: i.name,
      stage: i.stage,
      productId: i.productId,
      segmentId: i.segmentId,
      startPeriod: i.startPeriod,
      probability: i.probability,
      ...pick(result.initiatives[i.id]!),
    })),
  };
}

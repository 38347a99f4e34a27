import { and, asc, eq } from 'drizzle-orm';
import { notFound } from '../../domain/errors.ts';
import { financialSummary } from '../../engine/finance/financialSummary.ts';
import { sumSeries } from '../../engine/finance/portfolioFinancials.ts';
import { grossMargin } from '../../engine/lifecycle/lifecycleRecommendation.ts';
import { productFinancials, products } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { type FinancialReport, financialReport } from './financialReport.ts';
import { loadPlanningSettings } from './planningSettings.ts';
import type { InitiativeFigures } from './portfolioFinance.ts';
import {
  alignedSeries,
  FUNDED_STAGES,
  loadInitiatives,
  parseStages,
  timelineStart,
} from './storedInitiatives.ts';

export interface ProductFinance {
  product: { id: string; name: string; lifecycleStage: string };
  /** Recorded revenue and cost per quarter (product_financials). */
  history: {
    periods: { period: string; revenue: number; cost: number; profit: number }[];
    totalRevenue: number;
    totalCost: number;
    /** (revenue − cost)/revenue over the last 4 recorded quarters; null without revenue. */
    grossMargin: number | null;
  };
  /** The product's initiatives (default: funded ones) rolled up: cash flows, NPV, ROI, payback, IRR. */
  plan: FinancialReport & { stages: readonly string[]; initiatives: InitiativeFigures[] };
}

/** A product's recorded revenue and cost per quarter and the financials of its planned initiatives. */
export async function getProductFinance(
  ctx: ServiceContext,
  productId: string,
  query: Record<string, string>,
): Promise<ProductFinance> {
  const stages = parseStages(query.stage, FUNDED_STAGES) ?? FUNDED_STAGES;
  const db = ctx.store.db;
  const [[product], history, settings, list] = await Promise.all([
    db
      .select({ id: products.id, name: products.name, lifecycleStage: products.lifecycleStage })
      .from(products)
      .where(and(eq(products.orgId, ctx.orgId), eq(products.id, productId))),
    db
      .select({
        period: productFinancials.period,
        revenue: productFinancials.revenue,
        cost: productFinancials.cost,
      })
      .from(productFinancials)
      .where(and(eq(productFinancials.orgId, ctx.orgId), eq(productFinancials.productId, productId)))
      .orderBy(asc(productFinancials.period)),
    loadPlanningSettings(ctx),
    loadInitiatives(db, ctx.orgId, { stages, productId }),
  ]);
  if (!product) throw notFound('product', productId);
  const rate = settings.discountRate;
  const base = timelineStart(settings.planningStart, list);
  const flows = list.map((i) => alignedSeries(i, base));
  const revenue = history.map((h) => h.revenue);
  const cost = history.map((h) => h.cost);
  return {
    product,
    history: {
      periods: history.map((h) => ({ ...h, profit: h.revenue - h.cost })),
      totalRevenue: revenue.reduce((a, b) => a + b, 0),
      totalCost: cost.reduce((a, b) => a + b, 0),
      grossMargin: grossMargin(revenue, cost, 4),
    },
    plan: {
      stages,
      ...financialReport(sumSeries(flows), base, rate),
      initiatives: list.map((i, k) => {
        const s = financialSummary(flows[k]!, rate);
        return {
          id: i.id,
          name: i.name,
          stage: i.stage,
          productId: i.productId,
          segmentId: i.segmentId,
          startPeriod: i.startPeriod,
          probability: i.probability,
          totalCost: s.totalCost,
          totalBenefit: s.totalBenefit,
          npv: s.npv,
          roi: s.roi,
          paybackPeriod: s.paybackPeriod,
          irr: s.irr,
        };
      }),
    },
  };
}

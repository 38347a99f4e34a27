import { notFound } from '../../domain/errors.ts';
import { periodIndex } from '../../domain/periods.ts';
import type { ServiceContext } from '../context.ts';
import { type FinancialReport, financialReport } from './financialReport.ts';
import { loadPlanningSettings } from './planningSettings.ts';
import { loadInitiatives } from './storedInitiatives.ts';

export interface InitiativeFinance extends FinancialReport {
  initiative: {
    id: string;
    name: string;
    kind: string;
    stage: string;
    productId: string | null;
    segmentId: string | null;
    startPeriod: string;
    probability: number;
  };
  /** NPV × probability of success: what the initiative is worth on average. */
  expectedNpv: number;
  /** The NPV moved to the planning start, so initiatives starting in different quarters compare. */
  npvAtPlanningStart: number;
}

/**
 * Cash flows per quarter, NPV, ROI, payback and IRR of one initiative at the organization's discount rate.
 * Period 0 is the initiative's start quarter (its first flow is not discounted).
 */
export async function getInitiativeFinance(ctx: ServiceContext, id: string): Promise<InitiativeFinance> {
  const [settings, [i]] = await Promise.all([
    loadPlanningSettings(ctx),
    loadInitiatives(ctx.store.db, ctx.orgId, { ids: [id] }),
  ]);
  if (!i) throw notFound('initiative', id);
  const rate = settings.discountRate;
  const report = financialReport({ cost: i.costPerPeriod, benefit: i.benefitPerPeriod }, i.startPeriod, rate);
  const offset = periodIndex(i.startPeriod) - periodIndex(settings.planningStart);
  return {
    initiative: {
      id: i.id,
      name: i.name,
      kind: i.kind,
      stage: i.stage,
      productId: i.productId,
      segmentId: i.segmentId,
      startPeriod: i.startPeriod,
      probability: i.probability,
    },
    ...report,
    expectedNpv: report.npv * i.probability,
    npvAtPlanningStart: report.npv * (1 + rate) ** -offset,
  };
}

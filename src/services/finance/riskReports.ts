import { eq } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import { riskExposure } from '../../engine/finance/riskExposure.ts';
import { type HeatMapCell, riskHeatMap } from '../../engine/finance/riskHeatMap.ts';
import { initiatives } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadNames } from './loadNames.ts';
import { loadRisks } from './storedRisks.ts';

export interface RiskExposureView {
  /** Σ probability × impact over open risks (status open or mitigating). */
  portfolio: number;
  openCount: number;
  risks: {
    id: string;
    title: string;
    productId: string | null;
    initiativeId: string | null;
    probability: number;
    impact: number;
    exposure: number;
    status: string;
    open: boolean;
  }[];
  byProduct: {
    productId: string;
    name: string;
    /** Open risks registered on the product itself. */
    exposure: number;
    /** …plus the open risks of the product's initiatives. */
    exposureWithInitiatives: number;
  }[];
  byInitiative: { initiativeId: string; name: string; productId: string | null; exposure: number }[];
}

/** Risk exposure (probability × impact) per risk, per product, per initiative and for the portfolio. */
export async function getRiskExposure(ctx: ServiceContext): Promise<RiskExposureView> {
  const db = ctx.store.db;
  const [list, owners] = await Promise.all([
    loadRisks(db, ctx.orgId),
    db
      .select({ id: initiatives.id, name: initiatives.name, productId: initiatives.productId })
      .from(initiatives)
      .where(eq(initiatives.orgId, ctx.orgId)),
  ]);
  const report = riskExposure(list);
  const initiativeById = new Map(owners.map((o) => [o.id, o]));
  const viaInitiatives: Record<string, number> = {};
  for (const [initiativeId, exposure] of Object.entries(report.byInitiative)) {
    const p = initiativeById.get(initiativeId)?.productId;
    if (p) viaInitiatives[p] = (viaInitiatives[p] ?? 0) + exposure;
  }
  const productIds = [...new Set([...Object.keys(report.byProduct), ...Object.keys(viaInitiatives)])];
  const names = await loadNames(ctx, 'products', productIds);
  return {
    portfolio: report.portfolio,
    openCount: report.openCount,
    risks: list
      .map((r, k) => ({
        id: r.id,
        title: r.title,
        productId: r.productId,
        initiativeId: r.initiativeId,
        probability: r.probability,
        impact: r.impact,
        exposure: report.byRisk[k]!.exposure,
        status: r.status,
        open: report.byRisk[k]!.open,
      }))
      .sort((a, b) => b.exposure - a.exposure || (a.id < b.id ? -1 : 1)),
    byProduct: productIds
      .map((productId) => ({
        productId,
        name: names.get(productId) ?? '',
        exposure: report.byProduct[productId] ?? 0,
        exposureWithInitiatives: (report.byProduct[productId] ?? 0) + (viaInitiatives[productId] ?? 0),
      }))
      .sort((a, b) => b.exposureWithInitiatives - a.exposureWithInitiatives),
    byInitiative: Object.entries(report.byInitiative)
      .map(([initiativeId, exposure]) => ({
        initiativeId,
        name: initiativeById.get(initiativeId)?.name ?? '',
        productId: initiativeById.get(initiativeId)?.productId ?? null,
        exposure,
      }))
      .sort((a, b) => b.exposure - a.exposure),
  };
}

export interface RiskHeatMapView {
  impactScale: 'money' | 'score';
  moneyThresholds: [number, number, number, number] | null;
  cells: (HeatMapCell & { risks: { id: string; title: string; exposure: number }[] })[];
}

/**
 * The 5 × 5 probability × impact grid of open risks. `impactScale=score` reads impacts as 1..5 scores;
 * the default bins money impacts at 20/40/60/80 % of the largest open impact.
 */
export async function getRiskHeatMap(
  ctx: ServiceContext,
  query: Record<string, string>,
): Promise<RiskHeatMapView> {
  const scale = query.impactScale ?? 'money';
  if (scale !== 'money' && scale !== 'score') {
    throw new DomainError('invalid_input', 'impactScale: must be money or score', {
      issues: [{ path: ['impactScale'], message: 'must be money or score' }],
    });
  }
  const list = await loadRisks(ctx.store.db, ctx.orgId);
  const map = riskHeatMap(list, { impactScale: scale });
  const byId = new Map(list.map((r) => [r.id, r]));
  return {
    impactScale: scale,
    moneyThresholds: map.moneyThresholds,
    cells: map.cells.map((c) => ({
      ...c,
      risks: c.riskIds.map((id) => {
        const r = byId.get(id)!;
        return { id, title: r.title, exposure: r.probability * r.impact };
      }),
    })),
  };
}

import { and, asc, eq, type SQL } from 'drizzle-orm';
import { notFound } from '../../domain/errors.ts';
import { periodIndex } from '../../domain/periods.ts';
import { Id } from '../../domain/primitives.ts';
import {
  type KpiAttainment,
  type KpiDirection,
  type KpiStatus,
  kpiAttainment,
  normalizedTrend,
} from '../../engine/lifecycle/kpiAttainment.ts';
import { kpiMeasurements, kpis, products } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';

/** A KPI definition with its measurements in period order. */
export interface KpiSeries {
  id: string;
  productId: string | null;
  name: string;
  kind: string;
  unit: string;
  direction: KpiDirection;
  target: number | null;
  series: { period: string; value: number }[];
}

export interface KpiAttainmentRow extends Omit<KpiSeries, 'id'>, Omit<KpiAttainment, 'kpiId'> {
  kpiId: string;
  /** Quarter of the latest measurement. */
  currentPeriod: string | null;
}

export interface ProductKpiSummary {
  productId: string | null;
  kpiCount: number;
  /** Mean attainment of the KPIs that have a target and a measurement. */
  meanAttainment: number | null;
  /** Mean direction-aware trend (> 0 = improving). */
  meanDirectionalTrend: number | null;
  statusCounts: Record<KpiStatus, number>;
}

export interface KpiAttainmentReport {
  kpis: KpiAttainmentRow[];
  products: ProductKpiSummary[];
}

/** KPIs (of one product, or all) with their measurements: two queries, measurements grouped in memory. */
export async function loadKpiSeries(ctx: ServiceContext, productId?: string): Promise<KpiSeries[]> {
  const db = ctx.store.db;
  const where: SQL[] = [eq(kpis.orgId, ctx.orgId)];
  if (productId) where.push(eq(kpis.productId, productId));
  const [defs, values] = await Promise.all([
    db
      .select({
        id: kpis.id,
        productId: kpis.productId,
        name: kpis.name,
        kind: kpis.kind,
        unit: kpis.unit,
        direction: kpis.direction,
        target: kpis.target,
      })
      .from(kpis)
      .where(and(...where))
      .orderBy(asc(kpis.productId), asc(kpis.name), asc(kpis.id)),
    db
      .select({ kpiId: kpiMeasurements.kpiId, period: kpiMeasurements.period, value: kpiMeasurements.value })
      .from(kpiMeasurements)
      .innerJoin(kpis, and(eq(kpis.id, kpiMeasurements.kpiId), eq(kpis.orgId, ctx.orgId)))
      .where(and(eq(kpiMeasurements.orgId, ctx.orgId), ...(productId ? [eq(kpis.productId, productId)] : [])))
      .orderBy(asc(kpiMeasurements.kpiId), asc(kpiMeasurements.period)),
  ]);
  const byKpi = new Map<string, { period: string; value: number }[]>();
  for (const m of values) {
    const list = byKpi.get(m.kpiId) ?? [];
    list.push({ period: m.period, value: m.value });
    byKpi.set(m.kpiId, list);
  }
  return defs.map((d) => ({
    ...d,
    direction: d.direction as KpiDirection,
    series: byKpi.get(d.id) ?? [],
  }));
}

/**
 * Attainment, trend and status of one KPI (src/engine/lifecycle/kpiAttainment). Without a target there is
 * no attainment or status, but the current value and the trend are still given.
 */
export function attainmentRow(k: KpiSeries): KpiAttainmentRow {
  const measurements = k.series.map((m) => ({ period: periodIndex(m.period), value: m.value }));
  const { id, ...rest } = k;
  const latest = k.series.at(-1) ?? null;
  let result: Omit<KpiAttainment, 'kpiId'>;
  if (k.target === null) {
    const trend = normalizedTrend(measurements.slice(-6));
    result = {
      current: latest?.value ?? null,
      attainment: null,
      trend,
      directionalTrend: trend === null ? null : k.direction === 'higher_is_better' ? trend : -trend,
      status: null,
    };
  } else {
    const { kpiId: _id, ...a } = kpiAttainment(
      { id, direction: k.direction, target: k.target },
      measurements,
    );
    result = a;
  }
  return { kpiId: id, ...rest, ...result, currentPeriod: latest?.period ?? null };
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Per product: mean attainment, mean directional trend and how many KPIs are in each status. */
export function summarizeByProduct(rows: readonly KpiAttainmentRow[]): ProductKpiSummary[] {
  const groups = new Map<string | null, KpiAttainmentRow[]>();
  for (const r of rows) {
    const list = groups.get(r.productId);
    if (list) list.push(r);
    else groups.set(r.productId, [r]);
  }
  return [...groups].map(([productId, list]) => {
    const statusCounts: Record<KpiStatus, number> = { on_track: 0, at_risk: 0, off_track: 0 };
    for (const r of list) if (r.status) statusCounts[r.status]++;
    return {
      productId,
      kpiCount: list.length,
      meanAttainment: mean(list.flatMap((r) => (r.attainment === null ? [] : [r.attainment]))),
      meanDirectionalTrend: mean(
        list.flatMap((r) => (r.directionalTrend === null ? [] : [r.directionalTrend])),
      ),
      statusCounts,
    };
  });
}

/** GET /kpis/attainment: every KPI (or one product's) with attainment, trend, status and time series. */
export async function getKpiAttainment(
  ctx: ServiceContext,
  query: Record<string, string>,
): Promise<KpiAttainmentReport> {
  let productId: string | undefined;
  if (query.productId !== undefined) {
    productId = parseInput(Id, query.productId, 'productId').toLowerCase();
    const [p] = await ctx.store.db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.orgId, ctx.orgId), eq(products.id, productId)));
    if (!p) throw notFound('product', productId);
  }
  const rows = (await loadKpiSeries(ctx, productId)).map(attainmentRow);
  return { kpis: rows, products: summarizeByProduct(rows) };
}

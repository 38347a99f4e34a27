import { npv } from './npv.ts';
import { isOpenRisk, type RiskItem } from './riskExposure.ts';
import { roi } from './roi.ts';

export interface KpiInitiative {
  id: string;
  segmentId?: string | null;
  /** Cost and benefit per period (index = period). */
  cost: readonly number[];
  benefit: readonly number[];
}

export interface KpiProduct {
  id: string;
  /** Lifecycle stage, e.g. 'introduction' | 'growth' | 'maturity' | 'decline'. */
  stage: string;
  revenue: readonly number[];
}

/** Demand and capacity of one team or role in one period (hours, FTE…); summed per period. */
export interface CapacityRow {
  period: number;
  demand: number;
  capacity: number;
}

/** A risk with the periods it was open in (opened ≤ t < closed); missing periods mean "from the start". */
export interface PeriodRisk extends RiskItem {
  openedPeriod?: number;
  closedPeriod?: number | null;
}

export interface PortfolioKpiInput {
  discountRate: number;
  /** Number of periods for the trends (0 … periods − 1). */
  periods: number;
  initiatives: readonly KpiInitiative[];
  segments: readonly { id: string; priority: number }[];
  products: readonly KpiProduct[];
  capacity: readonly CapacityRow[];
  risks: readonly PeriodRisk[];
}

export interface SegmentAlignmentRow {
  /** null = investment with no segment. */
  segmentId: string | null;
  investment: number;
  investmentShare: number;
  priorityShare: number;
}

export interface PeriodKpis {
  period: number;
  /** ROI of all flows up to and including this period (undiscounted). */
  cumulativeRoi: number | null;
  investment: number;
  utilization: number | null;
  riskExposure: number;
  alignment: number | null;
  revenueByStage: Record<string, number>;
}

export interface PortfolioKpis {
  roi: number | null;
  discountedRoi: number | null;
  npv: number;
  utilization: number | null;
  riskExposure: number;
  alignment: { score: number | null; bySegment: SegmentAlignmentRow[] };
  lifecycleMix: { stage: string; count: number; revenue: number; revenueShare: number }[];
  trends: PeriodKpis[];
}

/**
 * Alignment of investment with segment priorities: 1 − ½ Σ |investment share − priority share| over all
 * segments plus an "unassigned" bucket (priority 0). 1 = money goes exactly where the priorities say,
 * 0 = it all goes where priority is nil. Null without investment or without any priority.
 */
export function alignmentScore(
  investmentBySegment: ReadonlyMap<string | null, number>,
  segments: readonly { id: string; priority: number }[],
): { score: number | null; bySegment: SegmentAlignmentRow[] } {
  const totalInvestment = [...investmentBySegment.values()].reduce((a, b) => a + b, 0);
  const totalPriority = segments.reduce((a, s) => a + Math.max(0, s.priority), 0);
  const keys = new Set<string | null>([...segments.map((s) => s.id), ...investmentBySegment.keys()]);
  const priority = new Map(segments.map((s) => [s.id, Math.max(0, s.priority)]));
  const bySegment: SegmentAlignmentRow[] = [...keys].map((segmentId) => {
    const investment = investmentBySegment.get(segmentId) ?? 0;
    return {
      segmentId,
      investment,
      investmentShare: totalInvestment > 0 ? investment / totalInvestment : 0,
      priorityShare:
        totalPriority > 0 && segmentId !== null ? (priority.get(segmentId) ?? 0) / totalPriority : 0,
    };
  });
  if (totalInvestment <= 0 || totalPriority <= 0) return { score: null, bySegment };
  const distance = bySegment.reduce((s, r) => s + Math.abs(r.investmentShare - r.priorityShare), 0);
  return { score: 1 - distance / 2, bySegment };
}

const sum = (xs: readonly number[], upTo = xs.length - 1) => {
  let s = 0;
  for (let t = 0; t <= upTo && t < xs.length; t++) s += xs[t];
  return s;
};

function riskOpenAt(r: PeriodRisk, t: number): boolean {
  if ((r.openedPeriod ?? 0) > t) return false;
  if (r.closedPeriod !== undefined && r.closedPeriod !== null) return t < r.closedPeriod;
  return isOpenRisk(r);
}

/**
 * Portfolio KPIs for the dashboard: ROI (plain and discounted) and NPV over all initiatives, resource
 * utilization (Σ demand / Σ capacity), risk exposure of open risks, investment-by-segment alignment,
 * lifecycle mix (count and revenue per stage) and each of them per period as trends.
 */
export function portfolioKpis(input: PortfolioKpiInput): PortfolioKpis {
  const n = input.periods;
  const cost = new Array<number>(n).fill(0);
  const benefit = new Array<number>(n).fill(0);
  const investmentByPeriod = Array.from({ length: n }, () => new Map<string | null, number>());
  const investmentTotal = new Map<string | null, number>();
  for (const i of input.initiatives) {
    const seg = i.segmentId ?? null;
    for (let t = 0; t < n; t++) {
      const c = i.cost[t] ?? 0;
      cost[t] += c;
      benefit[t] += i.benefit[t] ?? 0;
      if (c !== 0) {
        investmentByPeriod[t].set(seg, (investmentByPeriod[t].get(seg) ?? 0) + c);
        investmentTotal.set(seg, (investmentTotal.get(seg) ?? 0) + c);
      }
    }
  }
  const demand = new Array<number>(n).fill(0);
  const capacity = new Array<number>(n).fill(0);
  for (const row of input.capacity) {
    if (row.period >= 0 && row.period < n) {
      demand[row.period] += row.demand;
      capacity[row.period] += row.capacity;
    }
  }
  const stages = new Map<string, { count: number; revenue: number }>();
  for (const p of input.products) {
    const s = stages.get(p.stage) ?? { count: 0, revenue: 0 };
    s.count++;
    s.revenue += sum(p.revenue, n - 1);
    stages.set(p.stage, s);
  }
  const totalRevenue = [...stages.values()].reduce((a, s) => a + s.revenue, 0);
  const totalCapacity = sum(capacity);

  const trends: PeriodKpis[] = [];
  for (let t = 0; t < n; t++) {
    const revenueByStage: Record<string, number> = {};
    for (const p of input.products)
      revenueByStage[p.stage] = (revenueByStage[p.stage] ?? 0) + (p.revenue[t] ?? 0);
    trends.push({
      period: t,
      cumulativeRoi: roi({ cost: cost.slice(0, t + 1), benefit: benefit.slice(0, t + 1) }),
      investment: cost[t],
      utilization: capacity[t] > 0 ? demand[t] / capacity[t] : null,
      riskExposure: input.risks
        .filter((r) => riskOpenAt(r, t))
        .reduce((s, r) => s + r.probability * r.impact, 0),
      alignment: alignmentScore(investmentByPeriod[t], input.segments).score,
      revenueByStage,
    });
  }
  return {
    roi: roi({ cost, benefit }),
    discountedRoi: roi({ cost, benefit }, input.discountRate),
    npv: npv(
      benefit.map((b, t) => b - cost[t]),
      input.discountRate,
    ),
    utilization: totalCapacity > 0 ? sum(demand) / totalCapacity : null,
    riskExposure: input.risks.filter(isOpenRisk).reduce((s, r) => s + r.probability * r.impact, 0),
    alignment: alignmentScore(investmentTotal, input.segments),
    lifecycleMix: [...stages].map(([stage, s]) => ({
      stage,
      count: s.count,
      revenue: s.revenue,
      revenueShare: totalRevenue > 0 ? s.revenue / totalRevenue : 0,
    })),
    trends,
  };
}

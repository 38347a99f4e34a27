import { asc, eq } from 'drizzle-orm';
import { periodAt, periodIndex, periodOf } from '../../domain/periods.ts';
import { netCashFlow } from '../../engine/finance/financialSummary.ts';
import { npv } from '../../engine/finance/npv.ts';
import { portfolioKpis } from '../../engine/finance/portfolioKpis.ts';
import { riskExposure } from '../../engine/finance/riskExposure.ts';
import { impactBin, probabilityBin, riskHeatMap } from '../../engine/finance/riskHeatMap.ts';
import type { BcgQuadrant } from '../../engine/lifecycle/bcgPlacement.ts';
import type { LifecycleAction } from '../../engine/lifecycle/lifecycleRecommendation.ts';
import {
  type GeLevel,
  type GePlacement,
  placeProducts,
  placeSegments,
} from '../../engine/segments/geMcKinsey.ts';
import { productFinancials, products } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadPlanningSettings } from '../finance/planningSettings.ts';
import { loadSegmentPriorities } from '../finance/segmentPriorities.ts';
import { alignedSeries, FUNDED_STAGES, loadInitiatives } from '../finance/storedInitiatives.ts';
import { loadRisks } from '../finance/storedRisks.ts';
import { getGoalProgress } from '../lifecycle/goalProgressReport.ts';
import { loadKpiSeries } from '../lifecycle/kpiAttainmentReport.ts';
import { getLifecycleRecommendations } from '../lifecycle/lifecycleRecommendations.ts';
import { capacityByPeriod } from './capacityByPeriod.ts';
import { type BubbleOrder, countBy, type DashboardBounds, DEFAULT_TOP, largest } from './dashboardBounds.ts';

/** Quarters of history the dashboard's trends show before the planning start. */
export const HISTORY_PERIODS = 8;
/** Longest timeline (quarters) the trends cover, whatever the initiatives' lengths. */
export const MAX_TIMELINE = 60;
/** A risk is "high" when its heat-map probability bin × impact bin is at least this (the red corner). */
export const HIGH_RISK_SCORE = 12;
/** How many proposed initiatives the "needs a decision" list shows (the count covers all). */
export const PROPOSALS_SHOWN = 20;

type Trend = { period: string; value: number | null }[];

const QUADRANTS: readonly BcgQuadrant[] = ['star', 'cash_cow', 'question_mark', 'dog'];
const LEVELS: readonly GeLevel[] = ['low', 'medium', 'high'];
/** A nine-box cell: market attractiveness level / business strength level. */
export type GeBox = `${GeLevel}/${GeLevel}`;
const BOXES = LEVELS.flatMap((a) => LEVELS.map((s) => `${a}/${s}` as GeBox));
const boxOf = (g: GePlacement): GeBox => `${g.attractivenessLevel}/${g.strengthLevel}`;

/** Sums over a group of initiatives in the risk × value view. */
export interface BubbleTotals {
  count: number;
  exposure: number;
  expectedValue: number;
  cost: number;
}

/** How many points a matrix has in all, how many the answer carries, and its placements counted. */
export interface NineBoxSummary {
  total: number;
  shown: number;
  boxes: Record<GeBox, number>;
}

export interface PortfolioDashboard {
  asOf: string;
  discountRate: number;
  /** Initiative stages counted as the funded portfolio in tiles and investment. */
  fundedStages: readonly string[];
  periods: string[];
  tiles: {
    roi: { value: number | null; discounted: number | null; npv: number; trend: Trend };
    utilization: { value: number | null; trend: Trend };
    riskExposure: { value: number; openCount: number; trend: Trend };
  };
  investmentBySegment: {
    alignmentScore: number | null;
    rows: {
      segmentId: string | null;
      name: string;
      rank: number | null;
      priority: number;
      investment: number;
      investmentShare: number;
      priorityShare: number;
    }[];
    trend: Trend;
  };
  /** The `top` initiatives by `riskValueSummary.by`, largest first (the summary covers all of them). */
  riskValueBubbles: {
    initiativeId: string;
    name: string;
    stage: string;
    segmentId: string | null;
    productId: string | null;
    exposure: number;
    npv: number;
    probability: number;
    expectedValue: number;
    cost: number;
  }[];
  riskValueSummary: {
    total: number;
    shown: number;
    by: BubbleOrder;
    /** Every initiative past proposal (approved, active, done) and every proposed one. */
    funded: BubbleTotals;
    proposed: BubbleTotals;
  };
  /** The `top` products by recent revenue, largest first. */
  bcg: {
    productId: string;
    name: string;
    marketGrowth: number;
    relativeMarketShare: number;
    quadrant: BcgQuadrant;
    revenue: number;
    recommendation: LifecycleAction;
  }[];
  bcgSummary: {
    total: number;
    shown: number;
    quadrants: Record<BcgQuadrant, { count: number; revenue: number }>;
  };
  /** The `top` segments by priority and the `top` products by recent revenue. */
  geMcKinsey: {
    segments: (GePlacement & { name: string })[];
    products: (GePlacement & { name: string })[];
  };
  geMcKinseySummary: { segments: NineBoxSummary; products: NineBoxSummary };
  lifecycleMix: {
    stages: { stage: string; count: number; revenue: number; revenueShare: number }[];
    revenueTrend: { period: string; revenueByStage: Record<string, number> }[];
  };
  needsDecision: {
    proposedInitiatives: {
      count: number;
      top: { id: string; name: string; kind: string; expectedValue: number; cost: number }[];
    };
    products: {
      productId: string;
      name: string;
      recommendation: LifecycleAction;
      current: LifecycleAction | null;
      reason: 'no_decision' | 'differs';
    }[];
    offTrackGoals: { goalId: string; name: string; progress: number; expectedProgress: number }[];
    openHighRisks: {
      id: string;
      title: string;
      probability: number;
      impact: number;
      exposure: number;
      productId: string | null;
      initiativeId: string | null;
    }[];
  };
}

/**
 * The portfolio dashboard in one call: ROI, utilization and risk-exposure tiles with trends per quarter,
 * investment by segment against segment priority (alignment score), risk × value bubbles per initiative,
 * BCG and GE-McKinsey placements, lifecycle mix, and what needs a decision. About twenty set-based queries
 * run in parallel (none per row), so the cost grows with the data, not with round trips.
 *
 * The matrices carry the `top` points a chart can show, with counts and totals over all of them: at
 * thousands of initiatives every bubble made the answer megabytes that no screen draws legibly.
 */
export async function getPortfolioDashboard(
  ctx: ServiceContext,
  bounds: DashboardBounds = { top: DEFAULT_TOP, bubblesBy: 'expectedValue' },
): Promise<PortfolioDashboard> {
  const db = ctx.store.db;
  const org = ctx.orgId;
  const settings = await loadPlanningSettings(ctx);
  const rate = settings.discountRate;
  const [priorities, open, riskList, kpiSeries, productRows, revenueRows, goalRows] = await Promise.all([
    loadSegmentPriorities(ctx, settings.segmentFactorWeights),
    loadInitiatives(db, org),
    loadRisks(db, org),
    loadKpiSeries(ctx),
    db
      .select({
        id: products.id,
        name: products.name,
        stage: products.lifecycleStage,
        segments: products.segments,
      })
      .from(products)
      .where(eq(products.orgId, org))
      .orderBy(asc(products.name), asc(products.id)),
    db
      .select({
        productId: productFinancials.productId,
        period: productFinancials.period,
        revenue: productFinancials.revenue,
      })
      .from(productFinancials)
      .where(eq(productFinancials.orgId, org)),
    getGoalProgress(ctx, { settings }),
  ]);
  const recommendations = await getLifecycleRecommendations(ctx, { priorities, kpis: kpiSeries });

  // One timeline: HISTORY_PERIODS quarters before the planning start to the end of the last funded flow.
  const funded = open.filter((i) => FUNDED_STAGES.includes(i.stage as (typeof FUNDED_STAGES)[number]));
  const planStart = periodIndex(settings.planningStart);
  const base = planStart - HISTORY_PERIODS;
  let end = planStart + settings.planningPeriods - 1;
  for (const i of funded) {
    const len = Math.max(i.costPerPeriod.length, i.benefitPerPeriod.length);
    end = Math.max(end, periodIndex(i.startPeriod) + len - 1);
  }
  end = Math.min(end, base + MAX_TIMELINE - 1);
  const periods = Array.from({ length: end - base + 1 }, (_, t) => periodAt(base + t));
  const baseLabel = periods[0]!;
  // People's capacity is known only as it is now: utilization covers the planning horizon, not history.
  const horizon = periods.slice(HISTORY_PERIODS, HISTORY_PERIODS + settings.planningPeriods);
  const capacity = (await capacityByPeriod(db, org, horizon, FUNDED_STAGES)).map((r) => ({
    ...r,
    period: r.period + HISTORY_PERIODS,
  }));

  const revenueByProduct = new Map<string, number[]>();
  for (const r of revenueRows) {
    const t = periodIndex(r.period) - base;
    if (t < 0 || t >= periods.length) continue;
    const series = revenueByProduct.get(r.productId) ?? new Array<number>(periods.length).fill(0);
    series[t] = (series[t] ?? 0) + r.revenue;
    revenueByProduct.set(r.productId, series);
  }
  const clampPeriod = (d: Date) => Math.max(0, periodIndex(periodOf(d)) - base);
  const kpis = portfolioKpis({
    discountRate: rate,
    periods: periods.length,
    initiatives: funded.map((i) => ({ id: i.id, segmentId: i.segmentId, ...alignedSeries(i, baseLabel) })),
    segments: priorities.segments.map((s) => ({ id: s.id, priority: s.priority })),
    products: productRows.map((p) => ({
      id: p.id,
      stage: p.stage,
      revenue: revenueByProduct.get(p.id) ?? [],
    })),
    capacity,
    risks: riskList.map((r) => ({
      ...r,
      openedPeriod: clampPeriod(r.createdAt),
      closedPeriod: r.status === 'closed' ? clampPeriod(r.updatedAt) : null,
    })),
  });
  const trend = (pick: (k: (typeof kpis.trends)[number]) => number | null): Trend =>
    kpis.trends.map((k) => ({ period: periods[k.period]!, value: pick(k) }));

  const exposure = riskExposure(riskList);
  const bubbles = open.map((i) => {
    // Only NPV and cost are shown: no IRR search per bubble.
    const net = netCashFlow({ cost: i.costPerPeriod, benefit: i.benefitPerPeriod });
    const s = { npv: npv(net, rate), totalCost: i.costPerPeriod.reduce((a, b) => a + b, 0) };
    return {
      initiativeId: i.id,
      name: i.name,
      stage: i.stage,
      segmentId: i.segmentId,
      productId: i.productId,
      exposure: exposure.byInitiative[i.id] ?? 0,
      npv: s.npv,
      probability: i.probability,
      expectedValue: s.npv * i.probability,
      cost: s.totalCost,
    };
  });

  const segmentNames = new Map(priorities.segments.map((s) => [s.id, s]));
  const known = new Set(priorities.inputs.map((s) => s.id));
  const productNames = new Map(productRows.map((p) => [p.id, p.name]));
  const heat = riskHeatMap(riskList);
  const highRisks = riskList
    .filter(
      (r) =>
        r.status === 'open' &&
        probabilityBin(r.probability) * impactBin(r.impact, heat.moneyThresholds) >= HIGH_RISK_SCORE,
    )
    .map((r) => ({
      id: r.id,
      title: r.title,
      probability: r.probability,
      impact: r.impact,
      exposure: r.probability * r.impact,
      productId: r.productId,
      initiativeId: r.initiativeId,
    }))
    .sort((a, b) => b.exposure - a.exposure);
  const proposed = bubbles
    .filter((b) => b.stage === 'proposed')
    .sort((a, b) => b.expectedValue - a.expectedValue);
  const kindById = new Map(open.map((i) => [i.id, i.kind]));

  const { top } = bounds;
  const sumBubbles = (rows: typeof bubbles): BubbleTotals => ({
    count: rows.length,
    exposure: rows.reduce((s, b) => s + b.exposure, 0),
    expectedValue: rows.reduce((s, b) => s + b.expectedValue, 0),
    cost: rows.reduce((s, b) => s + b.cost, 0),
  });
  const bcg = recommendations.map((r) => ({
    productId: r.productId,
    name: r.name,
    marketGrowth: r.placement.marketGrowth,
    relativeMarketShare: r.placement.relativeMarketShare,
    quadrant: r.placement.quadrant,
    revenue: r.recentRevenue,
    recommendation: r.recommendation,
  }));
  const revenueOf = new Map(bcg.map((p) => [p.productId, p.revenue]));
  const geSegments = placeSegments(priorities.inputs, priorities.factorWeights).map((g) => ({
    ...g,
    name: segmentNames.get(g.id)?.name ?? '',
  }));
  const geProducts = placeProducts(
    productRows.map((p) => ({
      id: p.id,
      servedSegments: p.segments.filter((s) => known.has(s.segmentId)),
    })),
    priorities.inputs,
    priorities.factorWeights,
  ).map((g) => ({ ...g, name: productNames.get(g.id) ?? '' }));
  const nineBox = (rows: GePlacement[], shown: number): NineBoxSummary => ({
    total: rows.length,
    shown,
    boxes: countBy(rows, BOXES, boxOf),
  });
  const shownBubbles = largest(
    bubbles,
    top,
    (b) => b[bounds.bubblesBy],
    (b) => b.initiativeId,
  );
  const shownBcg = largest(
    bcg,
    top,
    (p) => p.revenue,
    (p) => p.productId,
  );
  const shownSegments = largest(
    geSegments,
    top,
    (g) => segmentNames.get(g.id)?.priority ?? 0,
    (g) => g.id,
  );
  const shownProducts = largest(
    geProducts,
    top,
    (g) => revenueOf.get(g.id) ?? 0,
    (g) => g.id,
  );

  return {
    asOf: settings.planningStart,
    discountRate: rate,
    fundedStages: FUNDED_STAGES,
    periods,
    tiles: {
      roi: {
        value: kpis.roi,
        discounted: kpis.discountedRoi,
        // The engine discounts to the first quarter of the timeline; state NPV at the planning start.
        npv: kpis.npv * (1 + rate) ** (planStart - base),
        trend: trend((k) => k.cumulativeRoi),
      },
      utilization: { value: kpis.utilization, trend: trend((k) => k.utilization) },
      riskExposure: {
        value: kpis.riskExposure,
        openCount: exposure.openCount,
        trend: trend((k) => k.riskExposure),
      },
    },
    investmentBySegment: {
      alignmentScore: kpis.alignment.score,
      rows: kpis.alignment.bySegment.map((r) => {
        const s = r.segmentId === null ? undefined : segmentNames.get(r.segmentId);
        return {
          ...r,
          name: s?.name ?? 'No segment',
          rank: s?.rank ?? null,
          priority: s?.priority ?? 0,
        };
      }),
      trend: trend((k) => k.alignment),
    },
    riskValueBubbles: shownBubbles,
    riskValueSummary: {
      total: bubbles.length,
      shown: shownBubbles.length,
      by: bounds.bubblesBy,
      funded: sumBubbles(bubbles.filter((b) => b.stage !== 'proposed')),
      proposed: sumBubbles(proposed),
    },
    bcg: shownBcg,
    bcgSummary: {
      total: bcg.length,
      shown: shownBcg.length,
      quadrants: Object.fromEntries(
        QUADRANTS.map((q) => {
          const inQ = bcg.filter((p) => p.quadrant === q);
          return [q, { count: inQ.length, revenue: inQ.reduce((s, p) => s + p.revenue, 0) }];
        }),
      ) as Record<BcgQuadrant, { count: number; revenue: number }>,
    },
    geMcKinsey: { segments: shownSegments, products: shownProducts },
    geMcKinseySummary: {
      segments: nineBox(geSegments, shownSegments.length),
      products: nineBox(geProducts, shownProducts.length),
    },
    lifecycleMix: {
      stages: kpis.lifecycleMix,
      revenueTrend: kpis.trends.map((k) => ({
        period: periods[k.period]!,
        revenueByStage: k.revenueByStage,
      })),
    },
    needsDecision: {
      proposedInitiatives: {
        count: proposed.length,
        top: proposed.slice(0, PROPOSALS_SHOWN).map((b) => ({
          id: b.initiativeId,
          name: b.name,
          kind: kindById.get(b.initiativeId) ?? '',
          expectedValue: b.expectedValue,
          cost: b.cost,
        })),
      },
      products: recommendations.flatMap((r) =>
        r.needsDecision
          ? [
              {
                productId: r.productId,
                name: r.name,
                recommendation: r.recommendation,
                current: r.decision.current,
                reason: r.needsDecision,
              },
            ]
          : [],
      ),
      offTrackGoals: goalRows
        .filter((g) => g.offTrack)
        .map((g) => ({
          goalId: g.goalId,
          name: g.name,
          progress: g.progress,
          expectedProgress: g.expectedProgress,
        })),
      openHighRisks: highRisks,
    },
  };
}

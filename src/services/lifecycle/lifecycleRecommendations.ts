import { asc, eq, sql } from 'drizzle-orm';
import type { BcgPlacement } from '../../engine/lifecycle/bcgPlacement.ts';
import {
  type LifecycleAction,
  lifecycleRecommendation,
  type RecommendationReason,
} from '../../engine/lifecycle/lifecycleRecommendation.ts';
import { compoundGrowth, goalFitScore } from '../../engine/segments/segmentRanking.ts';
import { queryRows } from '../../store/queryRows.ts';
import { competitors, productFinancials, products } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadPlanningSettings } from '../finance/planningSettings.ts';
import { loadSegmentPriorities, type SegmentPriorities } from '../finance/segmentPriorities.ts';
import { attainmentRow, type KpiSeries, loadKpiSeries } from './kpiAttainmentReport.ts';

export interface ProductRecommendation {
  productId: string;
  name: string;
  lifecycleStage: string;
  placement: BcgPlacement;
  /** Revenue of the last 4 recorded quarters (the bubble size on the BCG chart). */
  recentRevenue: number;
  grossMargin: number | null;
  strategicFit: number;
  /** Product share of its served market and the largest competitor's share there. */
  marketShare: number;
  largestCompetitorShare: number;
  score: number;
  recommendation: LifecycleAction;
  reasons: RecommendationReason[];
  /** What a person recorded (products.investmentDecision), with the latest decision-log entry on it. */
  decision: {
    current: LifecycleAction | null;
    rationale: string | null;
    lastLogged: { title: string; rationale: string; actorName: string; at: string } | null;
  };
  /** The recommendation differs from the recorded decision, or nothing was decided yet. */
  needsDecision: 'no_decision' | 'differs' | null;
}

interface DecisionRow {
  subject_id: string;
  title: string;
  rationale: string;
  actor_name: string;
  created_at: Date | string;
}

/**
 * Invest / maintain / retire per product with its BCG placement and the reasons (numbers included), from the
 * stored data: served-market growth = the served segments' compound forecast growth weighted by the
 * product's revenue estimate there (share × market size; fit when no share); relative share = the
 * product's share of its served market ÷ the largest share of a competitor active in those segments; gross
 * margin from product_financials; strategic fit = the fit-weighted mean goal fit of its segments under the
 * goal weights; KPI trend = mean direction-aware trend of its KPIs. A handful of queries for all products.
 */
export async function getLifecycleRecommendations(
  ctx: ServiceContext,
  preloaded?: { priorities?: SegmentPriorities; kpis?: KpiSeries[] },
): Promise<ProductRecommendation[]> {
  const db = ctx.store.db;
  const org = ctx.orgId;
  const [priorities, productRows, financialRows, competitorRows, kpiSeries, decisionRows] = await Promise.all(
    [
      preloaded?.priorities ??
        loadPlanningSettings(ctx).then((s) => loadSegmentPriorities(ctx, s.segmentFactorWeights)),
      db
        .select({
          id: products.id,
          name: products.name,
          lifecycleStage: products.lifecycleStage,
          segments: products.segments,
          investmentDecision: products.investmentDecision,
          decisionRationale: products.decisionRationale,
        })
        .from(products)
        .where(eq(products.orgId, org))
        .orderBy(asc(products.name), asc(products.id)),
      db
        .select({
          productId: productFinancials.productId,
          revenue: productFinancials.revenue,
          cost: productFinancials.cost,
        })
        .from(productFinancials)
        .where(eq(productFinancials.orgId, org))
        .orderBy(asc(productFinancials.productId), asc(productFinancials.period)),
      db
        .select({ segmentIds: competitors.segmentIds, marketShare: competitors.marketShare })
        .from(competitors)
        .where(eq(competitors.orgId, org)),
      preloaded?.kpis ?? loadKpiSeries(ctx),
      queryRows<DecisionRow>(
        db,
        sql`SELECT DISTINCT ON (subject_id) subject_id, title, rationale, actor_name, created_at
          FROM decisions
          WHERE org_id = ${org} AND subject_type = 'product' AND kind = 'investment' AND subject_id IS NOT NULL
          ORDER BY subject_id, created_at DESC, id DESC`,
      ),
    ],
  );
  const segmentById = new Map(priorities.inputs.map((s) => [s.id, s]));
  const money = new Map<string, { revenue: number[]; cost: number[] }>();
  for (const f of financialRows) {
    const m = money.get(f.productId) ?? { revenue: [], cost: [] };
    m.revenue.push(f.revenue);
    m.cost.push(f.cost);
    money.set(f.productId, m);
  }
  const trends = new Map<string, number[]>();
  for (const k of kpiSeries) {
    if (!k.productId) continue;
    const t = attainmentRow(k).directionalTrend;
    if (t === null) continue;
    const list = trends.get(k.productId);
    if (list) list.push(t);
    else trends.set(k.productId, [t]);
  }
  const lastDecision = new Map(decisionRows.map((d) => [String(d.subject_id), d]));

  return productRows.map((p) => {
    const served = p.segments.filter((s) => segmentById.has(s.segmentId));
    const revenueEstimate = served.map((s) => s.share * segmentById.get(s.segmentId)!.marketSize);
    const useShare = revenueEstimate.some((x) => x > 0);
    const servedSegments = served.map((s, k) => ({
      segmentId: s.segmentId,
      weight: useShare ? revenueEstimate[k]! : s.fit,
      marketGrowth: compoundGrowth(segmentById.get(s.segmentId)!.growthForecast),
    }));
    const servedMarket = served.reduce((t, s) => t + segmentById.get(s.segmentId)!.marketSize, 0);
    const marketShare = servedMarket > 0 ? revenueEstimate.reduce((a, b) => a + b, 0) / servedMarket : 0;
    const servedIds = new Set(served.map((s) => s.segmentId));
    const largestCompetitorShare = competitorRows
      .filter((c) => c.segmentIds.some((id) => servedIds.has(id)))
      .reduce((m, c) => Math.max(m, c.marketShare), 0);
    const fitTotal = served.reduce((t, s) => t + s.fit, 0);
    const strategicFit =
      fitTotal > 0
        ? served.reduce(
            (t, s) => t + s.fit * goalFitScore(segmentById.get(s.segmentId)!.goalFit, priorities.goalWeights),
            0,
          ) / fitTotal
        : 0;
    const m = money.get(p.id) ?? { revenue: [], cost: [] };
    const rec = lifecycleRecommendation({
      productId: p.id,
      servedSegments,
      marketShare,
      largestCompetitorShare,
      revenue: m.revenue,
      cost: m.cost,
      strategicFit,
      kpiTrends: trends.get(p.id) ?? [],
    });
    const current = (p.investmentDecision as LifecycleAction | null) ?? null;
    const logged = lastDecision.get(p.id);
    return {
      productId: p.id,
      name: p.name,
      lifecycleStage: p.lifecycleStage,
      placement: rec.placement,
      recentRevenue: m.revenue.slice(-4).reduce((a, b) => a + b, 0),
      grossMargin: rec.grossMargin,
      strategicFit,
      marketShare,
      largestCompetitorShare,
      score: rec.score,
      recommendation: rec.action,
      reasons: rec.reasons,
      decision: {
        current,
        rationale: p.decisionRationale,
        lastLogged: logged
          ? {
              title: logged.title,
              rationale: logged.rationale,
              actorName: logged.actor_name,
              at: new Date(logged.created_at).toISOString(),
            }
          : null,
      },
      needsDecision:
        p.lifecycleStage === 'retired'
          ? null
          : current === null
            ? 'no_decision'
            : current !== rec.action
              ? 'differs'
              : null,
    };
  });
}

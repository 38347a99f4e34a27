import {
  type BcgPlacement,
  type BcgThresholds,
  bcgPlacement,
  relativeMarketShare,
  type ServedSegment,
  servedMarketGrowth,
} from './bcgPlacement.ts';

export type LifecycleAction = 'invest' | 'maintain' | 'retire';
export type ReasonFactor = 'growth' | 'margin' | 'share' | 'strategic_fit' | 'kpi_trend' | 'quadrant';

/** One line of the explanation: the factor, its number, the points it gave and a sentence. */
export interface RecommendationReason {
  factor: ReasonFactor;
  value: number | null;
  points: number;
  text: string;
}

/** What the recommender needs about one product (plain numbers the service gathers from the store). */
export interface LifecycleProductInput {
  productId: string;
  servedSegments: readonly ServedSegment[];
  /** Our market share (0..1) and the largest competitor's. */
  marketShare: number;
  largestCompetitorShare: number;
  /** Revenue and cost per period (most recent last); gross margin uses the last `marginWindow` periods. */
  revenue: readonly number[];
  cost: readonly number[];
  /** How well the product serves the weighted strategic goals, 0..1. */
  strategicFit: number;
  /** Direction-aware KPI trends (> 0 = improving), e.g. KpiAttainment.directionalTrend of each KPI. */
  kpiTrends: readonly number[];
}

export interface LifecycleRecommendationOptions extends BcgThresholds {
  /** Periods used for gross margin (default 4). */
  marginWindow?: number;
}

export interface LifecycleRecommendation {
  productId: string;
  placement: BcgPlacement;
  grossMargin: number | null;
  score: number;
  action: LifecycleAction;
  reasons: RecommendationReason[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Gross margin (revenue − cost)/revenue over the last `window` periods; null without revenue. */
export function grossMargin(revenue: readonly number[], cost: readonly number[], window = 4): number | null {
  const n = Math.max(revenue.length, cost.length);
  let r = 0;
  let c = 0;
  for (let t = Math.max(0, n - window); t < n; t++) {
    r += revenue[t] ?? 0;
    c += cost[t] ?? 0;
  }
  return r > 0 ? (r - c) / r : null;
}

/**
 * Invest / maintain / retire recommendation with its reasons, by a transparent points system (each factor
 * scores −1, 0 or +1; the quadrant adds +1 for a star and −1 for a dog): total ≥ 2 → invest, ≤ −2 → retire,
 * otherwise maintain. Thresholds are documented in docs/finance.md. The decision itself is a person's.
 */
export function lifecycleRecommendation(
  product: LifecycleProductInput,
  options: LifecycleRecommendationOptions = {},
): LifecycleRecommendation {
  const growthThreshold = options.growth ?? 0.1;
  const growth = servedMarketGrowth(product.servedSegments);
  const share = relativeMarketShare(product.marketShare, product.largestCompetitorShare);
  const placement = bcgPlacement(growth, share, options);
  const margin = grossMargin(product.revenue, product.cost, options.marginWindow ?? 4);
  const trend = product.kpiTrends.length
    ? product.kpiTrends.reduce((a, b) => a + b, 0) / product.kpiTrends.length
    : null;
  const reasons: RecommendationReason[] = [];
  const add = (factor: ReasonFactor, value: number | null, points: number, text: string) =>
    reasons.push({ factor, value, points, text });

  if (growth >= growthThreshold)
    add('growth', growth, 1, `served markets grow ${pct(growth)} (≥ ${pct(growthThreshold)})`);
  else if (growth < 0) add('growth', growth, -1, `served markets shrink ${pct(growth)}`);
  else add('growth', growth, 0, `served markets grow ${pct(growth)}`);

  if (margin === null) add('margin', null, 0, 'no revenue recorded: gross margin unknown');
  else if (margin >= 0.4) add('margin', margin, 1, `gross margin ${pct(margin)} (≥ 40 %)`);
  else if (margin < 0.1) add('margin', margin, -1, `gross margin ${pct(margin)} (< 10 %)`);
  else add('margin', margin, 0, `gross margin ${pct(margin)}`);

  if (share >= 1) add('share', share, 1, `relative market share ${share.toFixed(2)} (leader)`);
  else if (share < 0.5)
    add('share', share, -1, `relative market share ${share.toFixed(2)} (< 0.5 of the leader)`);
  else add('share', share, 0, `relative market share ${share.toFixed(2)}`);

  const fit = product.strategicFit;
  if (fit >= 0.6) add('strategic_fit', fit, 1, `strategic fit ${fit.toFixed(2)} (≥ 0.6)`);
  else if (fit < 0.3) add('strategic_fit', fit, -1, `strategic fit ${fit.toFixed(2)} (< 0.3)`);
  else add('strategic_fit', fit, 0, `strategic fit ${fit.toFixed(2)}`);

  if (trend === null) add('kpi_trend', null, 0, 'no KPI trend measured');
  else if (trend > 0.02) add('kpi_trend', trend, 1, `KPIs improving ${pct(trend)} per period`);
  else if (trend < -0.02) add('kpi_trend', trend, -1, `KPIs worsening ${pct(-trend)} per period`);
  else add('kpi_trend', trend, 0, `KPIs flat (${pct(trend)} per period)`);

  const quadrantPoints = placement.quadrant === 'star' ? 1 : placement.quadrant === 'dog' ? -1 : 0;
  add('quadrant', null, quadrantPoints, `BCG quadrant: ${placement.quadrant.replace('_', ' ')}`);

  const score = reasons.reduce((s, r) => s + r.points, 0);
  const action: LifecycleAction = score >= 2 ? 'invest' : score <= -2 ? 'retire' : 'maintain';
  return { productId: product.productId, placement, grossMargin: margin, score, action, reasons };
}

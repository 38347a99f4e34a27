export type BcgQuadrant = 'star' | 'cash_cow' | 'question_mark' | 'dog';

/** A segment the product serves, with the product's revenue there (the weight) and the market growth rate. */
export interface ServedSegment {
  segmentId: string;
  /** Weight of the segment for this product, e.g. the product's revenue in it. */
  weight: number;
  /** Market growth per year as a fraction (0.12 = 12 %). */
  marketGrowth: number;
}

export interface BcgThresholds {
  /** Market growth at or above which the market is "high growth" (default 0.10). */
  growth?: number;
  /** Relative market share at or above which the product leads (default 1.0). */
  relativeShare?: number;
}

export interface BcgPlacement {
  marketGrowth: number;
  relativeMarketShare: number;
  quadrant: BcgQuadrant;
}

/** Weighted mean market growth of the segments the product serves (0 when it serves none). */
export function servedMarketGrowth(segments: readonly ServedSegment[]): number {
  const w = segments.reduce((s, x) => s + x.weight, 0);
  if (w > 0) return segments.reduce((s, x) => s + x.weight * x.marketGrowth, 0) / w;
  return segments.length ? segments.reduce((s, x) => s + x.marketGrowth, 0) / segments.length : 0;
}

/**
 * Relative market share = our share / the largest competitor's share. With no competitor share the product
 * is the only player: returned as 10 (a cap that keeps charts and JSON finite).
 */
export function relativeMarketShare(ourShare: number, largestCompetitorShare: number): number {
  if (largestCompetitorShare <= 0) return ourShare > 0 ? 10 : 0;
  return Math.min(10, ourShare / largestCompetitorShare);
}

/**
 * BCG growth-share placement: high growth & leading share → star; low growth & leading → cash cow; high
 * growth & trailing → question mark; low growth & trailing → dog.
 */
export function bcgPlacement(
  marketGrowth: number,
  relativeShare: number,
  thresholds: BcgThresholds = {},
): BcgPlacement {
  const highGrowth = marketGrowth >= (thresholds.growth ?? 0.1);
  const leads = relativeShare >= (thresholds.relativeShare ?? 1);
  const quadrant: BcgQuadrant = highGrowth ? (leads ? 'star' : 'question_mark') : leads ? 'cash_cow' : 'dog';
  return { marketGrowth, relativeMarketShare: relativeShare, quadrant };
}

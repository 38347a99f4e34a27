import {
  type FactorWeights,
  normalizeFactorWeights,
  type SegmentInput,
  segmentFactors,
  swotBalance,
} from './segmentRanking.ts';

export type GeLevel = 'low' | 'medium' | 'high';
export type GeRecommendation = 'invest_grow' | 'selectivity' | 'harvest_divest';

export interface GePlacement {
  id: string;
  /** Market attractiveness 0..1. */
  attractiveness: number;
  /** Business strength (ability to win) 0..1. */
  strength: number;
  attractivenessLevel: GeLevel;
  strengthLevel: GeLevel;
  recommendation: GeRecommendation;
}

/** Share at which the share component of business strength is full (a dominant position); default 30 %. */
export const DEFAULT_FULL_STRENGTH_SHARE = 0.3;

/** Level of a 0..1 value on the 3×3 grid: below 1/3 low, from 2/3 high. */
export function geLevel(x: number): GeLevel {
  if (x >= 2 / 3) return 'high';
  if (x >= 1 / 3) return 'medium';
  return 'low';
}

const RANK: Record<GeLevel, number> = { low: 0, medium: 1, high: 2 };

/**
 * The GE-McKinsey nine-box rule: the three cells in the upper-left (high/high, high/medium, medium/high)
 * invest and grow; the diagonal (high/low, medium/medium, low/high) is selective; the rest harvest or divest.
 */
export function geRecommendation(attractiveness: GeLevel, strength: GeLevel): GeRecommendation {
  const sum = RANK[attractiveness] + RANK[strength];
  if (sum >= 3) return 'invest_grow';
  if (sum === 2) return 'selectivity';
  return 'harvest_divest';
}

function place(id: string, attractiveness: number, strength: number): GePlacement {
  const a = geLevel(attractiveness);
  const s = geLevel(strength);
  return {
    id,
    attractiveness,
    strength,
    attractivenessLevel: a,
    strengthLevel: s,
    recommendation: geRecommendation(a, s),
  };
}

/**
 * Market attractiveness of each segment (segment id → 0..1): the external factors of the attractiveness
 * score — normalized market size, growth and the external SWOT balance (opportunities vs threats) —
 * weighted by the organization's marketSize, growth and swot factor weights.
 */
export function marketAttractiveness(
  segments: readonly SegmentInput[],
  factorWeights?: Partial<FactorWeights>,
): Record<string, number> {
  const w = normalizeFactorWeights(factorWeights);
  const total = w.marketSize + w.growth + w.swot;
  const factors = segmentFactors(segments, {});
  return Object.fromEntries(
    segments.map((s, k) => {
      const external = (swotBalance(s.swot, ['opportunity', 'threat']) + 1) / 2;
      const n = factors[k].normalized;
      const value =
        total > 0 ? (w.marketSize * n.marketSize + w.growth * n.growth + w.swot * external) / total : 0.5;
      return [s.id, value];
    }),
  );
}

/**
 * GE-McKinsey placement of segments: attractiveness from `marketAttractiveness`, business strength =
 * ½ · min(1, share ÷ fullStrengthShare) + ½ · internal SWOT balance (strengths vs weaknesses) on 0..1.
 */
export function placeSegments(
  segments: readonly SegmentInput[],
  factorWeights?: Partial<FactorWeights>,
  fullStrengthShare = DEFAULT_FULL_STRENGTH_SHARE,
): GePlacement[] {
  const attractiveness = marketAttractiveness(segments, factorWeights);
  return segments.map((s) => {
    const share = Math.min(1, s.ourShare / fullStrengthShare);
    const internal = (swotBalance(s.swot, ['strength', 'weakness']) + 1) / 2;
    return place(s.id, attractiveness[s.id], 0.5 * share + 0.5 * internal);
  });
}

/** A product as placed on the grid: the segments it serves, how well it fits each, its share in each. */
export interface ProductPlacementInput {
  id: string;
  servedSegments: readonly { segmentId: string; fit: number; share: number }[];
}

/**
 * GE-McKinsey placement of products, each averaged over its served segments with the product's fit as
 * weight: attractiveness = fit-weighted mean of the segments' attractiveness; strength = fit-weighted
 * mean of ½ · min(1, share ÷ fullStrengthShare) + ½ · fit. A product serving no segment (or fit 0
 * everywhere) sits at 0/0: harvest/divest.
 */
export function placeProducts(
  products: readonly ProductPlacementInput[],
  segments: readonly SegmentInput[],
  factorWeights?: Partial<FactorWeights>,
  fullStrengthShare = DEFAULT_FULL_STRENGTH_SHARE,
): GePlacement[] {
  const attractiveness = marketAttractiveness(segments, factorWeights);
  return products.map((p) => {
    let fitTotal = 0;
    let a = 0;
    let s = 0;
    for (const served of p.servedSegments) {
      const segA = attractiveness[served.segmentId];
      if (segA === undefined)
        throw new RangeError(`product ${p.id} serves unknown segment ${served.segmentId}`);
      fitTotal += served.fit;
      a += served.fit * segA;
      s += served.fit * (0.5 * Math.min(1, served.share / fullStrengthShare) + 0.5 * served.fit);
    }
    return fitTotal > 0 ? place(p.id, a / fitTotal, s / fitTotal) : place(p.id, 0, 0);
  });
}

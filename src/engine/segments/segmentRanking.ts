/**
 * Segment attractiveness and the pecking order: one score per segment from five normalized factors,
 * ranked, with a per-factor breakdown that explains every rank and manual overrides that need a rationale.
 */

export type SwotKind = 'strength' | 'weakness' | 'opportunity' | 'threat';

export interface SegmentInput {
  id: string;
  name: string;
  /** Market size in money. */
  marketSize: number;
  /** Annual growth rates over the forecast horizon, e.g. [0.12, 0.10, 0.08]. */
  growthForecast: readonly number[];
  swot: readonly { kind: SwotKind; text?: string; score: number }[];
  /** Our current market share, 0..1. */
  ourShare: number;
  /** How well the segment serves each strategic goal (goal id → 0..1). */
  goalFit: Readonly<Record<string, number>>;
  override?: { rank: number; rationale: string } | null;
}

export type FactorName = 'marketSize' | 'growth' | 'swot' | 'share' | 'goalFit';
export type FactorWeights = Record<FactorName, number>;

/** Default factor weights (an organization can change them): size and growth lead, share counts least. */
export const DEFAULT_FACTOR_WEIGHTS: Readonly<FactorWeights> = {
  marketSize: 0.25,
  growth: 0.25,
  swot: 0.2,
  share: 0.1,
  goalFit: 0.2,
};

export const FACTOR_NAMES: readonly FactorName[] = ['marketSize', 'growth', 'swot', 'share', 'goalFit'];

export interface FactorBreakdown {
  name: FactorName;
  /** The factor before normalization (market size in money, CAGR, SWOT balance −1..1, share, goal fit). */
  raw: number;
  /** 0..1 */
  normalized: number;
  /** The factor weight after the weights are scaled to sum 1. */
  weight: number;
  /** normalized × weight; the contributions add up to the score. */
  contribution: number;
}

export interface RankedSegment {
  segmentId: string;
  name: string;
  /** Final rank (1 = most attractive), after overrides. */
  rank: number;
  /** Rank by score alone. */
  computedRank: number;
  /** Attractiveness 0..1 = Σ contributions. */
  score: number;
  /** Priority weight for feature scoring; the weights of all segments sum to 1 (see docs/scoring.md). */
  weight: number;
  factors: FactorBreakdown[];
  overridden: boolean;
  rationale?: string;
}

/** A manual override to record in the decision log. */
export interface SegmentOverrideDecision {
  segmentId: string;
  fromRank: number;
  toRank: number;
  rationale: string;
}

export interface SegmentRanking {
  segments: RankedSegment[];
  overrides: SegmentOverrideDecision[];
  /** The factor weights used (sum 1). */
  factorWeights: FactorWeights;
}

/** Compound annual growth rate over the forecast horizon: (Π(1 + gᵢ))^(1/n) − 1; 0 without a forecast. */
export function compoundGrowth(rates: readonly number[]): number {
  if (rates.length === 0) return 0;
  let product = 1;
  for (const g of rates) product *= 1 + g;
  return product <= 0 ? -1 : product ** (1 / rates.length) - 1;
}

/**
 * SWOT balance in −1..1: (Σ strengths + Σ opportunities − Σ weaknesses − Σ threats) ÷ Σ all scores;
 * 0 for an empty SWOT. `kinds` restricts it (e.g. internal: strength vs weakness).
 */
export function swotBalance(
  swot: SegmentInput['swot'],
  kinds: readonly SwotKind[] = ['strength', 'weakness', 'opportunity', 'threat'],
): number {
  let plus = 0;
  let total = 0;
  for (const item of swot) {
    if (!kinds.includes(item.kind)) continue;
    total += item.score;
    if (item.kind === 'strength' || item.kind === 'opportunity') plus += item.score;
  }
  return total > 0 ? (2 * plus - total) / total : 0;
}

/** Goal fit: Σ over goals of goal weight × fit (weights sum to 1, so the result is 0..1). */
export function goalFitScore(
  fit: Readonly<Record<string, number>>,
  goalWeights: Readonly<Record<string, number>>,
): number {
  let total = 0;
  for (const [goalId, w] of Object.entries(goalWeights)) total += w * (fit[goalId] ?? 0);
  return total;
}

/** Min-max scaling to 0..1; when every value is equal nothing distinguishes the segments: 0.5 each. */
export function minMax(values: readonly number[]): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 0.5));
}

/** Scales non-negative weights to sum 1; refuses negative, non-finite or all-zero weights. */
export function normalizeFactorWeights(weights: Partial<FactorWeights> = {}): FactorWeights {
  const w = { ...DEFAULT_FACTOR_WEIGHTS, ...weights };
  let total = 0;
  for (const name of FACTOR_NAMES) {
    if (!Number.isFinite(w[name]) || w[name] < 0) throw new RangeError(`factor weight ${name} must be ≥ 0`);
    total += w[name];
  }
  if (total <= 0) throw new RangeError('at least one factor weight must be positive');
  return Object.fromEntries(FACTOR_NAMES.map((n) => [n, w[n] / total])) as FactorWeights;
}

/**
 * The normalized factors of every segment (rows in input order). Market size is min-max scaled on
 * log10(1 + size) because sizes span orders of magnitude; growth (CAGR) and share are min-max scaled
 * across the segments; SWOT balance ((b + 1) / 2) and goal fit are already on fixed 0..1 scales and are
 * kept absolute, so adding a segment does not move them.
 */
export function segmentFactors(
  segments: readonly SegmentInput[],
  goalWeights: Readonly<Record<string, number>>,
): { raw: Record<FactorName, number>; normalized: Record<FactorName, number> }[] {
  const size = segments.map((s) => s.marketSize);
  const growth = segments.map((s) => compoundGrowth(s.growthForecast));
  const swot = segments.map((s) => swotBalance(s.swot));
  const share = segments.map((s) => s.ourShare);
  const fit = segments.map((s) => goalFitScore(s.goalFit, goalWeights));
  const nSize = minMax(size.map((x) => Math.log10(1 + Math.max(0, x))));
  const nGrowth = minMax(growth);
  const nShare = minMax(share);
  return segments.map((_, k) => ({
    raw: { marketSize: size[k], growth: growth[k], swot: swot[k], share: share[k], goalFit: fit[k] },
    normalized: {
      marketSize: nSize[k],
      growth: nGrowth[k],
      swot: (swot[k] + 1) / 2,
      share: nShare[k],
      goalFit: fit[k],
    },
  }));
}

/**
 * Ranks segments by attractiveness (Σ factor weight × normalized factor) with the breakdown of every
 * score. Ties break by name, then id. An override moves a segment to its requested rank (others keep
 * their order around it) and must carry a rationale; it is returned in `overrides` for the decision log.
 * Weights follow the final order: the k-th ranked segment gets the k-th largest score ÷ Σ scores (equal
 * weights if every score is 0), so an override also moves priority downstream.
 */
export function rankSegments(
  segments: readonly SegmentInput[],
  goalWeights: Readonly<Record<string, number>>,
  factorWeights?: Partial<FactorWeights>,
): SegmentRanking {
  const weights = normalizeFactorWeights(factorWeights);
  const ids = new Set<string>();
  for (const s of segments) {
    if (ids.has(s.id)) throw new RangeError(`segment id "${s.id}" appears twice`);
    ids.add(s.id);
    if (s.override && !s.override.rationale.trim()) {
      throw new RangeError(`the override of segment "${s.name}" needs a rationale`);
    }
    if (s.override && (!Number.isInteger(s.override.rank) || s.override.rank < 1)) {
      throw new RangeError(`the override rank of segment "${s.name}" must be a whole number ≥ 1`);
    }
  }
  const factors = segmentFactors(segments, goalWeights);
  const scored = segments.map((s, k) => {
    const breakdown = FACTOR_NAMES.map((name) => {
      const normalized = factors[k].normalized[name];
      return {
        name,
        raw: factors[k].raw[name],
        normalized,
        weight: weights[name],
        contribution: normalized * weights[name],
      };
    });
    return { s, breakdown, score: breakdown.reduce((t, f) => t + f.contribution, 0) };
  });
  const computed = [...scored].sort(
    (a, b) => b.score - a.score || a.s.name.localeCompare(b.s.name) || (a.s.id < b.s.id ? -1 : 1),
  );
  const computedRank = new Map(computed.map((x, k) => [x.s.id, k + 1]));

  const free = computed.filter((x) => !x.s.override);
  const pinned = computed
    .filter((x) => x.s.override)
    .sort((a, b) => (a.s.override?.rank ?? 0) - (b.s.override?.rank ?? 0));
  const final: typeof computed = [];
  let f = 0;
  let p = 0;
  while (final.length < computed.length) {
    const position = final.length + 1;
    const nextPinned = pinned[p];
    if (nextPinned && ((nextPinned.s.override?.rank ?? 0) <= position || f >= free.length))
      final.push(pinned[p++]);
    else final.push(free[f++]);
  }

  const sortedScores = computed.map((x) => x.score);
  const totalScore = sortedScores.reduce((t, x) => t + x, 0);
  const ranked: RankedSegment[] = final.map((x, k) => ({
    segmentId: x.s.id,
    name: x.s.name,
    rank: k + 1,
    computedRank: computedRank.get(x.s.id) ?? k + 1,
    score: x.score,
    weight: totalScore > 0 ? sortedScores[k] / totalScore : 1 / computed.length,
    factors: x.breakdown,
    overridden: Boolean(x.s.override),
    ...(x.s.override ? { rationale: x.s.override.rationale } : {}),
  }));
  const overrides = ranked
    .filter((r) => r.overridden)
    .map((r) => ({
      segmentId: r.segmentId,
      fromRank: r.computedRank,
      toRank: r.rank,
      rationale: r.rationale ?? '',
    }));
  return { segments: ranked, overrides, factorWeights: weights };
}

/** Segment id → priority weight, for feature scoring. */
export function segmentWeightMap(ranking: SegmentRanking): Record<string, number> {
  return Object.fromEntries(ranking.segments.map((s) => [s.segmentId, s.weight]));
}

import { eq } from 'drizzle-orm';
import { goalWeights } from '../../engine/scoring/goalWeights.ts';
import {
  FACTOR_NAMES,
  type FactorWeights,
  rankSegments,
  type SegmentInput,
  type SwotKind,
} from '../../engine/segments/segmentRanking.ts';
import { goals, segments } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

/** A segment with its place in the pecking order. */
export interface SegmentPriority {
  id: string;
  name: string;
  rank: number;
  /** Priority weight from the pecking order; the weights of all segments sum to 1. */
  priority: number;
  score: number;
}

export interface SegmentPriorities {
  /** In rank order. */
  segments: SegmentPriority[];
  byId: Map<string, SegmentPriority>;
  /** The engine inputs (for GE-McKinsey placement). */
  inputs: SegmentInput[];
  /** Goal id → normalized weight (sum 1). */
  goalWeights: Record<string, number>;
  factorWeights: Partial<FactorWeights>;
}

/** Only the known factor names, so a stray key in the settings cannot break the ranking. */
function factorWeightsOf(settings: Record<string, number>): Partial<FactorWeights> {
  const out: Partial<FactorWeights> = {};
  for (const name of FACTOR_NAMES) {
    const w = settings[name];
    if (typeof w === 'number' && Number.isFinite(w) && w >= 0) out[name] = w;
  }
  return Object.values(out).some((w) => w > 0) ? out : {};
}

/**
 * The segment pecking order from stored segments and goals (src/engine/segments: attractiveness from
 * market size, growth, SWOT, share and goal fit, with the organization's factor weights and manual
 * overrides). Goal weights are the goals' direct weights, normalized. Two queries.
 */
export async function loadSegmentPriorities(
  ctx: ServiceContext,
  factorSettings: Record<string, number> = {},
): Promise<SegmentPriorities> {
  const db = ctx.store.db;
  const [goalRows, segmentRows] = await Promise.all([
    db
      .select({ id: goals.id, name: goals.name, weight: goals.weight })
      .from(goals)
      .where(eq(goals.orgId, ctx.orgId)),
    db
      .select({
        id: segments.id,
        name: segments.name,
        marketSize: segments.marketSize,
        growthForecast: segments.growthForecast,
        ourShare: segments.ourShare,
        swot: segments.swot,
        goalFit: segments.goalFit,
        overrideRank: segments.overrideRank,
        overrideRationale: segments.overrideRationale,
      })
      .from(segments)
      .where(eq(segments.orgId, ctx.orgId))
      .orderBy(segments.name, segments.id),
  ]);
  const weights = goalWeights({ method: 'direct', goals: goalRows }).weights;
  const inputs: SegmentInput[] = segmentRows.map((s) => ({
    id: s.id,
    name: s.name,
    marketSize: s.marketSize,
    growthForecast: s.growthForecast,
    ourShare: s.ourShare,
    swot: s.swot.map((x) => ({ kind: x.kind as SwotKind, text: x.text, score: x.score })),
    goalFit: s.goalFit,
    override:
      s.overrideRank != null && s.overrideRationale?.trim()
        ? { rank: s.overrideRank, rationale: s.overrideRationale }
        : null,
  }));
  const factorWeights = factorWeightsOf(factorSettings);
  const ranking = rankSegments(inputs, weights, factorWeights);
  const list = ranking.segments.map((r) => ({
    id: r.segmentId,
    name: r.name,
    rank: r.rank,
    priority: r.weight,
    score: r.score,
  }));
  return {
    segments: list,
    byId: new Map(list.map((s) => [s.id, s])),
    inputs,
    goalWeights: weights,
    factorWeights,
  };
}

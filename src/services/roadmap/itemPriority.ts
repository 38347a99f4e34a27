import { wsjfScore } from '../../engine/scoring/frameworks.ts';
import type { ServiceContext } from '../context.ts';
import { rankStoredFeatures } from '../ranking/featureRanking.ts';

/** Keeps portfolio priority first: WSJF (at most a few hundred) only orders features of equal priority. */
const PORTFOLIO_SCALE = 1e6;

/**
 * Scheduling priority of a feature: its portfolio priority from the prioritization engine (segment
 * weight × impact + demand, src/services/ranking), with WSJF (cost of delay ÷ effort) breaking ties.
 */
export function featurePriority(
  f: { businessValue: number; timeCriticality: number; riskReduction: number; effort: number },
  portfolioScore = 0,
): number {
  return portfolioScore * PORTFOLIO_SCALE + wsjfScore(f);
}

/** Portfolio priority of every open feature (of one product, or all), by feature id. */
export async function portfolioScores(ctx: ServiceContext, productId?: string): Promise<Map<string, number>> {
  const ranking = await rankStoredFeatures(ctx, { productId });
  return new Map(ranking.input.features.map((f, i) => [f.id, ranking.result.score[i]!]));
}

/**
 * Scheduling priority of an approved or active initiative: funded commitments go before backlog features,
 * so 1 + the highest feature priority on the roadmap, + 1 when mandatory, + its segment's pecking-order
 * weight (0–1) to order initiatives among themselves.
 */
export function initiativePriority(
  i: { mandatory: boolean; segmentWeight: number },
  highestFeaturePriority: number,
): number {
  return highestFeaturePriority + 1 + (i.mandatory ? 1 : 0) + i.segmentWeight;
}

/** The segment a feature serves most: the largest revenue + retention + adoption impact, first on ties. */
export function mainSegment(
  impacts: readonly { segmentId: string; revenue: number; retention: number; adoption: number }[],
): string | null {
  let best: string | null = null;
  let bestScore = -1;
  for (const s of impacts) {
    const score = s.revenue + s.retention + s.adoption;
    if (score > bestScore) {
      best = s.segmentId;
      bestScore = score;
    }
  }
  return best;
}

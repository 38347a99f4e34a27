import { wsjfScore } from '../../engine/scoring/frameworks.ts';

/**
 * Scheduling priority of a feature: its WSJF score (cost of delay = business value + time criticality +
 * risk reduction, ÷ effort in person-weeks; src/engine/scoring/frameworks.ts). The ranking service
 * (src/services/ranking) was not there when this was written; swap it in here when it is.
 */
export function featurePriority(f: {
  businessValue: number;
  timeCriticality: number;
  riskReduction: number;
  effort: number;
}): number {
  return wsjfScore(f);
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

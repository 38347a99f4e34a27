import {
  AHP_MAX_CONSISTENCY_RATIO,
  type AhpResult,
  ahpWeights,
  type InconsistentPair,
  mostInconsistentPair,
} from './ahp.ts';

/** A strategic goal as stored: its weight is a direct (unnormalized, ≥ 0) importance. */
export interface GoalInput {
  id: string;
  name: string;
  weight: number;
}

/** How the organization weights its goals: directly, or by pairwise comparisons (AHP). */
export type GoalWeighting =
  | { method: 'direct'; goals: readonly GoalInput[] }
  | {
      method: 'pairwise';
      goals: readonly Pick<GoalInput, 'id' | 'name'>[];
      /** matrix[i][j]: how many times goal i is more important than goal j (Saaty's 1–9 scale). */
      matrix: readonly (readonly number[])[];
    };

export interface GoalWeightsResult {
  /** Goal id → weight; the weights sum to 1. */
  weights: Record<string, number>;
  method: 'direct' | 'pairwise';
  /** Present for pairwise weighting. */
  ahp?: AhpResult;
}

/** A pairwise matrix refused because its consistency ratio is above 0.1; says which judgment to revisit. */
export class InconsistentJudgmentsError extends Error {
  override name = 'InconsistentJudgmentsError';
  constructor(
    message: string,
    readonly ahp: AhpResult,
    readonly pair: InconsistentPair & { itemI: string; itemJ: string },
  ) {
    super(message);
  }
}

/** Formats a judgment like "3×" or "1/4×" for explanations. */
function ratio(x: number): string {
  if (x >= 1) return `${Number(x.toFixed(2))}×`;
  return `1/${Number((1 / x).toFixed(2))}×`;
}

/**
 * Explains why a matrix was refused: its consistency ratio and the most inconsistent pair, with the value
 * the other judgments imply and the nearest Saaty-scale value to use instead.
 */
export function explainInconsistency(
  names: readonly string[],
  ahp: AhpResult,
  pair: InconsistentPair,
): string {
  const a = names[pair.i];
  const b = names[pair.j];
  return (
    `consistency ratio ${ahp.consistencyRatio.toFixed(3)} is above ${AHP_MAX_CONSISTENCY_RATIO}: ` +
    `the most inconsistent judgment is "${a}" vs "${b}" — entered as ${ratio(pair.given)} as important, ` +
    `but the other judgments imply ${ratio(pair.implied)}; consider ${ratio(pair.suggested)}`
  );
}

/**
 * AHP weights for named items, refusing (InconsistentJudgmentsError) a matrix whose consistency ratio is
 * above 0.1 — Saaty's rule that judgments less consistent than that are closer to random than to a view.
 */
export function checkedAhpWeights(
  names: readonly string[],
  matrix: readonly (readonly number[])[],
): AhpResult {
  const ahp = ahpWeights(matrix);
  if (ahp.consistencyRatio > AHP_MAX_CONSISTENCY_RATIO) {
    const pair = mostInconsistentPair(matrix);
    throw new InconsistentJudgmentsError(explainInconsistency(names, ahp, pair), ahp, {
      ...pair,
      itemI: names[pair.i],
      itemJ: names[pair.j],
    });
  }
  return ahp;
}

/**
 * Normalized strategic goal weights (sum 1), given directly or by pairwise comparison. Direct weights are
 * divided by their sum (all zero means no preference: equal weights). Pairwise matrices go through AHP
 * and are refused above CR 0.1.
 */
export function goalWeights(input: GoalWeighting): GoalWeightsResult {
  const { goals } = input;
  if (input.method === 'pairwise') {
    if (input.matrix.length !== goals.length) {
      throw new RangeError(`the matrix has ${input.matrix.length} rows for ${goals.length} goals`);
    }
    const ahp = checkedAhpWeights(
      goals.map((g) => g.name),
      input.matrix,
    );
    return {
      weights: Object.fromEntries(goals.map((g, k) => [g.id, ahp.weights[k]])),
      method: 'pairwise',
      ahp,
    };
  }
  for (const g of input.goals) {
    if (!Number.isFinite(g.weight) || g.weight < 0) {
      throw new RangeError(`goal "${g.name}" has weight ${g.weight}; weights must be ≥ 0`);
    }
  }
  const total = input.goals.reduce((s, g) => s + g.weight, 0);
  return {
    weights: Object.fromEntries(
      input.goals.map((g) => [g.id, total > 0 ? g.weight / total : 1 / input.goals.length]),
    ),
    method: 'direct',
  };
}

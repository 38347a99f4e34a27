import type { AhpProblem } from '../domain/ahpProblem.ts';
import { DomainError } from '../domain/errors.ts';
import { AhpMatrixError } from '../engine/scoring/ahp.ts';
import { checkedAhpWeights, InconsistentJudgmentsError } from '../engine/scoring/goalWeights.ts';

/** What `sextant ahp --json` prints: weights by item name, λmax, CI and CR. */
export interface AhpReport {
  weights: Record<string, number>;
  lambdaMax: number;
  consistencyIndex: number;
  consistencyRatio: number;
}

/**
 * Weights of the items of a pairwise comparison file. A malformed matrix is `invalid_input`; a matrix
 * with consistency ratio above 0.1 is refused as `unprocessable`, its message naming the most
 * inconsistent pair (details: consistencyRatio, pair).
 */
export function computeAhp(problem: AhpProblem): AhpReport {
  try {
    const r = checkedAhpWeights(problem.items, problem.matrix);
    return {
      weights: Object.fromEntries(problem.items.map((name, k) => [name, r.weights[k]])),
      lambdaMax: r.lambdaMax,
      consistencyIndex: r.consistencyIndex,
      consistencyRatio: r.consistencyRatio,
    };
  } catch (err) {
    if (err instanceof InconsistentJudgmentsError) {
      throw new DomainError('unprocessable', err.message, {
        consistencyRatio: err.ahp.consistencyRatio,
        lambdaMax: err.ahp.lambdaMax,
        pair: err.pair,
      });
    }
    if (err instanceof AhpMatrixError) {
      throw new DomainError('invalid_input', `matrix: ${err.message}`, { path: ['matrix', ...err.path] });
    }
    throw err;
  }
}

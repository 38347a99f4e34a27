import type { Highs } from 'highs';
import type { OptimizeProblem, Selection, SolveStatus } from '../../domain/optimizeProblem.ts';
import { checkSelection } from './checkSelection.ts';
import { type Choice, choiceToSelection, choiceValue, compileProblem } from './compileProblem.ts';
import { exactSolve } from './exactSolve.ts';
import { budgetResourceIds, type RankingKey, scoreRankingChoice } from './greedyScoreRanking.ts';

export interface FrontierOptions {
  /** Number of budget levels (default 21). */
  levels?: number;
  /** Smallest and largest budget factor (default 0.2 … 1.5 of today's budget). */
  from?: number;
  to?: number;
  /** Resources to scale; default the budget resources (see `budgetResourceIds`). */
  resources?: string[];
}

export interface FrontierLevel {
  factor: number;
  /** Total of the scaled resources at this level. */
  budget: number;
  problem: OptimizeProblem;
}

export interface FrontierPoint {
  factor: number;
  budget: number;
  value: number | null;
  selected: Selection[];
  status: SolveStatus;
  gap: number | null;
  /** What score-ranking funds at the same budget (the comparison curve); null when the ranked
   * list breaks a rule it cannot see (a group minimum, a mandatory item that does not fit). */
  rankingValue: number | null;
}

/** The problems of a budget sweep: every budget resource scaled by factors evenly spaced from…to. */
export function frontierLevels(problem: OptimizeProblem, opts: FrontierOptions = {}): FrontierLevel[] {
  const n = Math.max(2, Math.floor(opts.levels ?? 21));
  const from = opts.from ?? 0.2;
  const to = opts.to ?? 1.5;
  const scaled = new Set(opts.resources ?? budgetResourceIds(problem));
  return Array.from({ length: n }, (_, k) => {
    const factor = from + ((to - from) * k) / (n - 1);
    const resources = problem.resources.map((r) =>
      scaled.has(r.id) ? { ...r, capacity: r.capacity * factor } : r,
    );
    const budget = resources.filter((r) => scaled.has(r.id)).reduce((s, r) => s + r.capacity, 0);
    return { factor, budget, problem: { ...problem, resources } };
  });
}

/**
 * Solves a run of frontier levels in ascending budget order, each warm-started from the previous
 * level's answer (still feasible when budgets only grow), and the score-ranking baseline beside it.
 */
export function solveFrontierLevels(
  levels: FrontierLevel[],
  highs: Highs,
  opts: { timeLimitSeconds?: number; relGap?: number; ranking?: RankingKey; onPoint?: () => void } = {},
): FrontierPoint[] {
  let previous: Choice | undefined;
  return [...levels]
    .sort((a, b) => a.factor - b.factor)
    .map((level) => {
      const cp = compileProblem(level.problem);
      const r = exactSolve(cp, highs, {
        timeLimitSeconds: opts.timeLimitSeconds ?? 5,
        relGap: opts.relGap,
        warmStart: previous,
      });
      if (r.choice) previous = r.choice;
      const ranking = scoreRankingChoice(cp, opts.ranking ?? 'value', budgetResourceIds(level.problem));
      opts.onPoint?.();
      return {
        factor: level.factor,
        budget: level.budget,
        value: r.objective,
        selected: r.choice ? choiceToSelection(cp, r.choice) : [],
        status: r.status,
        gap: r.gap,
        rankingValue: checkSelection(cp, ranking).length === 0 ? choiceValue(cp, ranking) : null,
      };
    });
}

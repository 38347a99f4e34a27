import type { Highs } from 'highs';
import type { OptimizeProblem, OptimizeResult } from '../../domain/optimizeProblem.ts';
import {
  type Choice,
  type CompiledProblem,
  choiceToSelection,
  choiceUsage,
  compileProblem,
} from './compileProblem.ts';
import {
  bestHeuristic,
  exactSolve,
  relativeGap,
  type SolveOutcome,
  solveLpRelaxation,
} from './exactSolve.ts';

export interface SolveOptions {
  method?: 'exact' | 'greedy';
  /** Seconds for the whole solve (default 10). */
  timeLimitSeconds?: number;
  /** Relative gap HiGHS may stop at (default 1e-6). */
  relGap?: number;
  warmStart?: Choice;
}

/** Result plus the index-level choice, for callers that go on to explain or chain solves. */
export interface SolvedProblem {
  result: OptimizeResult;
  compiled: CompiledProblem;
  choice: Choice | null;
}

/**
 * Solves a validated problem by the chosen method and returns the public result (`--json` shape
 * plus usage). `greedy` = heuristic only, bounded by the LP relaxation; `exact` = HiGHS warm-started
 * by the heuristic. Never throws on an infeasible problem: the status says so.
 */
export function solveOptimizeProblem(
  problem: OptimizeProblem,
  highs: Highs,
  options: SolveOptions = {},
): SolvedProblem {
  const t0 = performance.now();
  const cp = compileProblem(problem);
  const method = options.method ?? 'exact';
  let outcome: SolveOutcome;
  if (method === 'exact') {
    outcome = exactSolve(cp, highs, {
      timeLimitSeconds: options.timeLimitSeconds,
      relGap: options.relGap,
      warmStart: options.warmStart,
    });
  } else {
    const lp =
      cp.columns.length > 0 ? solveLpRelaxation(cp, highs) : { feasible: true, bound: 0, duals: null };
    const heur = bestHeuristic(cp, lp.duals, Math.min(1000, (options.timeLimitSeconds ?? 10) * 100));
    const objective = heur.choice ? heur.value : null;
    const gap = objective !== null && lp.bound !== null ? relativeGap(lp.bound, objective) : null;
    outcome = {
      status: !lp.feasible
        ? 'infeasible'
        : heur.choice
          ? gap !== null && gap <= 1e-9
            ? 'optimal'
            : 'feasible'
          : 'unknown',
      choice: heur.choice,
      objective,
      bound: lp.bound,
      gap,
      source: heur.choice ? 'heuristic' : 'none',
      boundSource: lp.bound !== null ? 'lp' : 'none',
      heuristicValue: objective,
      nodes: 0,
    };
  }
  return {
    result: toResult(cp, outcome, method, (performance.now() - t0) / 1000),
    compiled: cp,
    choice: outcome.choice,
  };
}

/** Shapes an engine outcome as the public result. */
export function toResult(
  cp: CompiledProblem,
  o: SolveOutcome,
  method: 'exact' | 'greedy',
  seconds: number,
): OptimizeResult {
  const usage: Record<string, number> = {};
  if (o.choice) {
    const u = choiceUsage(cp, o.choice);
    cp.resourceIds.forEach((r, k) => {
      usage[r] = u[k];
    });
  }
  return {
    status: o.status,
    objective: o.objective,
    bound: o.bound,
    gap: o.gap,
    selected: o.choice ? choiceToSelection(cp, o.choice) : [],
    seconds: Math.round(seconds * 1000) / 1000,
    method,
    source: o.source,
    usage,
    boundSource: o.boundSource,
  };
}

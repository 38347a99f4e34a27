import highsLoader, { type Highs } from 'highs';
import type { OptimizeProblem, OptimizeResult } from '../../domain/optimizeProblem.ts';
import { type ExclusionExplanation, explainExclusions } from '../../engine/optimize/explainExclusions.ts';
import { type ConflictReport, findConflicts } from '../../engine/optimize/findConflicts.ts';
import { solveOptimizeProblem } from '../../engine/optimize/solveOptimizeProblem.ts';

/** A solve with its explanations: why each left-out item is out, or why nothing is feasible. */
export interface OptimizeReport {
  result: OptimizeResult;
  explanations: ExclusionExplanation[];
  /** Set only when the problem is infeasible. */
  conflicts: ConflictReport | null;
}

/** One optimization, as sent to a worker thread. */
export interface OptimizeWorkerInput {
  problem: OptimizeProblem;
  method: 'exact' | 'greedy';
  timeLimitSeconds: number;
  relGap?: number;
  /** Explain left-out items / infeasibility (default true). */
  explain?: boolean;
}

let highs: Promise<Highs> | undefined;

/** HiGHS (WebAssembly) loaded once per worker thread. */
export function workerHighs(): Promise<Highs> {
  // The package's types describe a CommonJS default; under ESM the default export is the loader itself.
  highs ??= (highsLoader as unknown as typeof import('highs')['default'])();
  return highs;
}

/** Worker entry: solve, then explain exclusions (feasible) or find a conflicting set (infeasible). */
export default async function optimizeWorker(input: OptimizeWorkerInput): Promise<OptimizeReport> {
  const h = await workerHighs();
  const solved = solveOptimizeProblem(input.problem, h, {
    method: input.method,
    timeLimitSeconds: input.timeLimitSeconds,
    relGap: input.relGap,
  });
  let explanations: ExclusionExplanation[] = [];
  let conflicts: ConflictReport | null = null;
  if (input.explain !== false) {
    if (solved.choice) explanations = explainExclusions(solved.compiled, solved.choice);
    else if (solved.result.status === 'infeasible') conflicts = findConflicts(solved.compiled, h);
  }
  return { result: solved.result, explanations, conflicts };
}

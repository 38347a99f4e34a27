import type { OptimizeProblem, PortfolioInitiative, PortfolioSettings } from '../domain/optimizeProblem.ts';
import { buildPortfolioProblem } from '../engine/optimize/buildPortfolioProblem.ts';
import {
  type FrontierOptions,
  type FrontierPoint,
  frontierLevels,
} from '../engine/optimize/efficientFrontier.ts';
import type { ExclusionExplanation } from '../engine/optimize/explainExclusions.ts';
import type { ConflictReport } from '../engine/optimize/findConflicts.ts';
import type { RankingKey } from '../engine/optimize/greedyScoreRanking.ts';
import { runInWorker } from './workerPool.ts';
import type { FrontierWorkerInput } from './workers/frontierWorker.ts';
import type { OptimizeReport, OptimizeWorkerInput } from './workers/optimizeWorker.ts';

export type { ScenarioComparison, ScenarioSnapshot } from '../engine/optimize/compareScenarios.ts';
export { compareScenarios } from '../engine/optimize/compareScenarios.ts';
export { greedyScoreRanking } from '../engine/optimize/greedyScoreRanking.ts';
export type { ConflictReport, ExclusionExplanation, FrontierPoint, OptimizeReport };

export interface OptimizeRunOptions {
  method?: 'exact' | 'greedy';
  /** Seconds (default 10). */
  timeLimitSeconds?: number;
  /** Relative gap HiGHS may stop at (default 1e-6). */
  relGap?: number;
  explain?: boolean;
  signal?: AbortSignal;
}

const optimizeWorkerUrl = new URL('./workers/optimizeWorker.ts', import.meta.url);
const frontierWorkerUrl = new URL('./workers/frontierWorker.ts', import.meta.url);

/**
 * Solves a plain optimization problem on a worker thread (HiGHS is synchronous; the event loop stays
 * free) and explains the answer. Never throws for an infeasible problem: see `result.status`.
 */
export async function optimizeProblem(
  problem: OptimizeProblem,
  options: OptimizeRunOptions = {},
): Promise<OptimizeReport> {
  return runInWorker<OptimizeWorkerInput, OptimizeReport>(
    optimizeWorkerUrl,
    {
      problem,
      method: options.method ?? 'exact',
      timeLimitSeconds: options.timeLimitSeconds ?? 10,
      relGap: options.relGap,
      explain: options.explain,
    },
    options.signal,
  );
}

export interface FrontierRunOptions extends FrontierOptions {
  /** Seconds per budget level (default 5). */
  timeLimitSeconds?: number;
  relGap?: number;
  /** Baseline curve: rank by score (`value`, default) or score per cost (`ratio`). */
  ranking?: RankingKey;
  /** Levels per worker task: each task warm-starts level to level (default 3). */
  chunkSize?: number;
  onProgress?: (doneLevels: number, totalLevels: number) => void;
  signal?: AbortSignal;
}

export interface FrontierReport {
  points: FrontierPoint[];
  seconds: number;
}

/**
 * Efficient frontier on worker threads: the budget sweep (default 21 levels) is cut into short runs
 * of consecutive levels that the pool solves in parallel, each run warm-starting from level to level.
 */
export async function optimizeFrontier(
  problem: OptimizeProblem,
  options: FrontierRunOptions = {},
): Promise<FrontierReport> {
  const t0 = performance.now();
  const levels = frontierLevels(problem, options);
  const size = Math.max(1, options.chunkSize ?? 3);
  const chunks: (typeof levels)[] = [];
  for (let k = 0; k < levels.length; k += size) chunks.push(levels.slice(k, k + size));
  let done = 0;
  const parts = await Promise.all(
    chunks.map(async (chunk) => {
      const points = await runInWorker<FrontierWorkerInput, FrontierPoint[]>(
        frontierWorkerUrl,
        {
          levels: chunk,
          timeLimitSeconds: options.timeLimitSeconds ?? 5,
          relGap: options.relGap,
          ranking: options.ranking,
        },
        options.signal,
      );
      done += chunk.length;
      options.onProgress?.(done, levels.length);
      return points;
    }),
  );
  return {
    points: parts.flat().sort((a, b) => a.factor - b.factor),
    seconds: (performance.now() - t0) / 1000,
  };
}

export interface PortfolioOptimization extends OptimizeReport {
  problem: OptimizeProblem;
  /** What the conversion from initiatives had to drop or assume. */
  warnings: string[];
}

/**
 * Optimizes stored initiatives under the plan settings (budget and capacity per period, bounds, risk
 * cap, time-phased starts): builds the generic problem, then solves and explains it on a worker.
 */
export async function optimizePortfolio(
  initiatives: readonly PortfolioInitiative[],
  settings: PortfolioSettings,
  options: OptimizeRunOptions = {},
): Promise<PortfolioOptimization> {
  const { problem, warnings } = buildPortfolioProblem(initiatives, settings);
  const report = await optimizeProblem(problem, options);
  return { ...report, problem, warnings };
}

import { buildPortfolioProblem } from '../../engine/optimize/buildPortfolioProblem.ts';
import { frontierLevels } from '../../engine/optimize/efficientFrontier.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { greedyScoreRanking, optimizeFrontier } from '../optimizeProblem.ts';
import { FrontierRequest } from './optimizerConstraints.ts';
import { loadPortfolioInput } from './portfolioInput.ts';
import { withNames } from './portfolioRun.ts';

/** One budget level of the chart: the optimizer's best value beside score ranking's. */
export interface PortfolioFrontierPoint {
  factor: number;
  /** Total budget over the plan at this level. */
  budget: number;
  value: number | null;
  rankingValue: number | null;
  status: string;
  gap: number | null;
  count: number;
  selected: string[];
  /**
   * Where the plan shown comes from: the solver at this level, or — when the level's time ran out on a
   * worse answer — the best plan of a smaller budget (still within this one) or score ranking's plan.
   */
  source: 'solver' | 'smaller_budget' | 'score_ranking';
}

export interface PortfolioFrontier {
  objective: string;
  /** Total budget of the plan as asked (factor 1). */
  baseBudget: number;
  points: PortfolioFrontierPoint[];
  seconds: number;
  warnings: string[];
}

// The pool has at least two threads and the sweep is cut into runs of three levels.
const MIN_THREADS = 2;
const CHUNK = 3;

/**
 * Efficient frontier over the stored organization: every budget period scaled from `from` to `to`
 * (≥ 20 levels), each level solved on the worker pool, with score ranking at the same budget. The
 * request's time limit bounds the whole sweep: it is shared out so the slowest thread ends in time.
 */
export async function runPortfolioFrontier(
  ctx: ServiceContext,
  raw: unknown,
  options: { signal?: AbortSignal; onProgress?: (doneLevels: number, totalLevels: number) => void } = {},
): Promise<PortfolioFrontier> {
  const req = parseInput(FrontierRequest, raw ?? {}, 'frontier request');
  const input = await loadPortfolioInput(ctx, req);
  const { problem, warnings } = buildPortfolioProblem(input.initiatives, input.settings);
  const rounds = Math.ceil(Math.ceil(req.levels / CHUNK) / MIN_THREADS);
  const perLevel = Math.max(0.1, req.timeLimitSeconds / (rounds * CHUNK));
  const report = await optimizeFrontier(problem, {
    levels: req.levels,
    from: req.from,
    to: req.to,
    timeLimitSeconds: perLevel,
    chunkSize: CHUNK,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const idOf = (s: string | { id: string }) => (typeof s === 'string' ? s : s.id);
  const problems = frontierLevels(problem, { levels: req.levels, from: req.from, to: req.to });
  let best: { value: number; selected: string[] } | null = null;
  const points = report.points.map((p, k): PortfolioFrontierPoint => {
    let point: PortfolioFrontierPoint = {
      factor: p.factor,
      budget: p.budget,
      value: p.value,
      rankingValue: p.rankingValue,
      status: p.status,
      gap: p.gap,
      count: p.selected.length,
      selected: p.selected.map(idOf),
      source: 'solver',
    };
    // Levels are solved apart under a time limit; any plan feasible at a smaller budget, or score
    // ranking's feasible plan, is feasible here too, so the curve shows the best plan known.
    const ranking = greedyScoreRanking(problems[k]!.problem, { by: 'value' });
    const alternatives = [
      ...(best ? [{ ...best, source: 'smaller_budget' as const }] : []),
      ...(ranking.feasible
        ? [{ value: ranking.value, selected: ranking.selected.map(idOf), source: 'score_ranking' as const }]
        : []),
    ];
    for (const alt of alternatives) {
      if (point.value !== null && alt.value <= point.value + 1e-9) continue;
      const bound = p.value !== null && p.gap !== null ? p.value + p.gap * Math.abs(p.value) : null;
      point = {
        ...point,
        value: alt.value,
        status: 'feasible',
        gap: bound === null ? null : Math.max(0, (bound - alt.value) / Math.max(Math.abs(alt.value), 1e-9)),
        count: alt.selected.length,
        selected: alt.selected,
        source: alt.source,
      };
    }
    if (point.value !== null && (best === null || point.value > best.value))
      best = { value: point.value, selected: point.selected };
    return point;
  });
  return {
    objective: req.objective,
    baseBudget: input.settings.budgetPerPeriod.reduce((a, b) => a + b, 0),
    points,
    seconds: report.seconds,
    warnings: [...input.warnings, ...warnings].map((w) => withNames(w, input.names)),
  };
}

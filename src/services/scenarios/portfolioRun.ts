import type {
  OptimizeProblem,
  OptimizeResult,
  PortfolioSettings,
  Selection,
} from '../../domain/optimizeProblem.ts';
import type { ExclusionExplanation } from '../../engine/optimize/explainExclusions.ts';
import type { ConflictReport } from '../../engine/optimize/findConflicts.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { greedyScoreRanking, optimizePortfolio } from '../optimizeProblem.ts';
import { OptimizerConstraints } from './optimizerConstraints.ts';
import { type PlanTotals, planTotals } from './planTotals.ts';
import { loadPortfolioInput } from './portfolioInput.ts';

/** One chosen initiative, readable: when it starts and what it is worth under the objective. */
export interface PlannedInitiative {
  id: string;
  name: string;
  stage: string;
  startPeriod: string;
  value: number;
  /** Its cost inside the plan's periods. */
  cost: number;
}

/** The report of one optimizer run over the stored organization (also what a scenario saves). */
export interface PortfolioRun {
  constraints: OptimizerConstraints;
  settings: PortfolioSettings;
  result: OptimizeResult;
  selection: PlannedInitiative[];
  explanations: (ExclusionExplanation & { name: string })[];
  conflicts: ConflictReport | null;
  /** Score ranking at the same budget: rank by value, fund down the list while it fits. */
  baseline: {
    method: 'score_ranking';
    value: number;
    feasible: boolean;
    selected: { id: string; name: string }[];
    totals: PlanTotals;
  };
  /** Optimizer objective − baseline value (null without an objective). */
  improvement: number | null;
  totals: PlanTotals;
  warnings: string[];
  /** Names of initiatives, roles, goals and segments by id. */
  names: Record<string, string>;
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Replaces ids in engine sentences with names ("<role id>-2027Q1 is short" → "Engineer-2027Q1 is short"). */
export function withNames(text: string, names: Record<string, string>): string {
  return text.replace(UUID_IN_TEXT, (id) => names[id.toLowerCase()] ?? id);
}

const idOf = (s: Selection) => (typeof s === 'string' ? s : s.id);

/** Value, start and in-plan cost of each selection, from the problem the solver saw. */
function describeSelection(
  problem: OptimizeProblem,
  settings: PortfolioSettings,
  selected: readonly Selection[],
  candidates: Map<string, { stage: string; earliestStart: number }>,
  names: Record<string, string>,
): PlannedInitiative[] {
  const items = new Map(problem.items.map((it) => [it.id, it]));
  const out = selected.map((s) => {
    const item = items.get(idOf(s))!;
    const option = typeof s === 'string' ? undefined : item.options?.find((o) => o.id === s.option);
    const uses = option?.uses ?? item.uses;
    const cost = Object.entries(uses)
      .filter(([r]) => r.startsWith('budget-'))
      .reduce((sum, [, v]) => sum + v, 0);
    const start = option?.start ?? candidates.get(item.id)?.earliestStart ?? 0;
    return {
      id: item.id,
      name: names[item.id] ?? item.id,
      stage: candidates.get(item.id)?.stage ?? '',
      startPeriod: settings.periods[start] ?? settings.periods[0]!,
      value: option?.value ?? item.value,
      cost,
    };
  });
  return out.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
}

/** Usage of a selection on every resource (for the baseline's totals). */
function usageOf(problem: OptimizeProblem, selected: readonly Selection[]): Record<string, number> {
  const items = new Map(problem.items.map((it) => [it.id, it]));
  const usage: Record<string, number> = {};
  for (const s of selected) {
    const item = items.get(idOf(s))!;
    const uses =
      typeof s === 'string' ? item.uses : (item.options?.find((o) => o.id === s.option)?.uses ?? {});
    for (const [r, v] of Object.entries(uses)) usage[r] = (usage[r] ?? 0) + v;
  }
  return usage;
}

/**
 * Runs the optimizer on the stored organization under `constraints` (already validated): loads the
 * candidates, solves on a worker thread within the time limit, explains what is left out (or why
 * nothing fits), and puts score ranking at the same budget beside it.
 */
export async function optimizeStoredPortfolio(
  ctx: ServiceContext,
  constraints: OptimizerConstraints,
  options: { signal?: AbortSignal } = {},
): Promise<{ run: PortfolioRun; versions: Record<string, number> }> {
  const input = await loadPortfolioInput(ctx, constraints);
  const { names, settings } = input;
  const solved = await optimizePortfolio(input.initiatives, settings, {
    method: constraints.method,
    timeLimitSeconds: constraints.timeLimitSeconds,
    explain: true,
    signal: options.signal,
  });
  const candidates = new Map(input.candidates.map((c) => [c.id, c]));
  const ranking = greedyScoreRanking(solved.problem, { by: 'value' });
  const result = solved.result;
  const run: PortfolioRun = {
    constraints,
    settings,
    result,
    selection: describeSelection(solved.problem, settings, result.selected, candidates, names),
    explanations: solved.explanations.map((e) => ({
      ...e,
      name: names[e.item] ?? e.item,
      text: withNames(e.text, names),
    })),
    conflicts: solved.conflicts
      ? { ...solved.conflicts, lines: solved.conflicts.lines.map((l) => withNames(l, names)) }
      : null,
    baseline: {
      method: 'score_ranking',
      value: ranking.value,
      feasible: ranking.feasible,
      selected: ranking.selected.map((s) => ({ id: idOf(s), name: names[idOf(s)] ?? idOf(s) })),
      totals: planTotals(
        settings,
        usageOf(solved.problem, ranking.selected),
        ranking.value,
        ranking.selected.length,
        names,
      ),
    },
    improvement: result.objective === null ? null : result.objective - ranking.value,
    totals: planTotals(settings, result.usage, result.objective, result.selected.length, names),
    warnings: [...input.warnings, ...solved.warnings].map((w) => withNames(w, names)),
    names,
  };
  return { run, versions: input.versions };
}

/**
 * POST /optimizer/run (and the optimizer.run job): validates the constraints and runs the optimizer
 * (writes nothing). `signal` stops the solver's worker task (a cancelled job).
 */
export async function runPortfolioOptimizer(
  ctx: ServiceContext,
  raw: unknown,
  options: { signal?: AbortSignal } = {},
): Promise<PortfolioRun> {
  const constraints = parseInput(OptimizerConstraints, raw ?? {}, 'optimizer constraints');
  return (await optimizeStoredPortfolio(ctx, constraints, options)).run;
}

import type { OptimizeProblem, Selection } from '../../domain/optimizeProblem.ts';
import { checkSelection, timingCompatible, tolerance } from './checkSelection.ts';
import {
  type Choice,
  type CompiledProblem,
  choiceToSelection,
  choiceValue,
  compileProblem,
} from './compileProblem.ts';

export type RankingKey = 'value' | 'ratio';

export interface RankingResult {
  selected: Selection[];
  value: number;
  /** False when the ranked list cannot meet a group minimum or a mandatory item does not fit. */
  feasible: boolean;
}

/** Ids of the resources that count as money: kind `budget`, or ids starting with "budget"; all if none. */
export function budgetResourceIds(problem: OptimizeProblem): string[] {
  const budget = problem.resources.filter(
    (r) => r.kind === 'budget' || (r.kind === undefined && r.id.startsWith('budget')),
  );
  return (budget.length > 0 ? budget : problem.resources).map((r) => r.id);
}

/**
 * The way roadmap tools fund work: rank items by score (`value`) or by score per cost (`ratio`,
 * cost = use of the budget resources), then walk down the list funding each item (its first
 * option) that still fits, skipping those that do not. The baseline the optimizer is compared with.
 */
export function greedyScoreRanking(problem: OptimizeProblem, opts: { by?: RankingKey } = {}): RankingResult {
  const cp = compileProblem(problem);
  const choice = scoreRankingChoice(cp, opts.by ?? 'value', budgetResourceIds(problem));
  return {
    selected: choiceToSelection(cp, choice),
    value: choiceValue(cp, choice),
    feasible: checkSelection(cp, choice).length === 0,
  };
}

/** Index-level ranking walk (see `greedyScoreRanking`). */
export function scoreRankingChoice(cp: CompiledProblem, by: RankingKey, costResources: string[]): Choice {
  const costIdx = costResources.map((r) => cp.resourceIds.indexOf(r)).filter((r) => r >= 0);
  const key = (i: number): number => {
    const col = cp.itemColumns[i][0];
    if (col === undefined) return Number.NEGATIVE_INFINITY;
    const c = cp.columns[col];
    if (by === 'value') return c.value;
    const cost = costIdx.reduce((s, r) => s + c.uses[r], 0);
    return cost > 0 ? c.value / cost : c.value > 0 ? Number.POSITIVE_INFINITY : c.value;
  };
  const order = cp.itemIds.map((_, i) => i);
  // Mandatory items are funded first, the rest by descending score.
  order.sort((a, b) => Number(cp.mandatory[b]) - Number(cp.mandatory[a]) || key(b) - key(a));
  const choice = new Int32Array(cp.itemIds.length).fill(-1);
  const used = new Float64Array(cp.resourceIds.length);
  const groupValue = new Float64Array(cp.groups.length);
  for (const i of order) {
    const col = cp.itemColumns[i][0];
    if (col === undefined || cp.forbidden[i]) continue;
    const c = cp.columns[col];
    if (!cp.mandatory[i] && c.value <= 0) continue;
    if (cp.excludes[i].some((j) => choice[j] >= 0)) continue;
    if (cp.requires[i].some((j) => choice[j] < 0 || !timingCompatible(cp, col, choice[j]))) continue;
    let fits = true;
    for (let r = 0; r < used.length && fits; r++)
      if (used[r] + c.uses[r] > cp.capacity[r] + tolerance(cp.capacity[r])) fits = false;
    cp.groups.forEach((g, k) => {
      if (groupValue[k] + cp.groupUse[k][col] > g.max + tolerance(g.max)) fits = false;
    });
    if (!fits) continue;
    choice[i] = col;
    for (let r = 0; r < used.length; r++) used[r] += c.uses[r];
    for (let k = 0; k < groupValue.length; k++) groupValue[k] += cp.groupUse[k][col];
  }
  return choice;
}

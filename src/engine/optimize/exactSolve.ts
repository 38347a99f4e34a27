import type { Highs } from 'highs';
import type { SolveStatus } from '../../domain/optimizeProblem.ts';
import { type BranchAndBoundResult, branchAndBound } from './branchAndBound.ts';
import { buildMipModel, mipRows } from './buildMipModel.ts';
import { checkSelection } from './checkSelection.ts';
import { type Choice, type CompiledProblem, choiceValue } from './compileProblem.ts';
import { geneticSearch, packingChoice, packingForm } from './geneticSearch.ts';
import { greedySolve } from './greedySolve.ts';

export interface ExactOptions {
  /** Wall-clock limit for the whole solve (heuristic + HiGHS), seconds. Default 10. */
  timeLimitSeconds?: number;
  /** Relative gap at which HiGHS may stop and call the answer optimal. Default 1e-6. */
  relGap?: number;
  /** A known feasible choice to start from (e.g. the previous frontier point). */
  warmStart?: Choice;
  /**
   * Which of our steps run before HiGHS (default all). Both off = HiGHS alone after the heuristic:
   * the benchmark's baseline, and the tests' way to check HiGHS's path on its own.
   */
  steps?: { branchAndBound?: boolean; genetic?: boolean };
}

export interface SolveOutcome {
  status: SolveStatus | 'unknown';
  choice: Choice | null;
  objective: number | null;
  /** Proven upper bound on the optimal value (maximization). */
  bound: number | null;
  gap: number | null;
  /** Who found the answer: our branch and bound, our genetic search, HiGHS, or the heuristic alone. */
  source: 'branch-and-bound' | 'genetic' | 'solver' | 'heuristic' | 'none';
  boundSource: 'branch-and-bound' | 'mip' | 'lp' | 'none';
  /** Value found by the greedy + local-search heuristic alone (null if it found nothing). */
  heuristicValue: number | null;
  nodes: number;
}

export interface LpRelaxation {
  feasible: boolean;
  bound: number | null;
  /** Shadow price of each resource (0 when its row is absent or slack). */
  duals: Float64Array;
}

/** Solves the LP relaxation with HiGHS: an upper bound, and resource prices for the greedy ratio. */
export function solveLpRelaxation(cp: CompiledProblem, highs: Highs): LpRelaxation {
  const { data, rows } = buildMipModel(cp, highs, { integer: false });
  const duals = new Float64Array(cp.resourceIds.length);
  const model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false });
    model.run();
    const status = model.getModelStatus();
    if (status === highs.constants.modelStatus.infeasible) return { feasible: false, bound: null, duals };
    if (status !== highs.constants.modelStatus.optimal) return { feasible: true, bound: null, duals };
    const sol = model.getSolution();
    rows.forEach((t, k) => {
      if (t.kind === 'resource') duals[t.resource] = Math.abs(sol.rowDual[k]);
    });
    return { feasible: true, bound: model.getObjectiveValue(), duals };
  } finally {
    model.dispose();
  }
}

/** The outcome for a problem proven to have no feasible selection. */
function infeasible(heuristicValue: number | null, nodes: number): SolveOutcome {
  return {
    status: 'infeasible',
    choice: null,
    objective: null,
    bound: null,
    gap: null,
    source: 'none',
    boundSource: 'none',
    heuristicValue,
    nodes,
  };
}

/** Relative gap between a bound and a value (0 when equal; guards a zero objective). */
export function relativeGap(bound: number, value: number): number {
  return Math.max(0, bound - value) / Math.max(Math.abs(value), 1e-9);
}

/**
 * Runs the heuristic: greedy by LP-dual prices and by plain capacity shares, each followed by local
 * search; returns the best feasible choice.
 */
export function bestHeuristic(
  cp: CompiledProblem,
  duals: Float64Array | null,
  timeLimitMs: number,
): { choice: Choice | null; value: number } {
  const runs = [greedySolve(cp, { timeLimitMs: timeLimitMs / 2 })];
  if (duals) {
    const w = Float64Array.from(duals, (d, r) => d + 1e-6 / Math.max(cp.capacity[r], 1));
    runs.push(greedySolve(cp, { weights: w, timeLimitMs: timeLimitMs / 2 }));
  }
  let best: { choice: Choice | null; value: number } = { choice: null, value: Number.NEGATIVE_INFINITY };
  for (const r of runs) if (r.choice && r.value > best.value) best = r;
  return best;
}

/** Share of the time left after the heuristic that our own branch and bound may use before HiGHS. */
const BRANCH_AND_BOUND_SHARE = 0.5;
/**
 * Share of the time left after an unfinished branch and bound that the genetic search gets; HiGHS,
 * warm-started with its answer, gets the rest for the bound and a last improvement.
 */
const GENETIC_SHARE = 0.85;

const toVector = (cp: CompiledProblem, choice: Choice): Uint8Array => {
  const v = new Uint8Array(cp.columns.length);
  for (const c of choice) if (c >= 0) v[c] = 1;
  return v;
};

const toChoice = (cp: CompiledProblem, x: ArrayLike<number>): Choice => {
  const choice = new Int32Array(cp.itemIds.length).fill(-1);
  for (let k = 0; k < x.length; k++) if (x[k] > 0.5) choice[cp.columns[k].item] = k;
  return choice;
};

/**
 * Exact solve: LP relaxation (bound, prices) → heuristic (first answer) → our depth-first branch
 * and bound (proves small and knapsack-like problems in a fraction of HiGHS's time) → HiGHS
 * branch-and-cut, warm-started, for whatever the branch and bound left open. Never returns less
 * than the heuristic; reports the gap to the best proven bound.
 */
export function exactSolve(cp: CompiledProblem, highs: Highs, options: ExactOptions = {}): SolveOutcome {
  const t0 = Date.now();
  const limit = options.timeLimitSeconds ?? 10;
  const relGap = options.relGap ?? 1e-6;
  if (cp.columns.length === 0) {
    const none = new Int32Array(cp.itemIds.length).fill(-1);
    const ok = checkSelection(cp, none).length === 0;
    return {
      status: ok ? 'optimal' : 'infeasible',
      choice: ok ? none : null,
      objective: ok ? 0 : null,
      bound: ok ? 0 : null,
      gap: ok ? 0 : null,
      source: ok ? 'heuristic' : 'none',
      boundSource: ok ? 'lp' : 'none',
      heuristicValue: ok ? 0 : null,
      nodes: 0,
    };
  }
  const lp = solveLpRelaxation(cp, highs);
  if (!lp.feasible) return infeasible(null, 0);
  const heuristicMs = Math.min(1000, limit * 100);
  let heur = bestHeuristic(cp, lp.duals, heuristicMs);
  if (options.warmStart && checkSelection(cp, options.warmStart).length === 0) {
    const v = choiceValue(cp, options.warmStart);
    if (v > heur.value) heur = { choice: options.warmStart, value: v };
  }
  // The heuristic sums its value move by move, so the last bits depend on its path (and its time
  // limit); recomputing from the choice gives one value per plan, whichever way it was found.
  if (heur.choice) heur = { choice: heur.choice, value: choiceValue(cp, heur.choice) };
  const heuristicValue = heur.choice ? heur.value : null;

  const budgetMs = Math.max(0, limit * 1000 - (Date.now() - t0));
  const bbMs = budgetMs * BRANCH_AND_BOUND_SHARE;
  const bb: BranchAndBoundResult =
    options.steps?.branchAndBound === false
      ? { status: 'stopped', x: null, value: null, bound: Number.POSITIVE_INFINITY, nodes: 0, closedShare: 0 }
      : branchAndBound(mipRows(cp), {
          incumbent: heur.choice ? toVector(cp, heur.choice) : null,
          deadline: Date.now() + bbMs,
          predictAfterMs: bbMs * 0.1,
          relGap,
        });
  if (bb.status === 'infeasible') return infeasible(heuristicValue, bb.nodes);
  const bbChoice = bb.x ? toChoice(cp, bb.x) : null;
  if (bbChoice && checkSelection(cp, bbChoice).length === 0) {
    const v = choiceValue(cp, bbChoice);
    const improved = v > heur.value + 1e-9;
    if (improved) heur = { choice: bbChoice, value: v };
    if (bb.status === 'optimal')
      return {
        status: 'optimal',
        choice: heur.choice,
        objective: heur.value,
        bound: heur.value,
        gap: 0,
        source: improved ? 'branch-and-bound' : 'heuristic',
        boundSource: 'branch-and-bound',
        heuristicValue,
        nodes: bb.nodes,
      };
  }
  let ownSource: 'branch-and-bound' | 'genetic' | 'heuristic' =
    heur.value > (heuristicValue ?? Number.NEGATIVE_INFINITY) ? 'branch-and-bound' : 'heuristic';

  const packing = options.steps?.genetic === false ? null : packingForm(cp);
  if (packing) {
    const geneticMs = Math.max(0, limit * 1000 - (Date.now() - t0)) * GENETIC_SHARE;
    const start = heur.choice ? [Uint8Array.from(heur.choice, (c) => (c >= 0 ? 1 : 0))] : [];
    const found = geneticSearch(packing, {
      prices: lp.duals,
      deadline: Date.now() + geneticMs,
      initial: start,
    });
    const choice = found ? packingChoice(cp, found.x) : null;
    if (choice && checkSelection(cp, choice).length === 0) {
      const v = choiceValue(cp, choice);
      if (v > heur.value + 1e-9) {
        heur = { choice, value: v };
        ownSource = 'genetic';
      }
    }
  }

  const { data } = buildMipModel(cp, highs);
  const model = highs.createModel(data);
  try {
    const remaining = Math.max(0.05, limit - (Date.now() - t0) / 1000);
    model.options.set({ output_flag: false, time_limit: remaining, mip_rel_gap: relGap, mip_abs_gap: 1e-9 });
    if (heur.choice) {
      const colValue = new Float64Array(cp.columns.length);
      for (const c of heur.choice) if (c >= 0) colValue[c] = 1;
      model.setSolution({ colValue });
    }
    model.run();
    const status = model.getModelStatus();
    const ms = highs.constants.modelStatus;
    const nodes = bb.nodes + Number(model.info.get('mip_node_count'));
    if (status === ms.infeasible) return infeasible(heuristicValue, nodes);
    let solverChoice: Choice | null = null;
    if (Number(model.info.get('primal_solution_status')) === 2) {
      solverChoice = toChoice(cp, model.getSolution().colValue);
      if (checkSelection(cp, solverChoice).length > 0) solverChoice = null;
    }
    const dualBound = Number(model.info.get('mip_dual_bound'));
    const mipBound = Number.isFinite(dualBound) ? dualBound : null;
    const bounds = [
      { value: mipBound, source: 'mip' as const },
      { value: lp.bound, source: 'lp' as const },
      { value: bb.bound, source: 'branch-and-bound' as const },
    ].filter(
      (b): b is { value: number; source: 'mip' | 'lp' | 'branch-and-bound' } =>
        b.value !== null && Number.isFinite(b.value),
    );
    const tightest = bounds.reduce<(typeof bounds)[number] | null>(
      (a, b) => (a === null || b.value < a.value ? b : a),
      null,
    );
    const bound = tightest?.value ?? null;
    const boundSource = tightest?.source ?? 'none';
    const solverValue = solverChoice ? choiceValue(cp, solverChoice) : Number.NEGATIVE_INFINITY;
    // On a tie the answer HiGHS was warm-started with keeps its own source.
    const useSolver = solverChoice !== null && solverValue > heur.value + 1e-9;
    const choice = useSolver ? solverChoice : heur.choice;
    const objective = choice ? (useSolver ? solverValue : heur.value) : null;
    const gap = objective !== null && bound !== null ? relativeGap(bound, objective) : null;
    const proven = status === ms.optimal || (gap !== null && gap <= relGap);
    return {
      status: choice === null ? 'unknown' : proven ? 'optimal' : 'feasible',
      choice,
      objective,
      bound: bound !== null && objective !== null ? Math.max(bound, objective) : bound,
      gap,
      source: choice === null ? 'none' : useSolver ? 'solver' : ownSource,
      boundSource,
      heuristicValue,
      nodes,
    };
  } finally {
    model.dispose();
  }
}

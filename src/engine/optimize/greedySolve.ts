import { checkSelection, timingCompatible, tolerance } from './checkSelection.ts';
import type { Choice, CompiledProblem } from './compileProblem.ts';
import { seededRandom } from './randomProblem.ts';

export interface GreedyOptions {
  /** Price of one unit of each resource for the efficiency ratio (e.g. LP duals); default 1/capacity. */
  weights?: Float64Array;
  /** Wall-clock budget for the local search, in milliseconds (default 1000). */
  timeLimitMs?: number;
  /** Skip the local search (construction only). */
  constructionOnly?: boolean;
  /** Stop the iterated local search after this many kicks without improvement (default min(300, 20 + 5 × columns)). */
  patience?: number;
}

export interface GreedyResult {
  /** The choice found, or null when the heuristic could not satisfy mandatory items / group minimums. */
  choice: Choice | null;
  value: number;
}

/**
 * Greedy construction + local improvement for the generic selection problem. Columns are taken in
 * order of value per weighted resource use (with their prerequisites as a bundle), then improved by
 * option switches, 1-for-1 swaps and drop-and-refill moves. Gives a feasible answer at once and the
 * MIP solver's warm start.
 */
export function greedySolve(cp: CompiledProblem, options: GreedyOptions = {}): GreedyResult {
  const state = new SelectionState(cp);
  const m = cp.resourceIds.length;
  const weights = options.weights ?? Float64Array.from(cp.capacity, (cap) => (cap > 0 ? 1 / cap : 1e6));
  const efficiency = cp.columns.map((c) => {
    let w = 1e-9;
    for (let r = 0; r < m; r++) w += weights[r] * c.uses[r];
    return c.value / w;
  });
  const order = cp.columns.map((_, k) => k).sort((a, b) => efficiency[b] - efficiency[a]);
  const deadline = Date.now() + (options.timeLimitMs ?? 1000);

  // 1. Mandatory items (and what they require) go in first, even over capacity; checked at the end.
  for (let i = 0; i < cp.itemIds.length; i++) {
    if (!cp.mandatory[i] || state.choice[i] >= 0) continue;
    state.forceItem(i, order);
  }
  // 2. Group minimums: add the group's most efficient columns until the minimum is met.
  cp.groups.forEach((g, k) => {
    if (g.min === Number.NEGATIVE_INFINITY) return;
    for (const col of order) {
      if (state.groupValue[k] >= g.min - tolerance(g.min)) break;
      if (cp.groupUse[k][col] <= 0) continue;
      state.tryAddBundle(col, order);
    }
  });
  // 3. Fill with the most efficient columns that fit.
  state.fill(order);
  // 4. Local improvement until no move helps or time runs out.
  if (!options.constructionOnly) {
    // On large problems the O(n² m) drop-and-refill sweep would eat the budget the kicks use better.
    improve(state, order, deadline, cp.columns.length <= 200);
    iteratedLocalSearch(
      state,
      order,
      deadline,
      options.patience ?? Math.min(300, 20 + 5 * cp.columns.length),
    );
  }

  const choice = state.choice;
  if (checkSelection(cp, choice).length > 0) return { choice: null, value: Number.NEGATIVE_INFINITY };
  return { choice: Int32Array.from(choice), value: state.value };
}

function improve(state: SelectionState, order: number[], deadline: number, dropAndRefill = true): void {
  const cp = state.cp;
  let improved = true;
  while (improved && Date.now() < deadline) {
    improved = false;
    // Option switch and 1-for-1 swap: best improving move over all pairs.
    let best = 1e-9;
    let bestOut = -1;
    let bestIn = -1;
    for (let i = 0; i < cp.itemIds.length; i++) {
      const cur = state.choice[i];
      if (cur < 0 || cp.mandatory[i]) continue;
      const curValue = cp.columns[cur].value;
      for (const col of order) {
        const gain = cp.columns[col].value - curValue;
        if (gain <= best) continue;
        const j = cp.columns[col].item;
        if (j !== i && state.choice[j] >= 0) continue;
        if (state.canSwap(i, col)) {
          best = gain;
          bestOut = i;
          bestIn = col;
        }
      }
      if (Date.now() > deadline) break;
    }
    if (bestIn >= 0) {
      state.remove(bestOut);
      state.add(bestIn);
      state.fill(order);
      improved = true;
      continue;
    }
    // Drop one item and refill greedily; keep if the total rises.
    if (!dropAndRefill) break;
    for (let i = 0; i < cp.itemIds.length && Date.now() < deadline; i++) {
      if (state.choice[i] < 0 || !state.canRemove(i)) continue;
      const before = Int32Array.from(state.choice);
      const beforeValue = state.value;
      state.remove(i);
      state.fill(order, i);
      if (state.value > beforeValue + 1e-9) {
        improved = true;
        break;
      }
      state.restore(before);
    }
  }
}

/**
 * Iterated local search: kick the best selection (drop 2–4 random removable items), refill and
 * improve; keep the result if it is better. Stops at the deadline or after `patience` kicks in a row
 * without improvement. Seeded, so the answer is reproducible for a given time budget.
 */
function iteratedLocalSearch(
  state: SelectionState,
  order: number[],
  deadline: number,
  patience: number,
): void {
  const rnd = seededRandom(0x5e7a47);
  let best = Int32Array.from(state.choice);
  let bestValue = state.value;
  let stale = 0;
  while (stale < patience && Date.now() < deadline) {
    const removable: number[] = [];
    for (let i = 0; i < state.choice.length; i++)
      if (state.choice[i] >= 0 && state.canRemove(i)) removable.push(i);
    if (removable.length === 0) return;
    const kicks = Math.min(removable.length, 2 + Math.floor(rnd() * 3));
    const dropped: number[] = [];
    for (let k = 0; k < kicks; k++) {
      const j = removable.splice(Math.floor(rnd() * removable.length), 1)[0];
      if (!state.canRemove(j)) continue;
      state.remove(j);
      dropped.push(j);
    }
    // Refill without the dropped items first, so the kick actually moves somewhere new.
    state.fill(order, new Set(dropped));
    // Swaps only: the drop-and-refill sweep costs O(n² m) and the kicks already do that job.
    improve(state, order, deadline, false);
    if (state.value > bestValue + 1e-9) {
      best = Int32Array.from(state.choice);
      bestValue = state.value;
      stale = 0;
    } else {
      stale++;
      state.restore(best);
    }
  }
  state.restore(best);
}

/** The current selection with incremental resource and group sums. */
class SelectionState {
  readonly choice: Int32Array;
  readonly used: Float64Array;
  readonly groupValue: Float64Array;
  value = 0;

  constructor(readonly cp: CompiledProblem) {
    this.choice = new Int32Array(cp.itemIds.length).fill(-1);
    this.used = new Float64Array(cp.resourceIds.length);
    this.groupValue = new Float64Array(cp.groups.length);
  }

  add(col: number): void {
    const c = this.cp.columns[col];
    this.choice[c.item] = col;
    this.apply(col, 1);
  }

  remove(i: number): void {
    const col = this.choice[i];
    if (col < 0) return;
    this.choice[i] = -1;
    this.apply(col, -1);
  }

  restore(choice: Int32Array): void {
    for (let i = 0; i < choice.length; i++) if (this.choice[i] !== choice[i]) this.remove(i);
    for (let i = 0; i < choice.length; i++) if (this.choice[i] !== choice[i]) this.add(choice[i]);
  }

  private apply(col: number, sign: number): void {
    const c = this.cp.columns[col];
    this.value += sign * c.value;
    for (let r = 0; r < this.used.length; r++) this.used[r] += sign * c.uses[r];
    for (let k = 0; k < this.groupValue.length; k++) this.groupValue[k] += sign * this.cp.groupUse[k][col];
  }

  /** Whether the columns `add` fit next to the current selection once the items `drop` are out. */
  private fits(add: number[], drop: number[]): boolean {
    const cp = this.cp;
    for (let r = 0; r < this.used.length; r++) {
      let u = this.used[r];
      for (const i of drop) if (this.choice[i] >= 0) u -= cp.columns[this.choice[i]].uses[r];
      for (const col of add) u += cp.columns[col].uses[r];
      if (u > cp.capacity[r] + tolerance(cp.capacity[r])) return false;
    }
    for (let k = 0; k < this.groupValue.length; k++) {
      const g = cp.groups[k];
      let v = this.groupValue[k];
      for (const i of drop) if (this.choice[i] >= 0) v -= cp.groupUse[k][this.choice[i]];
      for (const col of add) v += cp.groupUse[k][col];
      if (v > g.max + tolerance(g.max)) return false;
      // Never push a group below its minimum (construction may start below it and climb).
      if (v < g.min - tolerance(g.min) && v < this.groupValue[k] - 1e-9) return false;
    }
    return true;
  }

  /** Logic check of item i running as `col`, given a tentative choice vector. */
  private logicOk(choice: Int32Array, i: number, col: number): boolean {
    const cp = this.cp;
    if (cp.forbidden[i]) return false;
    for (const j of cp.excludes[i]) if (choice[j] >= 0) return false;
    for (const j of cp.requires[i]) if (choice[j] < 0 || !timingCompatible(cp, col, choice[j])) return false;
    for (const d of cp.requiredBy[i])
      if (choice[d] >= 0 && !timingCompatible(cp, choice[d], col)) return false;
    return true;
  }

  canRemove(i: number): boolean {
    if (this.cp.mandatory[i]) return false;
    for (const d of this.cp.requiredBy[i]) if (this.choice[d] >= 0) return false;
    return true;
  }

  /** Can item i (selected) be replaced by column `col` (of i itself, or of an unselected item)? */
  canSwap(i: number, col: number): boolean {
    const cp = this.cp;
    const j = cp.columns[col].item;
    if (j !== i && !this.canRemove(i)) return false;
    if (!this.fits([col], [i])) return false;
    const tentative = this.choice;
    const old = tentative[i];
    tentative[i] = -1;
    const ok = this.logicOk(tentative, j, col);
    tentative[i] = old;
    return ok;
  }

  /** Adds `col` plus any missing prerequisites (each with a compatible column) if they all fit. */
  tryAddBundle(col: number, order: number[], requirePositive = false): boolean {
    const cp = this.cp;
    const bundle: number[] = [];
    const tentative = Int32Array.from(this.choice);
    const pick = (i: number, c: number): boolean => {
      tentative[i] = c;
      bundle.push(c);
      for (const j of cp.requires[i]) {
        if (tentative[j] >= 0) {
          if (!timingCompatible(cp, c, tentative[j])) return false;
          continue;
        }
        // Prerequisite: its most efficient column compatible with c.
        const cand = order.find((k) => cp.columns[k].item === j && timingCompatible(cp, c, k));
        if (cand === undefined || bundle.length > 32) return false;
        if (!pick(j, cand)) return false;
      }
      return true;
    };
    const i = cp.columns[col].item;
    if (tentative[i] >= 0) return false;
    if (!pick(i, col)) return false;
    for (const c of bundle) if (!this.logicOk(tentative, cp.columns[c].item, c)) return false;
    if (requirePositive && bundle.reduce((s, c) => s + cp.columns[c].value, 0) <= 0) return false;
    if (!this.fits(bundle, [])) return false;
    for (const c of bundle) this.add(c);
    return true;
  }

  /** Forces a mandatory item (and its prerequisites) in, choosing the columns that overload least. */
  forceItem(i: number, order: number[]): void {
    const cp = this.cp;
    const cols = order.filter((k) => cp.columns[k].item === i);
    for (const c of cols) if (this.tryAddBundle(c, order)) return;
    const c = cols[0];
    if (c === undefined) return;
    this.add(c);
    for (const j of cp.requires[i]) if (this.choice[j] < 0) this.forceItem(j, order);
  }

  /** Adds every positive-value column that fits, in order, repeating until nothing more fits. */
  fill(order: number[], skip: number | ReadonlySet<number> = -1): void {
    const skipped = (i: number) => (typeof skip === 'number' ? i === skip : skip.has(i));
    let changed = true;
    while (changed) {
      changed = false;
      for (const col of order) {
        const c = this.cp.columns[col];
        if (c.value <= 0 || skipped(c.item) || this.choice[c.item] >= 0) continue;
        if (this.tryAddBundle(col, order, true)) changed = true;
      }
    }
  }
}

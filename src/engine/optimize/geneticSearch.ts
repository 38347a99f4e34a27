import { tolerance } from './checkSelection.ts';
import type { Choice, CompiledProblem } from './compileProblem.ts';
import { seededRandom } from './randomProblem.ts';

/**
 * A problem that is a plain multidimensional knapsack: every item one column, resources only capped,
 * no requires, excludes, groups or options. Most portfolio problems with only budget and people limits
 * have this form, and it is the form the genetic search below can repair cheaply.
 */
export interface PackingForm {
  n: number;
  m: number;
  /** Use of resource i by item j at j × m + i. */
  weights: Float64Array;
  /** Capacity plus the feasibility checker's tolerance, so a repaired answer always passes it. */
  limit: Float64Array;
  value: Float64Array;
  mandatory: Uint8Array;
  forbidden: Uint8Array;
}

/** The packing form of a problem, or null when it has anything a packing cannot express. */
export function packingForm(cp: CompiledProblem): PackingForm | null {
  const n = cp.itemIds.length;
  const m = cp.resourceIds.length;
  if (cp.groups.length > 0) return null;
  for (let j = 0; j < n; j++) {
    if (cp.itemColumns[j].length !== 1 || cp.columns[cp.itemColumns[j][0]].option !== -1) return null;
    if (cp.requires[j].length > 0 || cp.excludes[j].length > 0) return null;
  }
  const weights = new Float64Array(n * m);
  const value = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const column = cp.columns[cp.itemColumns[j][0]];
    value[j] = column.value;
    for (let i = 0; i < m; i++) {
      if (column.uses[i] < 0) return null;
      weights[j * m + i] = column.uses[i];
    }
  }
  return {
    n,
    m,
    weights,
    limit: Float64Array.from(cp.capacity, (c) => c + tolerance(c)),
    value,
    mandatory: Uint8Array.from(cp.mandatory, Number),
    forbidden: Uint8Array.from(cp.forbidden, Number),
  };
}

export interface GeneticOptions {
  /** Price per unit of each resource (LP duals): items are dropped and added in order of value per price. */
  prices: Float64Array;
  deadline: number;
  /** Known good answers to start from (e.g. the heuristic's), as 0/1 per item. */
  initial?: Uint8Array[];
  seed?: number;
  /** Stop after this many children without a better answer (default 2,000 per item). */
  patience?: number;
}

export interface GeneticResult {
  x: Uint8Array;
  value: number;
  children: number;
}

const POPULATION = 100;

/**
 * Chu & Beasley's genetic algorithm for the multidimensional knapsack (1998): a population of 100
 * distinct answers, binary tournaments, uniform crossover, two flipped bits, and a repair that drops
 * items of least value per priced use until the answer fits, then adds the best ones that still fit.
 * Each child replaces the worst member if it is better and not already present. On the 500-item,
 * 30-resource bench instances it finds better answers in a few seconds than HiGHS in ten, because a
 * child costs microseconds where a HiGHS node costs milliseconds. Null when the mandatory items alone
 * do not fit (or one is also forbidden).
 */
export function geneticSearch(pk: PackingForm, options: GeneticOptions): GeneticResult | null {
  const { n, m, weights, limit, value, mandatory, forbidden } = pk;
  for (let j = 0; j < n; j++) if (mandatory[j] && forbidden[j]) return null;
  const rand = seededRandom(options.seed ?? 1);
  const utility = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let priced = 0;
    for (let i = 0; i < m; i++)
      priced += (options.prices[i] + 1e-6 / Math.max(limit[i], 1)) * weights[j * m + i];
    utility[j] = value[j] / Math.max(priced, 1e-12);
  }
  const byUtility = Int32Array.from(
    Array.from({ length: n }, (_, j) => j).sort((a, b) => utility[b] - utility[a]),
  );
  const used = new Float64Array(m);
  const overLimit = () => {
    for (let i = 0; i < m; i++) if (used[i] > limit[i]) return true;
    return false;
  };
  const take = (j: number, sign: number) => {
    const o = j * m;
    for (let i = 0; i < m; i++) used[i] += sign * weights[o + i];
  };

  /** Makes x feasible and maximal in place; returns its value, or NaN when the mandatory items do not fit. */
  const repair = (x: Uint8Array): number => {
    used.fill(0);
    for (let j = 0; j < n; j++) {
      if (mandatory[j]) x[j] = 1;
      else if (forbidden[j]) x[j] = 0;
      if (x[j]) take(j, 1);
    }
    for (let k = n - 1; k >= 0 && overLimit(); k--) {
      const j = byUtility[k];
      if (x[j] && !mandatory[j]) {
        x[j] = 0;
        take(j, -1);
      }
    }
    if (overLimit()) return Number.NaN;
    for (let k = 0; k < n; k++) {
      const j = byUtility[k];
      if (x[j] || forbidden[j] || value[j] <= 0) continue;
      const o = j * m;
      let fits = true;
      for (let i = 0; i < m && fits; i++) fits = used[i] + weights[o + i] <= limit[i];
      if (fits) {
        x[j] = 1;
        take(j, 1);
      }
    }
    let total = 0;
    for (let j = 0; j < n; j++) if (x[j]) total += value[j];
    return total;
  };
  const key = (x: Uint8Array) => {
    let h = 2166136261;
    for (let j = 0; j < n; j++) if (x[j]) h = Math.imul(h ^ j, 16777619);
    return h >>> 0;
  };

  const members: Uint8Array[] = [];
  const fitness: number[] = [];
  const present = new Map<number, number>();
  const admit = (x: Uint8Array, v: number) => {
    members.push(x);
    fitness.push(v);
    const h = key(x);
    present.set(h, (present.get(h) ?? 0) + 1);
  };
  for (const start of options.initial ?? []) {
    const x = Uint8Array.from(start);
    const v = repair(x);
    if (Number.isNaN(v)) return null;
    if (!present.has(key(x))) admit(x, v);
  }
  // Random starting members; small problems may have fewer distinct answers than the population.
  for (let tries = 0; members.length < POPULATION && tries < 20 * POPULATION; tries++) {
    const x = new Uint8Array(n);
    for (let j = 0; j < n; j++) x[j] = rand() < 0.5 ? 1 : 0;
    const v = repair(x);
    if (Number.isNaN(v)) return null;
    if (!present.has(key(x))) admit(x, v);
  }
  const size = members.length;
  let best = 0;
  for (let k = 1; k < size; k++) if (fitness[k] > fitness[best]) best = k;
  let bestValue = fitness[best];
  const bestX = Uint8Array.from(members[best]);

  // Large problems still improve after tens of thousands of barren children; small ones are done.
  const patience = options.patience ?? 2_000 * n;
  const child = new Uint8Array(n);
  const tournament = () => {
    const a = Math.floor(rand() * size);
    const b = Math.floor(rand() * size);
    return fitness[a] >= fitness[b] ? a : b;
  };
  let children = 0;
  let lastGain = 0;
  while (children - lastGain < patience && size > 1) {
    if ((children & 63) === 0 && Date.now() > options.deadline) break;
    const a = members[tournament()];
    const b = members[tournament()];
    for (let j = 0; j < n; j++) child[j] = rand() < 0.5 ? a[j] : b[j];
    for (let flips = 0; flips < 2; flips++) child[Math.floor(rand() * n)] ^= 1;
    const v = repair(child);
    children++;
    const h = key(child);
    if (present.has(h)) continue;
    let worst = 0;
    for (let k = 1; k < size; k++) if (fitness[k] < fitness[worst]) worst = k;
    if (v <= fitness[worst]) continue;
    const old = key(members[worst]);
    const count = (present.get(old) ?? 1) - 1;
    if (count > 0) present.set(old, count);
    else present.delete(old);
    members[worst].set(child);
    fitness[worst] = v;
    present.set(h, 1);
    if (v > bestValue) {
      bestValue = v;
      bestX.set(child);
      lastGain = children;
    }
  }
  return { x: bestX, value: bestValue, children };
}

/** A packing answer as a choice per item (the item's one column, or -1). */
export function packingChoice(cp: CompiledProblem, x: Uint8Array): Choice {
  return Int32Array.from(x, (taken, j) => (taken ? cp.itemColumns[j][0] : -1));
}

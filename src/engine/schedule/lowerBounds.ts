import { type CompiledSchedule, capacityAt } from './compileSchedule.ts';
import { disjunctiveBound } from './disjunctiveBound.ts';

export interface LowerBounds {
  /** Longest chain of durations from the release dates (resources ignored). */
  criticalPath: number;
  /** Per resource, the first period by which its capacity can have absorbed the work released so far. */
  resource: number;
  /** Items that cannot overlap must run in sequence (see disjunctiveBound). */
  disjunctive: number;
  /** Earliest start of each item with infinite resources. */
  earliestStart: Int32Array;
  /** A resource whose capacity runs dry (last value 0) before the work released from `from` is done. */
  exhausted?: { resource: number; from: number; work: number };
  /** Latest finish of each item that keeps every deadline and the lower bound (may be < its earliest end). */
  latestFinish: Int32Array;
}

/**
 * Makespan lower bounds. Critical path: forward pass from release dates. Resource bound: for every
 * resource and every earliest-start value e, the work of the items that cannot start before e must fit
 * in the capacity offered from e on, so the makespan is at least the first T where
 * Σ_{t=e}^{T-1} capacity(t) ≥ that work (with capacity constant c this is e + ⌈work / c⌉).
 * Disjunctive bound: see disjunctiveBound.
 */
export function lowerBounds(c: CompiledSchedule): LowerBounds {
  const es = new Int32Array(c.n);
  let criticalPath = 0;
  for (const i of c.topo) {
    let s = c.earliest[i];
    for (const p of c.preds[i]) s = Math.max(s, es[p] + c.duration[p]);
    es[i] = s;
    criticalPath = Math.max(criticalPath, s + c.duration[i]);
  }
  let resource = 0;
  let exhausted: LowerBounds['exhausted'];
  const R = c.resourceIds.length;
  const work: { es: number; w: number }[][] = Array.from({ length: R }, () => []);
  for (let i = 0; i < c.n; i++) {
    const rs = c.demandResource[i];
    for (let k = 0; k < rs.length; k++)
      work[rs[k]].push({ es: es[i], w: c.demandAmount[i][k] * c.duration[i] });
  }
  for (let r = 0; r < R; r++) {
    const list = work[r].sort((a, b) => b.es - a.es);
    let total = 0;
    for (let k = 0; k < list.length; k++) {
      total += list[k].w;
      if (k + 1 < list.length && list[k + 1].es === list[k].es) continue;
      const T = firstPeriodAbsorbing(c, r, list[k].es, total);
      if (!Number.isFinite(T) && !exhausted) exhausted = { resource: r, from: list[k].es, work: total };
      resource = Math.max(resource, T);
    }
  }
  // Latest finish against a horizon no schedule beats (and every deadline), for the LFT priority rule.
  const disjunctive = disjunctiveBound(c, es);
  let horizon = Math.max(criticalPath, disjunctive, Number.isFinite(resource) ? resource : 0);
  for (let i = 0; i < c.n; i++) horizon = Math.max(horizon, c.deadline[i]);
  const lf = new Int32Array(c.n);
  for (let k = c.n - 1; k >= 0; k--) {
    const i = c.topo[k];
    let f = c.deadline[i] >= 0 ? c.deadline[i] : horizon;
    for (const s of c.succs[i]) f = Math.min(f, lf[s] - c.duration[s]);
    lf[i] = f;
  }
  return { criticalPath, resource, disjunctive, exhausted, earliestStart: es, latestFinish: lf };
}

/** Smallest T with Σ_{t=from}^{T-1} capacity(r, t) ≥ work (Infinity if the capacity runs dry). */
function firstPeriodAbsorbing(c: CompiledSchedule, r: number, from: number, work: number): number {
  const eps = 1e-9 * Math.max(1, work);
  let left = work;
  let t = from;
  const len = c.capacity[r].length;
  while (t < len && left > eps) {
    left -= capacityAt(c, r, t);
    t++;
  }
  if (left <= eps) return t;
  const tail = c.capacityTail[r];
  if (tail <= 0) return Number.POSITIVE_INFINITY;
  return t + Math.ceil(left / tail - 1e-9);
}

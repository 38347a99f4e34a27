import type { CompiledSchedule } from './compileSchedule.ts';

/**
 * Makespan lower bound from a set of items no two of which can run at the same time — because together
 * they need more of some resource than it ever offers, or because one directly follows the other.
 * Such items run one after another, so the makespan is at least min earliest start + Σ durations +
 * min tail (the longest chain of successors after an item). The sets are grown greedily from the
 * longest items (30 seeds, 5 above 1,000 items; a clique heuristic in the incompatibility graph); strong when capacity is scarce,
 * where the critical-path and resource bounds are weak.
 */
export function disjunctiveBound(
  c: CompiledSchedule,
  earliestStart: Int32Array,
  seeds = c.n > 1000 ? 5 : 30,
): number {
  const n = c.n;
  const R = c.resourceIds.length;
  if (n === 0 || n * R > 5_000_000) return 0;
  const maxCapacity = Float64Array.from(c.capacity, (cap, r) => Math.max(c.capacityTail[r], ...cap));
  const demand = new Float64Array(n * R);
  for (let i = 0; i < n; i++) {
    const rs = c.demandResource[i];
    for (let k = 0; k < rs.length; k++) demand[i * R + rs[k]] = c.demandAmount[i][k];
  }
  const tail = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = c.topo[k];
    for (const s of c.succs[i]) tail[i] = Math.max(tail[i], c.duration[s] + tail[s]);
  }
  const arcs = new Set<number>();
  for (let i = 0; i < n; i++) for (const p of c.preds[i]) arcs.add(p * n + i).add(i * n + p);
  const incompatible = (a: number, b: number): boolean => {
    if (arcs.has(a * n + b)) return true;
    const rs = c.demandResource[a];
    for (let k = 0; k < rs.length; k++) {
      const r = rs[k];
      if (c.demandAmount[a][k] + demand[b * R + r] > maxCapacity[r] + 1e-9) return true;
    }
    return false;
  };
  const candidates = Array.from({ length: n }, (_, i) => i)
    .filter((i) => c.duration[i] > 0)
    .sort((a, b) => c.duration[b] - c.duration[a] || a - b);
  let best = 0;
  for (let s = 0; s < Math.min(seeds, candidates.length); s++) {
    const clique = [candidates[s]];
    for (const j of candidates) {
      if (j === candidates[s]) continue;
      let ok = true;
      for (const m of clique)
        if (!incompatible(m, j) && !incompatible(j, m)) {
          ok = false;
          break;
        }
      if (ok) clique.push(j);
    }
    let minStart = Number.POSITIVE_INFINITY;
    let minTail = Number.POSITIVE_INFINITY;
    let total = 0;
    for (const i of clique) {
      minStart = Math.min(minStart, earliestStart[i]);
      minTail = Math.min(minTail, tail[i]);
      total += c.duration[i];
    }
    best = Math.max(best, minStart + total + minTail);
  }
  return best;
}

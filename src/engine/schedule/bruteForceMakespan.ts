import type { ScheduleProblem } from '../../domain/scheduleProblem.ts';

/**
 * Exact minimum makespan by exhaustive search over start times (depth-first, items in dependency
 * order, pruned only by the best makespan found so far). Exponential: for checking the solver on tiny
 * problems (≤ 6 items, short horizons). Returns Infinity when nothing fits within the horizon
 * max(latest release, capacity length) + Σ durations, which is long enough whenever the last capacity
 * value covers every demand.
 */
export function bruteForceMakespan(problem: ScheduleProblem): number {
  const items = [...problem.items];
  const order: typeof items = [];
  const placed = new Set<string>();
  while (order.length < items.length) {
    const next = items.find((it) => !placed.has(it.id) && (it.after ?? []).every((a) => placed.has(a)));
    if (!next) throw new Error('cycle');
    order.push(next);
    placed.add(next.id);
  }
  const capLength = Math.max(
    1,
    ...problem.resources.map((r) => (typeof r.capacity === 'number' ? 1 : r.capacity.length)),
  );
  const horizon =
    Math.max(capLength, ...items.map((it) => it.earliest ?? 0)) + items.reduce((s, it) => s + it.duration, 0);
  const capacity = (rid: string, t: number): number => {
    const r = problem.resources.find((x) => x.id === rid)!;
    return typeof r.capacity === 'number' ? r.capacity : r.capacity[Math.min(t, r.capacity.length - 1)];
  };
  const used = new Map<string, number[]>(
    problem.resources.map((r) => [r.id, new Array(horizon + 1).fill(0)]),
  );
  const start = new Map<string, number>();
  let best = Number.POSITIVE_INFINITY;

  const fits = (it: (typeof items)[number], s: number): boolean => {
    for (const [rid, a] of Object.entries(it.demand ?? {}))
      for (let t = s; t < s + it.duration; t++)
        if (used.get(rid)![t] + a > capacity(rid, t) + 1e-9) return false;
    return true;
  };
  const put = (it: (typeof items)[number], s: number, sign: number) => {
    for (const [rid, a] of Object.entries(it.demand ?? {}))
      for (let t = s; t < s + it.duration; t++) used.get(rid)![t] += sign * a;
  };
  const search = (k: number, makespan: number) => {
    if (k === order.length) {
      best = Math.min(best, makespan);
      return;
    }
    const it = order[k];
    let lo = it.earliest ?? 0;
    for (const a of it.after ?? [])
      lo = Math.max(lo, start.get(a)! + items.find((x) => x.id === a)!.duration);
    for (let s = lo; s + it.duration <= horizon && Math.max(makespan, s + it.duration) < best; s++) {
      if (!fits(it, s)) continue;
      put(it, s, 1);
      start.set(it.id, s);
      search(k + 1, Math.max(makespan, s + it.duration));
      put(it, s, -1);
    }
  };
  search(0, 0);
  return best;
}

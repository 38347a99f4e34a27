import type { ScheduleObjective } from '../../domain/scheduleProblem.ts';
import type { CompiledSchedule } from './compileSchedule.ts';

/**
 * A precedence-feasible activity list built by a priority rule: among the items whose predecessors are
 * all listed, take the one with the smallest key. `makespan`: latest finish time (LFT, which includes
 * deadlines) first, then higher priority. `priority`: higher effective priority first (an item inherits
 * the priority of everything waiting on it, so blockers of important work go early), then LFT.
 */
export function priorityList(
  c: CompiledSchedule,
  latestFinish: Int32Array,
  objective: ScheduleObjective,
): Int32Array {
  const effective = Float64Array.from(c.priority);
  for (let k = c.n - 1; k >= 0; k--) {
    const i = c.topo[k];
    for (const s of c.succs[i]) if (effective[s] > effective[i]) effective[i] = effective[s];
  }
  const before = (a: number, b: number): boolean => {
    if (objective === 'priority') {
      if (effective[a] !== effective[b]) return effective[a] > effective[b];
      if (latestFinish[a] !== latestFinish[b]) return latestFinish[a] < latestFinish[b];
    } else {
      if (latestFinish[a] !== latestFinish[b]) return latestFinish[a] < latestFinish[b];
      if (effective[a] !== effective[b]) return effective[a] > effective[b];
    }
    return a < b;
  };
  return topologicalBy(c, before);
}

/** Kahn's algorithm with a binary heap ordered by `before`. */
export function topologicalBy(c: CompiledSchedule, before: (a: number, b: number) => boolean): Int32Array {
  const indegree = Int32Array.from(c.preds, (p) => p.length);
  const heap: number[] = [];
  const push = (x: number) => {
    heap.push(x);
    let k = heap.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!before(heap[k], heap[parent])) break;
      [heap[k], heap[parent]] = [heap[parent], heap[k]];
      k = parent;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === k) break;
        [heap[k], heap[m]] = [heap[m], heap[k]];
        k = m;
      }
    }
    return top;
  };
  for (let i = 0; i < c.n; i++) if (indegree[i] === 0) push(i);
  const list = new Int32Array(c.n);
  let len = 0;
  while (heap.length > 0) {
    const i = pop();
    list[len++] = i;
    for (const s of c.succs[i]) if (--indegree[s] === 0) push(s);
  }
  return list;
}

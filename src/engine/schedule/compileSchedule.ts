import { findDependencyCycle, type ScheduleProblem } from '../../domain/scheduleProblem.ts';
import { ScheduleInputError } from './scheduleInputError.ts';

/** The problem in index form with typed arrays, so the inner loops never touch strings or maps. */
export interface CompiledSchedule {
  n: number;
  ids: string[];
  duration: Int32Array;
  earliest: Int32Array;
  /** -1 when the item has no deadline. */
  deadline: Int32Array;
  priority: Float64Array;
  preds: Int32Array[];
  succs: Int32Array[];
  /** Resources each item uses (demand > 0) and how much, as parallel arrays. */
  demandResource: Int32Array[];
  demandAmount: Float64Array[];
  resourceIds: string[];
  /** Capacity per resource per period; beyond the array the last value repeats (`capacityTail`). */
  capacity: Float64Array[];
  capacityTail: Float64Array;
  /** A topological order of the items. */
  topo: Int32Array;
}

/** Turns a problem into index form, throwing ScheduleInputError on unknown ids, cycles or negative values. */
export function compileSchedule(problem: ScheduleProblem): CompiledSchedule {
  const resourceIndex = new Map<string, number>();
  const capacity: Float64Array[] = [];
  const resourceIds: string[] = [];
  for (const r of problem.resources) {
    if (resourceIndex.has(r.id)) throw new ScheduleInputError(`duplicate resource id "${r.id}"`);
    const values = typeof r.capacity === 'number' ? [r.capacity] : r.capacity;
    if (values.length === 0 || values.some((v) => !(v >= 0) || !Number.isFinite(v)))
      throw new ScheduleInputError(`resource "${r.id}" needs capacities that are finite numbers ≥ 0`);
    resourceIndex.set(r.id, resourceIds.length);
    resourceIds.push(r.id);
    capacity.push(Float64Array.from(values));
  }
  const capacityTail = Float64Array.from(capacity, (c) => c[c.length - 1]);

  const n = problem.items.length;
  const ids = problem.items.map((it) => it.id);
  const itemIndex = new Map<string, number>();
  ids.forEach((x, i) => {
    if (itemIndex.has(x)) throw new ScheduleInputError(`duplicate item id "${x}"`);
    itemIndex.set(x, i);
  });
  const duration = new Int32Array(n);
  const earliest = new Int32Array(n);
  const deadline = new Int32Array(n).fill(-1);
  const priority = new Float64Array(n);
  const preds: Int32Array[] = [];
  const succLists: number[][] = Array.from({ length: n }, () => []);
  const demandResource: Int32Array[] = [];
  const demandAmount: Float64Array[] = [];
  problem.items.forEach((it, i) => {
    const wholeNonNegative = (v: number | undefined) => v === undefined || (Number.isInteger(v) && v >= 0);
    if (
      !wholeNonNegative(it.duration) ||
      !wholeNonNegative(it.earliest ?? 0) ||
      !wholeNonNegative(it.deadline)
    )
      throw new ScheduleInputError(
        `item "${it.id}": duration, earliest and deadline must be whole numbers ≥ 0`,
      );
    duration[i] = it.duration;
    earliest[i] = it.earliest ?? 0;
    if (it.deadline !== undefined) deadline[i] = it.deadline;
    priority[i] = it.priority ?? 0;
    const ps = [...new Set(it.after ?? [])].map((a) => {
      const j = itemIndex.get(a);
      if (j === undefined) throw new ScheduleInputError(`item "${it.id}" comes after unknown item "${a}"`);
      succLists[j].push(i);
      return j;
    });
    preds.push(Int32Array.from(ps));
    const rs: number[] = [];
    const as: number[] = [];
    for (const [r, a] of Object.entries(it.demand ?? {})) {
      const k = resourceIndex.get(r);
      if (k === undefined) throw new ScheduleInputError(`item "${it.id}" demands unknown resource "${r}"`);
      if (!(a >= 0) || !Number.isFinite(a))
        throw new ScheduleInputError(
          `item "${it.id}" demands ${a} of "${r}": demand must be a finite number ≥ 0`,
        );
      if (a > 0 && it.duration > 0) {
        rs.push(k);
        as.push(a);
      }
    }
    demandResource.push(Int32Array.from(rs));
    demandAmount.push(Float64Array.from(as));
  });
  const succs = succLists.map((s) => Int32Array.from(s));

  // Kahn's algorithm; leftovers mean a cycle, which we name.
  const indegree = Int32Array.from(preds, (p) => p.length);
  const topo = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) topo[tail++] = i;
  while (head < tail) {
    const i = topo[head++];
    for (const s of succs[i]) if (--indegree[s] === 0) topo[tail++] = s;
  }
  if (tail < n) {
    const cycle = findDependencyCycle(problem.items.map((it) => ({ id: it.id, after: it.after ?? [] })));
    throw new ScheduleInputError(`cyclic "after": ${(cycle ?? []).reverse().join(' → ')}`);
  }
  return {
    n,
    ids,
    duration,
    earliest,
    deadline,
    priority,
    preds,
    succs,
    demandResource,
    demandAmount,
    resourceIds,
    capacity,
    capacityTail,
    topo,
  };
}

/** Capacity of resource `r` in period `t` (the last listed value repeats forever). */
export function capacityAt(c: CompiledSchedule, r: number, t: number): number {
  const cap = c.capacity[r];
  return t < cap.length ? cap[t] : c.capacityTail[r];
}

import type { CompiledSchedule } from './compileSchedule.ts';
import type { ResourceProfile } from './resourceProfile.ts';
import { makespanOf } from './serialSgs.ts';

/**
 * Forward–backward improvement (double justification, Valls, Ballestín & Quintanilla 2005): shift every
 * item as far right as it can go without moving the makespan (latest-ending first), then as far left as
 * it can go (earliest-starting first). Items move one at a time in a profile that holds all the others,
 * so the result stays feasible, release dates and dependencies hold, and the makespan never grows.
 * Repeats while the makespan shrinks (at most `maxPasses`). Works in place on `starts` and `profile`.
 */
export function justifySchedule(
  c: CompiledSchedule,
  starts: Int32Array,
  profile: ResourceProfile,
  maxPasses = 4,
): number {
  let makespan = makespanOf(c, starts);
  const n = c.n;
  const keys = new Float64Array(n);
  for (let pass = 0; pass < maxPasses; pass++) {
    // Right: latest end first, then latest start. Packed numeric keys sort much faster than a comparator.
    const span = makespan + 1;
    for (let i = 0; i < n; i++)
      keys[i] = ((makespan - starts[i] - c.duration[i]) * span + (makespan - starts[i])) * n + i;
    keys.sort();
    for (let k = 0; k < n; k++) {
      const i = keys[k] % n;
      let hi = makespan;
      for (const s of c.succs[i]) if (starts[s] < hi) hi = starts[s];
      hi -= c.duration[i];
      if (hi <= starts[i]) continue;
      profile.apply(i, starts[i], -1);
      starts[i] = profile.latestStart(i, starts[i], hi);
      profile.apply(i, starts[i], 1);
    }
    leftJustify(c, starts, profile, keys);
    const next = makespanOf(c, starts);
    if (next >= makespan) {
      makespan = next;
      break;
    }
    makespan = next;
  }
  return makespan;
}

/** Moves every item, earliest-starting first, to the earliest period it fits given all the others. */
export function leftJustify(
  c: CompiledSchedule,
  starts: Int32Array,
  profile: ResourceProfile,
  keys: Float64Array = new Float64Array(c.n),
): boolean {
  // By start; ties in topological order, since predecessors of zero-duration items share their start.
  const n = c.n;
  for (let k = 0; k < n; k++) keys[k] = starts[c.topo[k]] * n + k;
  keys.sort();
  let moved = false;
  for (let k = 0; k < n; k++) {
    const i = c.topo[keys[k] % n];
    let lo = c.earliest[i];
    for (const p of c.preds[i]) {
      const e = starts[p] + c.duration[p];
      if (e > lo) lo = e;
    }
    if (lo >= starts[i]) continue;
    profile.apply(i, starts[i], -1);
    const t = profile.earliestStart(i, lo);
    // The old place always fits, so t ≤ the old start.
    if (t >= 0 && t < starts[i]) {
      starts[i] = t;
      moved = true;
    }
    profile.apply(i, starts[i], 1);
  }
  return moved;
}

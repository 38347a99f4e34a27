import type { CompiledSchedule } from './compileSchedule.ts';
import type { ResourceProfile } from './resourceProfile.ts';

/** Either every item's start, or the item (and resource) that could not be placed anywhere. */
export type SgsOutcome = { ok: true; starts: Int32Array } | { ok: false; item: number; resource: number };

/**
 * Serial schedule-generation scheme: takes the items in `list` order (which must list every
 * predecessor before its successors) and starts each at the earliest period where its predecessors
 * have ended, its release date has passed and every resource it uses has room for its whole duration.
 * Leaves the schedule in `profile`.
 */
export function serialSgs(c: CompiledSchedule, list: Int32Array, profile: ResourceProfile): SgsOutcome {
  profile.reset();
  const starts = new Int32Array(c.n);
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    let es = c.earliest[i];
    for (const p of c.preds[i]) {
      const e = starts[p] + c.duration[p];
      if (e > es) es = e;
    }
    const t = profile.earliestStart(i, es);
    if (t < 0) return { ok: false, item: i, resource: profile.blockingResource };
    starts[i] = t;
    profile.apply(i, t, 1);
  }
  return { ok: true, starts };
}

/** The end of the last item (0 for an empty schedule). */
export function makespanOf(c: CompiledSchedule, starts: Int32Array): number {
  let m = 0;
  for (let i = 0; i < c.n; i++) {
    const e = starts[i] + c.duration[i];
    if (e > m) m = e;
  }
  return m;
}

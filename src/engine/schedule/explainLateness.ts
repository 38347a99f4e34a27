import type { LateCause, LateItem } from '../../domain/scheduleProblem.ts';
import type { CompiledSchedule } from './compileSchedule.ts';
import type { ResourceProfile } from './resourceProfile.ts';

/**
 * Lists the items that end after their deadline and why. If the item starts as soon as its predecessors
 * and release date allow, the cause is the predecessor that ended last (or its own release date when
 * even that start cannot meet the deadline); otherwise it is the first resource and period that had no
 * room for it at that earlier start. `profile` must hold the whole schedule.
 */
export function explainLateness(
  c: CompiledSchedule,
  starts: Int32Array,
  profile: ResourceProfile,
): LateItem[] {
  const late: LateItem[] = [];
  for (let i = 0; i < c.n; i++) {
    const deadline = c.deadline[i];
    const end = starts[i] + c.duration[i];
    if (deadline < 0 || end <= deadline) continue;
    let es = c.earliest[i];
    let blocker = -1;
    for (const p of c.preds[i]) {
      const e = starts[p] + c.duration[p];
      if (e > es) {
        es = e;
        blocker = p;
      }
    }
    let cause: LateCause;
    if (starts[i] <= es) cause = blocker >= 0 ? { after: c.ids[blocker] } : { earliest: c.earliest[i] };
    else {
      profile.apply(i, starts[i], -1);
      let t = es;
      let p = profile.conflict(i, t, false);
      // The item could have started earlier than it does (not left-justified): look for the first blocked start.
      while (p < 0 && t < starts[i] - 1) p = profile.conflict(i, ++t, false);
      profile.apply(i, starts[i], 1);
      cause =
        p >= 0
          ? { resource: c.resourceIds[profile.conflictResource], period: p }
          : blocker >= 0
            ? { after: c.ids[blocker] }
            : { earliest: c.earliest[i] };
    }
    late.push({ id: c.ids[i], deadline, end, slip: end - deadline, cause });
  }
  return late.sort((a, b) => b.slip - a.slip || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

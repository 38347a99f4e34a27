import type { Choice, CompiledProblem } from './compileProblem.ts';

/** One broken constraint of a selection, in ids (ready to show to a person). */
export type Violation =
  | { kind: 'resource'; resource: string; used: number; capacity: number; excess: number }
  | { kind: 'group-min'; group: string; value: number; bound: number }
  | { kind: 'group-max'; group: string; value: number; bound: number }
  | { kind: 'requires'; item: string; required: string }
  | { kind: 'requires-timing'; item: string; required: string }
  | { kind: 'excludes'; item: string; other: string }
  | { kind: 'mandatory'; item: string }
  | { kind: 'forbidden'; item: string }
  | { kind: 'no-option'; item: string };

/** Tolerance used everywhere a use is compared with a capacity (absorbs floating-point sums). */
export function tolerance(bound: number): number {
  return 1e-6 * Math.max(1, Math.abs(bound));
}

/** True when column `b` (of a required item) may be combined with column `a` (of its dependant). */
export function timingCompatible(cp: CompiledProblem, a: number, b: number): boolean {
  const ca = cp.columns[a];
  const cb = cp.columns[b];
  if (ca.start === null || cb.end === null) return true;
  return cb.end < ca.start;
}

/** Lists every constraint a choice breaks (empty list = feasible). Used by tests, bench and explanations. */
export function checkSelection(cp: CompiledProblem, choice: Choice): Violation[] {
  const out: Violation[] = [];
  const used = new Float64Array(cp.resourceIds.length);
  for (let i = 0; i < choice.length; i++) {
    const c = choice[i];
    if (c < 0) {
      if (cp.mandatory[i]) out.push({ kind: 'mandatory', item: cp.itemIds[i] });
      continue;
    }
    if (cp.columns[c]?.item !== i) {
      out.push({ kind: 'no-option', item: cp.itemIds[i] });
      continue;
    }
    if (cp.forbidden[i]) out.push({ kind: 'forbidden', item: cp.itemIds[i] });
    const u = cp.columns[c].uses;
    for (let r = 0; r < used.length; r++) used[r] += u[r];
    for (const j of cp.requires[i]) {
      if (choice[j] < 0) out.push({ kind: 'requires', item: cp.itemIds[i], required: cp.itemIds[j] });
      else if (!timingCompatible(cp, c, choice[j]))
        out.push({ kind: 'requires-timing', item: cp.itemIds[i], required: cp.itemIds[j] });
    }
    for (const j of cp.excludes[i])
      if (j > i && choice[j] >= 0) out.push({ kind: 'excludes', item: cp.itemIds[i], other: cp.itemIds[j] });
  }
  for (let r = 0; r < used.length; r++) {
    const cap = cp.capacity[r];
    if (used[r] > cap + tolerance(cap))
      out.push({
        kind: 'resource',
        resource: cp.resourceIds[r],
        used: used[r],
        capacity: cap,
        excess: used[r] - cap,
      });
  }
  cp.groups.forEach((g, k) => {
    let v = 0;
    for (let i = 0; i < choice.length; i++) if (choice[i] >= 0) v += cp.groupUse[k][choice[i]];
    if (v < g.min - tolerance(g.min)) out.push({ kind: 'group-min', group: g.id, value: v, bound: g.min });
    if (v > g.max + tolerance(g.max)) out.push({ kind: 'group-max', group: g.id, value: v, bound: g.max });
  });
  return out;
}

/** Describes a violation in one sentence. */
export function describeViolation(v: Violation): string {
  switch (v.kind) {
    case 'resource':
      return `${v.resource} is over capacity by ${round(v.excess)} (uses ${round(v.used)} of ${round(v.capacity)})`;
    case 'group-min':
      return `group ${v.group} gets ${round(v.value)}, below its minimum ${round(v.bound)}`;
    case 'group-max':
      return `group ${v.group} gets ${round(v.value)}, above its maximum ${round(v.bound)}`;
    case 'requires':
      return `${v.item} requires ${v.required}, which is not selected`;
    case 'requires-timing':
      return `${v.item} starts before its prerequisite ${v.required} ends`;
    case 'excludes':
      return `${v.item} and ${v.other} exclude each other`;
    case 'mandatory':
      return `${v.item} is mandatory but not selected`;
    case 'forbidden':
      return `${v.item} is forbidden but selected`;
    case 'no-option':
      return `${v.item} is selected with an option it does not have`;
  }
}

/** Rounds for messages (at most 4 decimals, no trailing noise). */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

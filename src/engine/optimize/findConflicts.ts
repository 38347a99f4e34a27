import type { Highs } from 'highs';
import { buildMipModel, pairKey, type Relaxation } from './buildMipModel.ts';
import { round } from './checkSelection.ts';
import type { CompiledProblem } from './compileProblem.ts';

/** One constraint of the problem, named so a person can find it. */
export type ConstraintRef =
  | { kind: 'resource'; resource: string }
  | { kind: 'group-min'; group: string }
  | { kind: 'group-max'; group: string }
  | { kind: 'mandatory'; item: string }
  | { kind: 'forbidden'; item: string }
  | { kind: 'requires'; item: string; required: string }
  | { kind: 'excludes'; item: string; other: string };

export interface ConflictReport {
  /** A set of constraints that cannot all hold; dropping any one of them makes the rest satisfiable. */
  constraints: ConstraintRef[];
  /** One sentence per constraint. */
  lines: string[];
  /** Whether the set is proven minimal (false if a feasibility check hit its time limit). */
  minimal: boolean;
}

interface Unit {
  ref: ConstraintRef;
  relax: (r: MutableRelaxation) => void;
}

interface MutableRelaxation extends Relaxation {
  resources: Set<number>;
  groupMin: Set<number>;
  groupMax: Set<number>;
  mandatory: Set<number>;
  forbidden: Set<number>;
  requires: Set<string>;
  excludes: Set<string>;
}

/**
 * Explains an infeasible problem: a deletion filter over the constraints (resource rows, group
 * bounds, mandatory/forbidden flags, requires/excludes pairs) leaves a small conflicting set, each
 * member of which is needed for the conflict. Each check is a HiGHS feasibility solve.
 */
export function findConflicts(cp: CompiledProblem, highs: Highs, timeLimitPerCheck = 2): ConflictReport {
  const units = listUnits(cp);
  let minimal = true;
  const infeasibleWithout = (dropped: Set<Unit>): boolean | null => {
    const r = emptyRelaxation();
    for (const u of dropped) u.relax(r);
    const { data } = buildMipModel(cp, highs, { relax: r, objective: 'none' });
    const model = highs.createModel(data);
    try {
      model.options.set({ output_flag: false, time_limit: timeLimitPerCheck });
      model.run();
      const s = model.getModelStatus();
      if (s === highs.constants.modelStatus.infeasible) return true;
      if (s === highs.constants.modelStatus.optimal) return false;
      return null;
    } finally {
      model.dispose();
    }
  };
  if (infeasibleWithout(new Set()) !== true) return { constraints: [], lines: [], minimal: true };
  const dropped = new Set<Unit>();
  for (const u of units) {
    dropped.add(u);
    const still = infeasibleWithout(dropped);
    if (still === true) continue;
    if (still === null) minimal = false;
    dropped.delete(u);
  }
  const kept = units.filter((u) => !dropped.has(u)).map((u) => u.ref);
  return { constraints: kept, lines: kept.map((c) => describeConstraint(cp, c)), minimal };
}

function emptyRelaxation(): MutableRelaxation {
  return {
    resources: new Set(),
    groupMin: new Set(),
    groupMax: new Set(),
    mandatory: new Set(),
    forbidden: new Set(),
    requires: new Set(),
    excludes: new Set(),
  };
}

function listUnits(cp: CompiledProblem): Unit[] {
  const units: Unit[] = [];
  // Rules a person sets on purpose come last, so the filter drops them first only when they are innocent.
  cp.resourceIds.forEach((id, r) => {
    units.push({ ref: { kind: 'resource', resource: id }, relax: (x) => x.resources.add(r) });
  });
  cp.groups.forEach((g, k) => {
    if (g.min !== Number.NEGATIVE_INFINITY)
      units.push({ ref: { kind: 'group-min', group: g.id }, relax: (x) => x.groupMin.add(k) });
    if (g.max !== Number.POSITIVE_INFINITY)
      units.push({ ref: { kind: 'group-max', group: g.id }, relax: (x) => x.groupMax.add(k) });
  });
  cp.requires.forEach((reqs, i) => {
    for (const j of reqs)
      units.push({
        ref: { kind: 'requires', item: cp.itemIds[i], required: cp.itemIds[j] },
        relax: (x) => x.requires.add(pairKey(i, j)),
      });
  });
  cp.excludes.forEach((exs, i) => {
    for (const j of exs)
      if (j > i)
        units.push({
          ref: { kind: 'excludes', item: cp.itemIds[i], other: cp.itemIds[j] },
          relax: (x) => x.excludes.add(pairKey(i, j)),
        });
  });
  cp.forbidden.forEach((f, i) => {
    if (f) units.push({ ref: { kind: 'forbidden', item: cp.itemIds[i] }, relax: (x) => x.forbidden.add(i) });
  });
  cp.mandatory.forEach((m, i) => {
    if (m) units.push({ ref: { kind: 'mandatory', item: cp.itemIds[i] }, relax: (x) => x.mandatory.add(i) });
  });
  return units;
}

/** One sentence for one constraint, with the numbers that matter. */
export function describeConstraint(cp: CompiledProblem, c: ConstraintRef): string {
  switch (c.kind) {
    case 'resource': {
      const r = cp.resourceIds.indexOf(c.resource);
      return `${c.resource} has capacity ${round(cp.capacity[r])}`;
    }
    case 'group-min': {
      const g = cp.groups.find((x) => x.id === c.group);
      return `group ${c.group} must get at least ${round(g?.min ?? 0)} of ${groupResources(cp, c.group)}`;
    }
    case 'group-max': {
      const g = cp.groups.find((x) => x.id === c.group);
      return `group ${c.group} may get at most ${round(g?.max ?? 0)} of ${groupResources(cp, c.group)}`;
    }
    case 'mandatory': {
      const i = cp.itemIds.indexOf(c.item);
      const cols = cp.itemColumns[i];
      if (cols.length === 0) return `${c.item} is mandatory but has no schedule option`;
      // The smallest use of each resource over its options: what it needs at the very least.
      const needs: string[] = [];
      cp.resourceIds.forEach((rid, r) => {
        const least = Math.min(...cols.map((k) => cp.columns[k].uses[r]));
        if (least > 0) needs.push(`${round(least)} of ${rid}`);
      });
      return `${c.item} is mandatory${needs.length ? ` (needs at least ${needs.join(', ')})` : ''}`;
    }
    case 'forbidden':
      return `${c.item} is forbidden`;
    case 'requires':
      return `${c.item} requires ${c.required} (finished before it starts, when scheduled)`;
    case 'excludes':
      return `${c.item} and ${c.other} exclude each other`;
  }
}

function groupResources(cp: CompiledProblem, groupId: string): string {
  const g = cp.groups.find((x) => x.id === groupId);
  return g ? g.resources.map((r) => cp.resourceIds[r]).join(' + ') : '?';
}

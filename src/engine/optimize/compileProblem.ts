import type { OptimizeProblem, Selection } from '../../domain/optimizeProblem.ts';

/** One binary decision: "item `item` runs with option `option`" (option -1 = the item has no options). */
export interface Column {
  item: number;
  option: number;
  value: number;
  /** Dense use of every resource (index = resource index). */
  uses: Float64Array;
  start: number | null;
  end: number | null;
}

export interface CompiledGroup {
  id: string;
  resources: number[];
  /** Coefficient per item index (use multiplier); items not in the group are absent. */
  weights: Map<number, number>;
  min: number;
  max: number;
}

/** Index-based form of an `OptimizeProblem` that the heuristic, the MIP builder and the checks share. */
export interface CompiledProblem {
  problem: OptimizeProblem;
  itemIds: string[];
  resourceIds: string[];
  capacity: Float64Array;
  columns: Column[];
  /** Columns of each item. */
  itemColumns: number[][];
  /** requires[i] = items that item i needs. */
  requires: number[][];
  /** requiredBy[i] = items that need item i. */
  requiredBy: number[][];
  excludes: number[][];
  mandatory: boolean[];
  forbidden: boolean[];
  groups: CompiledGroup[];
  /** Use of resource r by column c inside group g (weights applied): precomputed per group. */
  groupUse: Float64Array[];
}

/** A choice per item: the column index taken, or -1 when the item is left out. */
export type Choice = Int32Array;

/** Turns the validated plain problem into the index form used by every algorithm. */
export function compileProblem(problem: OptimizeProblem): CompiledProblem {
  const resourceIds = problem.resources.map((r) => r.id);
  const rIndex = new Map(resourceIds.map((r, i) => [r, i]));
  const itemIds = problem.items.map((it) => it.id);
  const iIndex = new Map(itemIds.map((r, i) => [r, i]));
  const lookupItem = (idv: string): number => {
    const i = iIndex.get(idv);
    if (i === undefined) throw new Error(`unknown item "${idv}"`);
    return i;
  };
  const dense = (uses: Record<string, number>): Float64Array => {
    const out = new Float64Array(resourceIds.length);
    for (const [r, v] of Object.entries(uses)) {
      const k = rIndex.get(r);
      if (k === undefined) throw new Error(`unknown resource "${r}"`);
      out[k] += v;
    }
    return out;
  };
  const columns: Column[] = [];
  const itemColumns: number[][] = [];
  problem.items.forEach((it, i) => {
    const cols: number[] = [];
    if (it.options && it.options.length > 0) {
      it.options.forEach((o, k) => {
        cols.push(columns.length);
        columns.push({ item: i, option: k, value: o.value, uses: dense(o.uses), start: o.start, end: o.end });
      });
    } else if (!it.options) {
      cols.push(columns.length);
      columns.push({ item: i, option: -1, value: it.value, uses: dense(it.uses), start: null, end: null });
    }
    // An item with an empty options list has no way to run: it simply has no column.
    itemColumns.push(cols);
  });
  const n = itemIds.length;
  const requires: number[][] = Array.from({ length: n }, () => []);
  const requiredBy: number[][] = Array.from({ length: n }, () => []);
  const excludes: number[][] = Array.from({ length: n }, () => []);
  problem.items.forEach((it, i) => {
    for (const r of new Set(it.requires)) {
      const j = lookupItem(r);
      requires[i].push(j);
      requiredBy[j].push(i);
    }
    for (const e of new Set(it.excludes)) {
      const j = lookupItem(e);
      if (!excludes[i].includes(j)) excludes[i].push(j);
      if (!excludes[j].includes(i)) excludes[j].push(i);
    }
  });
  const groups: CompiledGroup[] = problem.groups.map((g) => {
    const resources = (Array.isArray(g.resource) ? g.resource : [g.resource]).map((r) => {
      const k = rIndex.get(r);
      if (k === undefined) throw new Error(`unknown resource "${r}"`);
      return k;
    });
    const weights = new Map<number, number>();
    for (const itId of g.items) weights.set(lookupItem(itId), g.weights?.[itId] ?? 1);
    return {
      id: g.id,
      resources,
      weights,
      min: g.min ?? Number.NEGATIVE_INFINITY,
      max: g.max ?? Number.POSITIVE_INFINITY,
    };
  });
  const groupUse = groups.map((g) => {
    const use = new Float64Array(columns.length);
    columns.forEach((c, k) => {
      const w = g.weights.get(c.item);
      if (w === undefined) return;
      let s = 0;
      for (const r of g.resources) s += c.uses[r];
      use[k] = w * s;
    });
    return use;
  });
  return {
    problem,
    itemIds,
    resourceIds,
    capacity: Float64Array.from(problem.resources.map((r) => r.capacity)),
    columns,
    itemColumns,
    requires,
    requiredBy,
    excludes,
    mandatory: problem.items.map((it) => it.mandatory),
    forbidden: problem.items.map((it) => it.forbidden),
    groups,
    groupUse,
  };
}

/** Converts a choice vector to the public selection list (`"A"` or `{ id, option }`). */
export function choiceToSelection(cp: CompiledProblem, choice: Choice): Selection[] {
  const out: Selection[] = [];
  for (let i = 0; i < choice.length; i++) {
    const c = choice[i];
    if (c < 0) continue;
    const col = cp.columns[c];
    const it = cp.problem.items[i];
    out.push(col.option < 0 ? it.id : { id: it.id, option: it.options?.[col.option]?.id ?? '' });
  }
  return out;
}

/** Converts a public selection back to a choice vector; throws on unknown ids. */
export function selectionToChoice(cp: CompiledProblem, selected: readonly Selection[]): Choice {
  const choice = new Int32Array(cp.itemIds.length).fill(-1);
  for (const s of selected) {
    const itemId = typeof s === 'string' ? s : s.id;
    const i = cp.itemIds.indexOf(itemId);
    if (i < 0) throw new Error(`unknown item "${itemId}" in selection`);
    const cols = cp.itemColumns[i];
    if (typeof s === 'string') {
      const c = cols.find((k) => cp.columns[k].option < 0);
      if (c === undefined) throw new Error(`item "${itemId}" has options: name one`);
      choice[i] = c;
    } else {
      const c = cols.find((k) => cp.problem.items[i].options?.[cp.columns[k].option]?.id === s.option);
      if (c === undefined) throw new Error(`unknown option "${s.option}" of item "${itemId}"`);
      choice[i] = c;
    }
  }
  return choice;
}

/** Total value of a choice. */
export function choiceValue(cp: CompiledProblem, choice: Choice): number {
  let v = 0;
  for (let i = 0; i < choice.length; i++) if (choice[i] >= 0) v += cp.columns[choice[i]].value;
  return v;
}

/** Use of each resource by a choice. */
export function choiceUsage(cp: CompiledProblem, choice: Choice): Float64Array {
  const use = new Float64Array(cp.resourceIds.length);
  for (let i = 0; i < choice.length; i++) {
    if (choice[i] < 0) continue;
    const u = cp.columns[choice[i]].uses;
    for (let r = 0; r < use.length; r++) use[r] += u[r];
  }
  return use;
}

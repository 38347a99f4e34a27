import type { Highs, ModelData } from 'highs';
import { timingCompatible } from './checkSelection.ts';
import type { CompiledProblem } from './compileProblem.ts';

/** Which constraint family a MIP row belongs to (lets callers read duals or relax families). */
export type RowTag =
  | { kind: 'resource'; resource: number }
  | { kind: 'item'; item: number }
  | { kind: 'requires'; item: number; required: number }
  | { kind: 'excludes'; item: number; other: number }
  | { kind: 'group'; group: number };

export interface MipModel {
  data: ModelData;
  rows: RowTag[];
}

/** The 0-1 program as plain arrays (rows in CSR, infinite bounds as ±Infinity), for any solver. */
export interface MipRows {
  numCols: number;
  colCost: Float64Array;
  colUpper: Float64Array;
  rowStarts: number[];
  rowIndex: number[];
  rowValue: number[];
  rowLower: number[];
  rowUpper: number[];
  rows: RowTag[];
}

/** Constraint families that can be switched off, for infeasibility analysis (deletion filter). */
export interface Relaxation {
  resources?: ReadonlySet<number>;
  groupMin?: ReadonlySet<number>;
  groupMax?: ReadonlySet<number>;
  mandatory?: ReadonlySet<number>;
  forbidden?: ReadonlySet<number>;
  requires?: ReadonlySet<string>;
  excludes?: ReadonlySet<string>;
}

/** Key of a requires/excludes pair in a `Relaxation`. */
export function pairKey(a: number, b: number): string {
  return `${a}:${b}`;
}

/** `buildMipModel` for HiGHS: the rows of `mipRows` with HiGHS's infinity. */
export function buildMipModel(
  cp: CompiledProblem,
  highs: Highs,
  opts: { integer?: boolean; relax?: Relaxation; objective?: 'value' | 'none' } = {},
): MipModel {
  const m = mipRows(cp, opts);
  const finite = (v: number) =>
    v === Number.POSITIVE_INFINITY ? highs.infinity : v === Number.NEGATIVE_INFINITY ? -highs.infinity : v;
  const base = {
    numCols: m.numCols,
    numRows: m.rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: new Float64Array(m.numCols),
    colUpper: m.colUpper,
    rowLower: m.rowLower.map(finite),
    rowUpper: m.rowUpper.map(finite),
    matrix: {
      format: 'csr' as const,
      numRows: m.rows.length,
      numCols: m.numCols,
      starts: m.rowStarts,
      indices: m.rowIndex,
      values: m.rowValue,
    },
  };
  const data: ModelData =
    opts.integer === false
      ? base
      : {
          ...base,
          integrality: Array.from({ length: m.numCols }, () => highs.constants.variableType.integer),
        };
  return { data, rows: m.rows };
}

/**
 * Writes the selection problem as a 0-1 program: one binary per column; resource, group,
 * one-option-per-item, requires (with timing: a dependant's schedule needs a prerequisite schedule
 * that ends before it starts) and excludes rows.
 */
export function mipRows(
  cp: CompiledProblem,
  opts: { relax?: Relaxation; objective?: 'value' | 'none' } = {},
): MipRows {
  const inf = Number.POSITIVE_INFINITY;
  const relax = opts.relax ?? {};
  const nCols = cp.columns.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rows: RowTag[] = [];
  const addRow = (idx: number[], val: number[], lo: number, up: number, tag: RowTag) => {
    for (let k = 0; k < idx.length; k++) {
      if (val[k] === 0) continue;
      indices.push(idx[k]);
      values.push(val[k]);
    }
    starts.push(indices.length);
    rowLower.push(lo);
    rowUpper.push(up);
    rows.push(tag);
  };

  cp.resourceIds.forEach((_, r) => {
    if (relax.resources?.has(r)) return;
    const idx: number[] = [];
    const val: number[] = [];
    cp.columns.forEach((c, k) => {
      if (c.uses[r] !== 0) {
        idx.push(k);
        val.push(c.uses[r]);
      }
    });
    if (idx.length > 0) addRow(idx, val, -inf, cp.capacity[r], { kind: 'resource', resource: r });
  });
  cp.itemColumns.forEach((cols, i) => {
    const mandatory = cp.mandatory[i] && !relax.mandatory?.has(i);
    if (cols.length > 1 || mandatory)
      addRow(
        cols,
        cols.map(() => 1),
        mandatory ? 1 : -inf,
        1,
        { kind: 'item', item: i },
      );
  });
  cp.requires.forEach((reqs, i) => {
    for (const j of reqs) {
      if (relax.requires?.has(pairKey(i, j))) continue;
      for (const a of cp.itemColumns[i]) {
        const compatible = cp.itemColumns[j].filter((b) => timingCompatible(cp, a, b));
        addRow([a, ...compatible], [1, ...compatible.map(() => -1)], -inf, 0, {
          kind: 'requires',
          item: i,
          required: j,
        });
      }
    }
  });
  cp.excludes.forEach((exs, i) => {
    for (const j of exs) {
      if (j <= i || relax.excludes?.has(pairKey(Math.min(i, j), Math.max(i, j)))) continue;
      const cols = [...cp.itemColumns[i], ...cp.itemColumns[j]];
      addRow(
        cols,
        cols.map(() => 1),
        -inf,
        1,
        { kind: 'excludes', item: i, other: j },
      );
    }
  });
  cp.groups.forEach((g, k) => {
    const lo = relax.groupMin?.has(k) || g.min === Number.NEGATIVE_INFINITY ? -inf : g.min;
    const up = relax.groupMax?.has(k) || g.max === Number.POSITIVE_INFINITY ? inf : g.max;
    if (lo === -inf && up === inf) return;
    const idx: number[] = [];
    const val: number[] = [];
    cp.groupUse[k].forEach((v, c) => {
      if (v !== 0) {
        idx.push(c);
        val.push(v);
      }
    });
    addRow(idx, val, lo, up, { kind: 'group', group: k });
  });

  return {
    numCols: nCols,
    colCost:
      opts.objective === 'none' ? new Float64Array(nCols) : Float64Array.from(cp.columns, (c) => c.value),
    colUpper: Float64Array.from(cp.columns, (c) =>
      cp.forbidden[c.item] && !relax.forbidden?.has(c.item) ? 0 : 1,
    ),
    rowStarts: starts,
    rowIndex: indices,
    rowValue: values,
    rowLower,
    rowUpper,
    rows,
  };
}

import type { MipRows } from './buildMipModel.ts';

/**
 * Depth-first LP-based branch and bound for 0-1 programs, with its own dense bounded dual simplex.
 *
 * Why not only HiGHS: on knapsack-like portfolio problems HiGHS (WebAssembly) needs tens of
 * thousands of nodes at ~0.5 ms each to prove optimality. Here a node is a handful of dual simplex
 * pivots on an m × m basis inverse (m = number of rows, small for portfolios), each O(m·n), plus
 * reduced-cost fixing, so a node costs microseconds and the proof finishes where HiGHS times out.
 * It is meant for problems with few rows; `exactSolve` hands anything it cannot finish to HiGHS.
 *
 * Formulation: maximize c·x subject to A x − r = 0, lo ≤ r ≤ up, 0 ≤ x ≤ colUpper, x integer.
 * Variables 0…n−1 are the columns, n…n+m−1 the row activities r.
 */

export interface BranchAndBoundOptions {
  /** A feasible 0-1 vector to start from (its value becomes the first cutoff). */
  incumbent?: Uint8Array | null;
  /** Stop when Date.now() passes this (ms since epoch). */
  deadline: number;
  /** Relative gap under which a node counts as no better (ignored when every cost is an integer). */
  relGap?: number;
  /** Give up (status 'stopped') after this many simplex pivots in one node: guards against cycling. */
  maxNodePivots?: number;
  /**
   * Give up early, after this many ms, when the share of the tree closed so far (a closed node at
   * depth k closes 2^-k of it) predicts a finish far beyond the deadline. The prediction is
   * pessimistic (reduced-cost fixing speeds the search up as it goes: the 100 × 5 bench instances
   * predict 6 s at 0.5 s and finish in 1 s), hence the factor 20; hopeless searches predict 10^20×,
   * and one predicting a million times its time gives up after 50 ms already.
   */
  predictAfterMs?: number;
}

export interface BranchAndBoundResult {
  /** 'optimal': proven (within relGap); 'infeasible': proven; 'stopped': deadline or numerical trouble. */
  status: 'optimal' | 'infeasible' | 'stopped';
  x: Uint8Array | null;
  value: number | null;
  /** Upper bound on the optimum (valid for every status but 'infeasible'). */
  bound: number;
  nodes: number;
  /** Share of the search tree closed (1 when the search finished). */
  closedShare: number;
}

const PRIMAL_TOL = 1e-7;
const PIVOT_TOL = 1e-9;
const INT_TOL = 1e-6;
const REFACTOR_EVERY = 64;

export function branchAndBound(p: MipRows, options: BranchAndBoundOptions): BranchAndBoundResult {
  const n = p.numCols;
  const m = p.rowLower.length;
  const N = n + m;

  // Column-wise copy of A: the simplex needs columns, the model is written by rows.
  const colStart = new Int32Array(n + 1);
  for (const j of p.rowIndex) colStart[j + 1]++;
  for (let j = 0; j < n; j++) colStart[j + 1] += colStart[j];
  const colRow = new Int32Array(p.rowIndex.length);
  const colVal = new Float64Array(p.rowIndex.length);
  const fill = colStart.slice(0, n);
  for (let i = 0; i < m; i++)
    for (let k = p.rowStarts[i]; k < p.rowStarts[i + 1]; k++) {
      const j = p.rowIndex[k];
      colRow[fill[j]] = i;
      colVal[fill[j]++] = p.rowValue[k];
    }
  const cost = new Float64Array(N);
  cost.set(p.colCost);
  const integralObjective = p.colCost.every((c) => Number.isInteger(c));
  const relGap = options.relGap ?? 1e-6;

  // Simplex state.
  const lb = new Float64Array(N);
  const ub = new Float64Array(N);
  const x = new Float64Array(N);
  const d = new Float64Array(N);
  const pos = new Int32Array(N).fill(-1);
  const basic = new Int32Array(m);
  const Binv = new Float64Array(m * m);
  let z = 0;
  let pivotsSinceRefactor = 0;
  const alpha = new Float64Array(N);
  const column = new Float64Array(m);
  const work = new Float64Array(m);

  for (let j = 0; j < n; j++) {
    ub[j] = p.colUpper[j];
    x[j] = cost[j] > 0 ? ub[j] : 0;
  }
  for (let i = 0; i < m; i++) {
    lb[n + i] = p.rowLower[i];
    ub[n + i] = p.rowUpper[i];
    basic[i] = n + i;
    pos[n + i] = i;
    Binv[i * m + i] = -1;
  }

  /** ρ·M_j for the column j of [A −I]. */
  const rowTimesColumn = (rho: Float64Array, rhoOffset: number, j: number): number => {
    if (j >= n) return -rho[rhoOffset + j - n];
    let s = 0;
    for (let k = colStart[j]; k < colStart[j + 1]; k++) s += rho[rhoOffset + colRow[k]] * colVal[k];
    return s;
  };

  /** Recomputes B⁻¹ (Gauss–Jordan, partial pivoting), basic values, reduced costs and z. */
  const refactor = (): boolean => {
    const B = new Float64Array(m * m);
    for (let r = 0; r < m; r++) {
      const j = basic[r];
      if (j >= n) B[(j - n) * m + r] = -1;
      else for (let k = colStart[j]; k < colStart[j + 1]; k++) B[colRow[k] * m + r] = colVal[k];
    }
    Binv.fill(0);
    for (let i = 0; i < m; i++) Binv[i * m + i] = 1;
    for (let c = 0; c < m; c++) {
      let piv = c;
      for (let i = c + 1; i < m; i++) if (Math.abs(B[i * m + c]) > Math.abs(B[piv * m + c])) piv = i;
      if (Math.abs(B[piv * m + c]) < 1e-12) return false;
      if (piv !== c)
        for (let k = 0; k < m; k++) {
          let t = B[c * m + k];
          B[c * m + k] = B[piv * m + k];
          B[piv * m + k] = t;
          t = Binv[c * m + k];
          Binv[c * m + k] = Binv[piv * m + k];
          Binv[piv * m + k] = t;
        }
      const inv = 1 / B[c * m + c];
      for (let k = 0; k < m; k++) {
        B[c * m + k] *= inv;
        Binv[c * m + k] *= inv;
      }
      for (let i = 0; i < m; i++) {
        const f = B[i * m + c];
        if (i === c || f === 0) continue;
        for (let k = 0; k < m; k++) {
          B[i * m + k] -= f * B[c * m + k];
          Binv[i * m + k] -= f * Binv[c * m + k];
        }
      }
    }
    // x_B = −B⁻¹ (N x_N)
    work.fill(0);
    for (let j = 0; j < N; j++) {
      if (pos[j] >= 0 || x[j] === 0) continue;
      if (j >= n) work[j - n] -= x[j];
      else for (let k = colStart[j]; k < colStart[j + 1]; k++) work[colRow[k]] += colVal[k] * x[j];
    }
    for (let r = 0; r < m; r++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += Binv[r * m + i] * work[i];
      x[basic[r]] = -s;
    }
    // π = c_B B⁻¹ (kept in `work`), d_j = c_j − π M_j
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let r = 0; r < m; r++) s += cost[basic[r]] * Binv[r * m + i];
      work[i] = s;
    }
    z = 0;
    for (let j = 0; j < N; j++) {
      d[j] = pos[j] >= 0 ? 0 : cost[j] - rowTimesColumn(work, 0, j);
      z += cost[j] * x[j];
    }
    pivotsSinceRefactor = 0;
    return true;
  };

  /** Dual simplex until optimal, infeasible, no better than `cutoff`, or stuck. */
  const solveLp = (cutoff: number): 'optimal' | 'infeasible' | 'cutoff' | 'stuck' => {
    const maxPivots = options.maxNodePivots ?? 50 * (n + m);
    for (let it = 0; ; it++) {
      if (z <= cutoff) return 'cutoff';
      if (it > maxPivots) return 'stuck';
      let r = -1;
      let worst = PRIMAL_TOL;
      for (let i = 0; i < m; i++) {
        const k = basic[i];
        const v = x[k];
        const tol = PRIMAL_TOL * (1 + Math.abs(v));
        const viol = v < lb[k] - tol ? lb[k] - v : v > ub[k] + tol ? v - ub[k] : 0;
        if (viol > worst) {
          worst = viol;
          r = i;
        }
      }
      if (r < 0) return 'optimal';
      const k = basic[r];
      const toLower = x[k] < lb[k];
      const off = r * m;
      let q = -1;
      let bestRatio = Number.POSITIVE_INFINITY;
      let bestAbs = 0;
      for (let j = 0; j < N; j++) {
        if (pos[j] >= 0) continue;
        const a = rowTimesColumn(Binv, off, j);
        alpha[j] = a;
        if (lb[j] === ub[j] || Math.abs(a) < PIVOT_TOL) continue;
        const atUpper = x[j] === ub[j];
        const eligible = toLower ? (atUpper ? a > 0 : a < 0) : atUpper ? a < 0 : a > 0;
        if (!eligible) continue;
        const ratio = Math.abs(d[j]) / Math.abs(a);
        if (ratio < bestRatio - 1e-12 || (ratio <= bestRatio + 1e-12 && Math.abs(a) > bestAbs)) {
          bestRatio = ratio;
          bestAbs = Math.abs(a);
          q = j;
        }
      }
      if (q < 0) return 'infeasible';
      const aq = alpha[q];
      const target = toLower ? lb[k] : ub[k];
      const delta = (target - x[k]) / -aq;
      // column = B⁻¹ M_q
      if (q >= n) for (let i = 0; i < m; i++) column[i] = -Binv[i * m + q - n];
      else
        for (let i = 0; i < m; i++) {
          let s = 0;
          for (let t = colStart[q]; t < colStart[q + 1]; t++) s += Binv[i * m + colRow[t]] * colVal[t];
          column[i] = s;
        }
      for (let i = 0; i < m; i++) x[basic[i]] -= column[i] * delta;
      x[q] += delta;
      x[k] = target;
      z += d[q] * delta;
      const theta = d[q] / aq;
      for (let j = 0; j < N; j++) if (pos[j] < 0) d[j] -= theta * alpha[j];
      d[q] = 0;
      d[k] = -theta;
      // B⁻¹ ← E B⁻¹ (pivot on column[r])
      const inv = 1 / column[r];
      for (let c = 0; c < m; c++) Binv[off + c] *= inv;
      for (let i = 0; i < m; i++) {
        const f = column[i];
        if (i === r || f === 0) continue;
        for (let c = 0; c < m; c++) Binv[i * m + c] -= f * Binv[off + c];
      }
      basic[r] = q;
      pos[q] = r;
      pos[k] = -1;
      if (++pivotsSinceRefactor >= REFACTOR_EVERY && !refactor()) return 'stuck';
    }
  };

  // Incumbent and cutoff: a node whose LP bound is ≤ cutoff cannot hold a better answer.
  let bestX: Uint8Array | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  let cutoff = Number.NEGATIVE_INFINITY;
  const accept = (candidate: Uint8Array): boolean => {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let k = p.rowStarts[i]; k < p.rowStarts[i + 1]; k++) s += p.rowValue[k] * candidate[p.rowIndex[k]];
      const tol = 1e-9 * (1 + Math.abs(s));
      if (s < p.rowLower[i] - tol || s > p.rowUpper[i] + tol) return false;
    }
    let v = 0;
    for (let j = 0; j < n; j++) if (candidate[j]) v += p.colCost[j];
    if (v <= bestValue) return false;
    bestX = candidate;
    bestValue = v;
    cutoff = integralObjective ? v + 1 - 1e-6 : v + relGap * Math.max(Math.abs(v), 1);
    return true;
  };
  if (options.incumbent) accept(options.incumbent.slice());

  // One saved state per depth, reused: restoring a parent is a few typed-array copies.
  interface Saved {
    lb: Float64Array;
    ub: Float64Array;
    x: Float64Array;
    d: Float64Array;
    pos: Int32Array;
    basic: Int32Array;
    Binv: Float64Array;
    z: number;
  }
  const saved: Saved[] = [];
  const save = (depth: number) => {
    let s = saved[depth];
    if (!s) {
      s = {
        lb: new Float64Array(N),
        ub: new Float64Array(N),
        x: new Float64Array(N),
        d: new Float64Array(N),
        pos: new Int32Array(N),
        basic: new Int32Array(m),
        Binv: new Float64Array(m * m),
        z: 0,
      };
      saved[depth] = s;
    }
    s.lb.set(lb);
    s.ub.set(ub);
    s.x.set(x);
    s.d.set(d);
    s.pos.set(pos);
    s.basic.set(basic);
    s.Binv.set(Binv);
    s.z = z;
  };
  const restore = (depth: number) => {
    const s = saved[depth];
    lb.set(s.lb);
    ub.set(s.ub);
    x.set(s.x);
    d.set(s.d);
    pos.set(s.pos);
    basic.set(s.basic);
    Binv.set(s.Binv);
    z = s.z;
    pivotsSinceRefactor = REFACTOR_EVERY >> 1;
  };

  let nodes = 0;
  let stopped = false;
  const started = Date.now();
  // Share of the search tree closed so far (Σ 2^-depth over closed nodes), for the finish prediction.
  let closed = 0;
  const close = (depth: number) => {
    closed += 2 ** -depth;
  };
  const hopeless = (now: number): boolean => {
    const elapsed = now - started;
    if (options.predictAfterMs === undefined || elapsed < Math.min(50, options.predictAfterMs)) return false;
    const predictedTotal = elapsed / Math.max(closed, Number.MIN_VALUE);
    // Before predictAfterMs only an absurd prediction counts: that frees HiGHS's time on big problems
    // (500 × 30 predicts 10^20× within 50 ms) without risking a search that would have finished.
    const factor = elapsed < options.predictAfterMs ? 1e6 : 20;
    return predictedTotal > factor * (options.deadline - started);
  };
  // Largest LP bound among nodes left unexplored when the search stopped.
  let openBound = Number.NEGATIVE_INFINITY;

  const search = (depth: number, parentBound: number): void => {
    const now = stopped || (nodes & 15) !== 0 ? 0 : Date.now();
    if (stopped || now > options.deadline || (now > 0 && hopeless(now))) {
      stopped = true;
      openBound = Math.max(openBound, parentBound);
      return;
    }
    nodes++;
    const status = solveLp(cutoff);
    if (status === 'stuck') {
      stopped = true;
      openBound = Math.max(openBound, parentBound);
      return;
    }
    if (status !== 'optimal') {
      close(depth);
      return;
    }
    let branch = -1;
    let mostFractional = INT_TOL;
    for (let r = 0; r < m; r++) {
      const j = basic[r];
      if (j >= n) continue;
      const f = Math.abs(x[j] - Math.round(x[j]));
      if (f > mostFractional) {
        mostFractional = f;
        branch = j;
      }
    }
    if (branch < 0) {
      const candidate = new Uint8Array(n);
      for (let j = 0; j < n; j++) candidate[j] = x[j] > 0.5 ? 1 : 0;
      accept(candidate);
      close(depth);
      return;
    }
    // Reduced-cost fixing: moving a nonbasic column off its bound costs at least |d_j|.
    if (bestX) {
      const slack = z - cutoff;
      for (let j = 0; j < n; j++) {
        if (pos[j] >= 0 || lb[j] === ub[j]) continue;
        if (x[j] === lb[j] ? -d[j] > slack : d[j] > slack) {
          lb[j] = x[j];
          ub[j] = x[j];
        }
      }
    }
    const bound = z;
    save(depth);
    const up = x[branch] >= 0.5;
    for (let side = 0; side < 2; side++) {
      if (side === 1) {
        if (stopped) {
          openBound = Math.max(openBound, bound);
          return;
        }
        restore(depth);
        if (bound <= cutoff) {
          close(depth + 1);
          return;
        }
      }
      if (up === (side === 0)) lb[branch] = 1;
      else ub[branch] = 0;
      search(depth + 1, bound);
    }
  };

  refactor();
  search(0, Number.POSITIVE_INFINITY);
  const value = bestX ? bestValue : null;
  if (stopped)
    return {
      status: 'stopped',
      x: bestX,
      value,
      bound: Math.max(openBound, bestValue),
      nodes,
      closedShare: closed,
    };
  if (!bestX)
    return {
      status: 'infeasible',
      x: null,
      value: null,
      bound: Number.NEGATIVE_INFINITY,
      nodes,
      closedShare: 1,
    };
  return { status: 'optimal', x: bestX, value, bound: bestValue, nodes, closedShare: 1 };
}

/** Saaty's scale, strongest preference for the row first: 9 … 2, 1, 1/2 … 1/9. */
export const SAATY: number[] = [
  9,
  8,
  7,
  6,
  5,
  4,
  3,
  2,
  1,
  1 / 2,
  1 / 3,
  1 / 4,
  1 / 5,
  1 / 6,
  1 / 7,
  1 / 8,
  1 / 9,
];

/** The scale value nearest to `x` on a log scale (3 and 1/3 are equally far from 1). */
export function nearestSaaty(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  let best = 1;
  for (const v of SAATY) if (Math.abs(Math.log(v / x)) < Math.abs(Math.log(best / x))) best = v;
  return best;
}

/** "3", "1/3", "1". */
export function fmtJudgment(v: number): string {
  return v >= 1 ? String(Math.round(v * 100) / 100) : `1/${Math.round((1 / v) * 100) / 100}`;
}

/**
 * A reciprocal matrix whose judgments approximate the ratios of `weights` (each snapped to the scale),
 * as a starting point when no comparison was stored. Zero weights count as the smallest positive one.
 */
export function matrixFromWeights(weights: number[]): number[][] {
  const floor = Math.min(...weights.filter((w) => w > 0), 1);
  const w = weights.map((x) => (x > 0 ? x : floor));
  return w.map((wi, i) =>
    w.map((wj, j) => (i === j ? 1 : i < j ? nearestSaaty(wi / wj) : 1 / nearestSaaty(wj / wi))),
  );
}

/** The matrix with judgment a[i][j] = v and its reciprocal a[j][i] = 1/v. */
export function withJudgment(matrix: number[][], i: number, j: number, v: number): number[][] {
  return matrix.map((row, r) => row.map((x, c) => (r === i && c === j ? v : r === j && c === i ? 1 / v : x)));
}

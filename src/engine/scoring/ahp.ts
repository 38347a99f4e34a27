/**
 * Analytic Hierarchy Process (Saaty 1980): weights from a reciprocal pairwise comparison matrix as its
 * principal (Perron) eigenvector, with the consistency index and ratio that tell whether the judgments
 * hang together.
 */

/** Saaty's random consistency index RI by matrix size n (index = n); n ≤ 2 is always consistent. */
export const RANDOM_INDEX: readonly number[] = [
  0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/** Largest matrix accepted (the random index table ends there). */
export const AHP_MAX_SIZE = RANDOM_INDEX.length - 1;

/** Consistency ratio above which Saaty recommends revising the judgments. */
export const AHP_MAX_CONSISTENCY_RATIO = 0.1;

export interface AhpResult {
  /** Principal eigenvector normalized to sum 1, in the order of the matrix rows. */
  weights: number[];
  lambdaMax: number;
  /** CI = (λmax − n) / (n − 1). */
  consistencyIndex: number;
  /** CR = CI / RI(n); 0 for n ≤ 2. */
  consistencyRatio: number;
}

/** The judgment that disagrees most with what all the other judgments imply about the same pair. */
export interface InconsistentPair {
  /** Row and column of the judgment a[i][j] (i < j). */
  i: number;
  j: number;
  /** What was entered: "i is a[i][j] times as important as j". */
  given: number;
  /** Geometric mean of the indirect comparisons a[i][k] · a[k][j] through every other item k. */
  implied: number;
  /** The Saaty-scale value (1/9 … 9) nearest to `implied`, a suggested revision. */
  suggested: number;
}

/** Why a matrix is not a valid pairwise comparison matrix; `path` points at the offending cell. */
export class AhpMatrixError extends Error {
  override name = 'AhpMatrixError';
  constructor(
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

// Lets people type 0.33 or 0.333 for 1/3; the lower triangle is then recomputed from the upper.
const RECIPROCAL_TOLERANCE = 0.01;
const DIAGONAL_TOLERANCE = 1e-9;

/** Checks that `matrix` is square (1..15), positive, with a unit diagonal and a[j][i] = 1 / a[i][j] (within 1 %). */
export function validateAhpMatrix(matrix: readonly (readonly number[])[]): void {
  const n = matrix.length;
  if (n < 1 || n > AHP_MAX_SIZE) {
    throw new AhpMatrixError(`the matrix must have 1 to ${AHP_MAX_SIZE} rows, got ${n}`, []);
  }
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    if (row.length !== n) {
      throw new AhpMatrixError(`row ${i + 1} has ${row.length} entries; the matrix must be ${n}×${n}`, [i]);
    }
    for (let j = 0; j < n; j++) {
      const a = row[j];
      if (!Number.isFinite(a) || a <= 0) {
        throw new AhpMatrixError(`entry [${i + 1}][${j + 1}] must be a positive number, got ${a}`, [i, j]);
      }
    }
    if (Math.abs(row[i] - 1) > DIAGONAL_TOLERANCE) {
      throw new AhpMatrixError(`diagonal entry [${i + 1}][${i + 1}] must be 1, got ${row[i]}`, [i, i]);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const product = matrix[i][j] * matrix[j][i];
      if (Math.abs(product - 1) > RECIPROCAL_TOLERANCE) {
        throw new AhpMatrixError(
          `entries [${i + 1}][${j + 1}] = ${matrix[i][j]} and [${j + 1}][${i + 1}] = ${matrix[j][i]} must be reciprocal (their product must be 1)`,
          [j, i],
        );
      }
    }
  }
}

/**
 * Weights, λmax, CI and CR of a reciprocal pairwise comparison matrix. The eigenvector is found by power
 * iteration, which converges for positive matrices (Perron–Frobenius); λmax is the mean of (A·w)ᵢ / wᵢ.
 * Throws AhpMatrixError on a malformed matrix.
 */
export function ahpWeights(matrix: readonly (readonly number[])[]): AhpResult {
  validateAhpMatrix(matrix);
  const n = matrix.length;
  const exact = matrix.map((row, i) => row.map((a, j) => (i === j ? 1 : i < j ? a : 1 / matrix[j][i])));
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 10_000; iter++) {
    const next = multiply(exact, w);
    const sum = next.reduce((s, x) => s + x, 0);
    for (let i = 0; i < n; i++) next[i] /= sum;
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i] - w[i]));
    w = next;
    if (delta < 1e-15) break;
  }
  const aw = multiply(exact, w);
  let lambdaMax = 0;
  for (let i = 0; i < n; i++) lambdaMax += aw[i] / w[i] / n;
  // Rounding can put λmax a hair below n for a consistent matrix; CI is never negative in theory.
  const consistencyIndex = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const consistencyRatio = n <= 2 ? 0 : consistencyIndex / RANDOM_INDEX[n];
  return { weights: w, lambdaMax, consistencyIndex, consistencyRatio };
}

function multiply(matrix: readonly (readonly number[])[], v: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((s, a, j) => s + a * v[j], 0));
}

const SAATY_SCALE = [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((k) => (k === 1 ? [1] : [k, 1 / k]));

/**
 * The judgment a[i][j] furthest (in log ratio) from what the other judgments imply about the same pair:
 * the geometric mean of the indirect comparisons a[i][k] · a[k][j] through every third item k. That is the
 * judgment to revisit first when the consistency ratio is too high. Needs n ≥ 3 (n ≤ 2 is always consistent).
 */
export function mostInconsistentPair(matrix: readonly (readonly number[])[]): InconsistentPair {
  const n = matrix.length;
  let best: InconsistentPair = { i: 0, j: Math.min(1, n - 1), given: 1, implied: 1, suggested: 1 };
  let worst = -1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (n < 3) continue;
      let logSum = 0;
      for (let k = 0; k < n; k++) {
        if (k !== i && k !== j) logSum += Math.log(matrix[i][k] * matrix[k][j]);
      }
      const implied = Math.exp(logSum / (n - 2));
      const deviation = Math.abs(Math.log(matrix[i][j] / implied));
      if (deviation > worst) {
        worst = deviation;
        let suggested = 1;
        for (const s of SAATY_SCALE) {
          if (Math.abs(Math.log(s / implied)) < Math.abs(Math.log(suggested / implied))) suggested = s;
        }
        best = { i, j, given: matrix[i][j], implied, suggested };
      }
    }
  }
  return best;
}

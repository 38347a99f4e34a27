import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhpMatrixError, ahpWeights, mostInconsistentPair, RANDOM_INDEX } from './ahp.ts';

// Saaty, "How to make a decision: the analytic hierarchy process", EJOR 48 (1990) 9–26, the house example.
// Criteria: size, transportation, neighborhood, age, yard, modern facilities, condition, financing.
const SAATY_HOUSE_CRITERIA = [
  [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
  [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
  [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
  [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
  [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
  [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
  [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
  [4, 7, 5, 8, 6, 6, 2, 1],
];
// Same paper: the three houses compared on size of house.
const SAATY_HOUSE_SIZE = [
  [1, 6, 8],
  [1 / 6, 1, 4],
  [1 / 8, 1 / 4, 1],
];

const round3 = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);

describe('ahpWeights against Saaty (1990)', () => {
  it('house criteria: published priorities, λmax 9.669, CI 0.238, CR 0.169', () => {
    const r = ahpWeights(SAATY_HOUSE_CRITERIA);
    expect(round3(r.weights)).toEqual([0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]);
    expect(r.lambdaMax.toFixed(3)).toBe('9.669');
    expect(r.consistencyIndex.toFixed(3)).toBe('0.238');
    expect(r.consistencyRatio.toFixed(3)).toBe('0.169');
  });

  it('house size: published priorities .754 .181 .065, λmax 3.136, CI 0.068, CR 0.117', () => {
    const r = ahpWeights(SAATY_HOUSE_SIZE);
    expect(round3(r.weights)).toEqual([0.754, 0.181, 0.065]);
    expect(r.lambdaMax.toFixed(3)).toBe('3.136');
    expect(r.consistencyIndex.toFixed(3)).toBe('0.068');
    expect(r.consistencyRatio.toFixed(3)).toBe('0.117');
  });

  it('uses the random index table of Saaty (0.58 for 3, 0.90 for 4, 1.12 for 5, 1.41 for 8, 1.45 for 9)', () => {
    expect([RANDOM_INDEX[3], RANDOM_INDEX[4], RANDOM_INDEX[5], RANDOM_INDEX[8], RANDOM_INDEX[9]]).toEqual([
      0.58, 0.9, 1.12, 1.41, 1.45,
    ]);
  });
});

describe('ahpWeights by hand', () => {
  it('2×2 with a12 = 3 gives 3/4, 1/4 and is always consistent', () => {
    const r = ahpWeights([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(0.75, 12);
    expect(r.weights[1]).toBeCloseTo(0.25, 12);
    expect(r.lambdaMax).toBeCloseTo(2, 12);
    expect(r.consistencyRatio).toBe(0);
  });

  it('accepts 0.333 typed for 1/3 and computes with the exact reciprocal of the upper triangle', () => {
    const typed = ahpWeights([
      [1, 3, 5],
      [0.333, 1, 2],
      [0.2, 0.5, 1],
    ]);
    const exact = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    expect(typed).toEqual(exact);
  });

  it('a 1×1 matrix has weight 1', () => {
    expect(ahpWeights([[1]])).toMatchObject({ weights: [1], consistencyRatio: 0 });
  });

  it('a perfectly consistent matrix a_ij = w_i / w_j gives back w, λmax = n and CR = 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 9, noNaN: true }), { minLength: 3, maxLength: 9 }),
        (raw) => {
          const total = raw.reduce((s, x) => s + x, 0);
          const w = raw.map((x) => x / total);
          const r = ahpWeights(w.map((wi) => w.map((wj) => wi / wj)));
          for (const [i, x] of r.weights.entries()) expect(x).toBeCloseTo(w[i], 9);
          expect(r.lambdaMax).toBeCloseTo(w.length, 9);
          expect(r.consistencyRatio).toBeLessThan(1e-9);
        },
      ),
    );
  });
});

describe('validation', () => {
  it.each([
    ['not square', [[1, 2]], /row 1 has 2 entries/],
    [
      'zero entry',
      [
        [1, 0],
        [0, 1],
      ],
      /positive number/,
    ],
    [
      'diagonal not 1',
      [
        [2, 1],
        [1, 1],
      ],
      /diagonal entry \[1\]\[1\] must be 1/,
    ],
    [
      'not reciprocal',
      [
        [1, 3],
        [3, 1],
      ],
      /must be reciprocal/,
    ],
    ['empty', [], /1 to 15 rows/],
  ])('%s is refused with a pointed message', (_name, matrix, message) => {
    expect(() => ahpWeights(matrix as number[][])).toThrow(AhpMatrixError);
    expect(() => ahpWeights(matrix as number[][])).toThrow(message);
  });
});

describe('mostInconsistentPair', () => {
  it('finds the one judgment reversed in an otherwise consistent matrix', () => {
    const w = [8, 4, 2, 1];
    const m = w.map((wi) => w.map((wj) => wi / wj));
    m[0][3] = 1 / 8; // says item 1 is 8 times less important than item 4; the rest says 8 times more
    m[3][0] = 8;
    const pair = mostInconsistentPair(m);
    // Through item 2: 2 × 4 = 8; through item 3: 4 × 2 = 8 — the other judgments say 8, and 8 is on the scale.
    expect(pair).toEqual({ i: 0, j: 3, given: 1 / 8, implied: expect.closeTo(8, 12), suggested: 8 });
  });
});

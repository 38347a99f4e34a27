import { describe, expect, it } from 'vitest';
import { goalWeights, InconsistentJudgmentsError } from './goalWeights.ts';

const goals = [
  { id: 'g1', name: 'Grow revenue', weight: 3 },
  { id: 'g2', name: 'Retain customers', weight: 1 },
];

describe('goalWeights', () => {
  it('divides direct weights by their sum', () => {
    expect(goalWeights({ method: 'direct', goals })).toEqual({
      method: 'direct',
      weights: { g1: 0.75, g2: 0.25 },
    });
  });

  it('gives equal weights when every direct weight is zero', () => {
    const r = goalWeights({ method: 'direct', goals: goals.map((g) => ({ ...g, weight: 0 })) });
    expect(r.weights).toEqual({ g1: 0.5, g2: 0.5 });
  });

  it('refuses negative direct weights', () => {
    expect(() => goalWeights({ method: 'direct', goals: [{ id: 'a', name: 'A', weight: -1 }] })).toThrow(
      /≥ 0/,
    );
  });

  it('takes pairwise weights from AHP when consistent (2×2, "3 times": 3/4 and 1/4)', () => {
    const r = goalWeights({
      method: 'pairwise',
      goals,
      matrix: [
        [1, 3],
        [1 / 3, 1],
      ],
    });
    expect(r.weights.g1).toBeCloseTo(0.75, 12);
    expect(r.ahp?.consistencyRatio).toBe(0);
  });

  it('refuses CR > 0.1 and names the most inconsistent pair with the value the rest implies', () => {
    const names = ['Revenue', 'Retention', 'Adoption', 'Margin'];
    const w = [8, 4, 2, 1];
    const m = w.map((wi) => w.map((wj) => wi / wj));
    m[0][3] = 1 / 8;
    m[3][0] = 8;
    const input = {
      method: 'pairwise' as const,
      goals: names.map((name, k) => ({ id: `g${k}`, name })),
      matrix: m,
    };
    expect(() => goalWeights(input)).toThrow(InconsistentJudgmentsError);
    try {
      goalWeights(input);
    } catch (err) {
      const e = err as InconsistentJudgmentsError;
      expect(e.ahp.consistencyRatio).toBeGreaterThan(0.1);
      expect(e.pair).toMatchObject({ itemI: 'Revenue', itemJ: 'Margin', given: 1 / 8 });
      expect(e.message).toMatch(/"Revenue" vs "Margin" — entered as 1\/8× as important/);
      expect(e.message).toMatch(/^consistency ratio \d\.\d{3} is above 0\.1/);
    }
  });

  it('refuses Saaty’s house criteria matrix (CR 0.169)', () => {
    const m = [
      [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
      [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
      [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
      [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
      [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
      [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
      [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
      [4, 7, 5, 8, 6, 6, 2, 1],
    ];
    const g = ['size', 'transport', 'neighborhood', 'age', 'yard', 'modern', 'condition', 'finance'].map(
      (n) => ({
        id: n,
        name: n,
      }),
    );
    expect(() => goalWeights({ method: 'pairwise', goals: g, matrix: m })).toThrow(
      /consistency ratio 0\.169/,
    );
  });
});

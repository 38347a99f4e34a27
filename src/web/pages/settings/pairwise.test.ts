import { describe, expect, it } from 'vitest';
import { fmtJudgment, matrixFromWeights, nearestSaaty, withJudgment } from './pairwise.ts';

describe('pairwise comparison matrix helpers', () => {
  it('snaps to the nearest Saaty value on a log scale', () => {
    expect(nearestSaaty(2.9)).toBe(3);
    expect(nearestSaaty(1 / 2.9)).toBeCloseTo(1 / 3, 12);
    expect(nearestSaaty(40)).toBe(9);
    expect(nearestSaaty(1.3)).toBe(1); // log(1.3) < log(2/1.3)
    expect(nearestSaaty(0)).toBe(1);
  });

  it('starts from the current weights: ratios snapped, reciprocal, ones on the diagonal', () => {
    const m = matrixFromWeights([0.6, 0.2, 0.2]);
    expect(m).toEqual([
      [1, 3, 3],
      [1 / 3, 1, 1],
      [1 / 3, 1, 1],
    ]);
  });

  it('sets a judgment and its reciprocal only', () => {
    const m = withJudgment(matrixFromWeights([1, 1, 1]), 0, 2, 5);
    expect(m[0]![2]).toBe(5);
    expect(m[2]![0]).toBeCloseTo(0.2, 12);
    expect(m[0]![1]).toBe(1);
    expect(m[1]![2]).toBe(1);
  });

  it('formats judgments as the scale reads', () => {
    expect(fmtJudgment(3)).toBe('3');
    expect(fmtJudgment(1 / 4)).toBe('1/4');
    expect(fmtJudgment(1)).toBe('1');
  });
});

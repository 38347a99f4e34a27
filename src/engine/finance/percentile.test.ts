import { describe, expect, it } from 'vitest';
import { histogram } from './histogram.ts';
import { percentileOfSorted } from './percentile.ts';

describe('percentileOfSorted', () => {
  it('interpolates between closest ranks like numpy (type 7)', () => {
    const xs = [1, 2, 3, 4];
    expect(percentileOfSorted(xs, 0.5)).toBe(2.5);
    expect(percentileOfSorted(xs, 0.1)).toBeCloseTo(1.3, 12); // h = 0.3
    expect(percentileOfSorted(xs, 0.9)).toBeCloseTo(3.7, 12); // h = 2.7
    expect(percentileOfSorted(xs, 0)).toBe(1);
    expect(percentileOfSorted(xs, 1)).toBe(4);
    expect(percentileOfSorted([7], 0.9)).toBe(7);
    expect(percentileOfSorted([], 0.5)).toBeNaN();
  });
});

describe('histogram', () => {
  it('bins equal widths from min to max, max in the last bin', () => {
    const h = histogram([0, 1, 2, 3, 4, 10], 5);
    expect(h.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(h.counts).toEqual([2, 2, 1, 0, 1]);
  });

  it('puts equal values in one bin', () => {
    expect(histogram([3, 3, 3])).toEqual({ edges: [3, 3], counts: [3] });
    expect(histogram([])).toEqual({ edges: [], counts: [] });
  });
});

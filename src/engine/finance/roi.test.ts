import { describe, expect, it } from 'vitest';
import { roi } from './roi.ts';

describe('roi', () => {
  const series = { cost: [100, 0, 0], benefit: [0, 60, 60] };

  it('is (benefit − cost)/cost undiscounted: (120 − 100)/100 = 0.2', () => {
    expect(roi(series)).toBeCloseTo(0.2, 12);
  });

  it('discounted at 10 %: (54.545 + 49.587 − 100)/100 = 0.04132', () => {
    expect(roi(series, 0.1)).toBeCloseTo(0.041322, 6);
  });

  it('is null without cost and handles series of different lengths', () => {
    expect(roi({ cost: [], benefit: [10] })).toBeNull();
    expect(roi({ cost: [50], benefit: [0, 0, 0, 100] })).toBeCloseTo(1, 12);
  });
});

import { describe, expect, it } from 'vitest';
import { goalProgress, keyResultProgress } from './goalProgress.ts';

describe('keyResultProgress', () => {
  it('is (current − start)/(target − start), clamped, in both directions', () => {
    expect(keyResultProgress({ id: 'k', start: 10, target: 20, current: 15 })).toBe(0.5);
    expect(keyResultProgress({ id: 'k', start: 10, target: 20, current: 25 })).toBe(1);
    expect(keyResultProgress({ id: 'k', start: 10, target: 20, current: 5 })).toBe(0);
    expect(keyResultProgress({ id: 'k', start: 8, target: 2, current: 5 })).toBe(0.5); // churn 8 % → 2 %
    expect(keyResultProgress({ id: 'k', start: 8, target: 2, current: null })).toBe(0);
    expect(keyResultProgress({ id: 'k', start: 3, target: 3, current: 3 })).toBe(1);
  });
});

describe('goalProgress', () => {
  const day = 86_400_000;
  const goal = {
    id: 'G',
    keyResults: [
      { id: 'k1', start: 0, target: 100, current: 50, weight: 3 }, // 0.5
      { id: 'k2', start: 0, target: 10, current: 10, weight: 1 }, // 1
    ],
    linkedItems: [
      { id: 'i1', progress: 1 },
      { id: 'i2', progress: 0 },
      { id: 'i3', progress: 0.5 },
    ],
    periodStart: 0,
    periodEnd: 100 * day,
  };

  it('blends weighted key results with linked items 50/50', () => {
    const r = goalProgress(goal, { now: 50 * day });
    expect(r.keyResultsProgress).toBeCloseTo((3 * 0.5 + 1) / 4, 12); // 0.625
    expect(r.linkedItemsProgress).toBeCloseTo(0.5, 12);
    expect(r.progress).toBeCloseTo(0.5625, 12);
    expect(r.expectedProgress).toBe(0.5);
    expect(r.offTrack).toBe(false);
  });

  it('flags a goal whose progress lags the elapsed time by more than the tolerance', () => {
    expect(goalProgress(goal, { now: 70 * day }).offTrack).toBe(true); // 0.5625 < 0.7 − 0.1
    expect(goalProgress(goal, { now: 66 * day }).offTrack).toBe(false); // 0.5625 ≥ 0.56
    expect(goalProgress(goal, { now: 66 * day, tolerance: 0 }).offTrack).toBe(true);
  });

  it('uses only what exists and accepts Dates', () => {
    const onlyItems = goalProgress(
      { ...goal, keyResults: [], periodStart: new Date('2026-01-01'), periodEnd: new Date('2026-12-31') },
      { now: new Date('2027-02-01') },
    );
    expect(onlyItems.progress).toBeCloseTo(0.5, 12);
    expect(onlyItems.expectedProgress).toBe(1);
    expect(onlyItems.offTrack).toBe(true);
    expect(goalProgress({ ...goal, linkedItems: [] }, { now: 0 }).progress).toBeCloseTo(0.625, 12);
    expect(goalProgress({ ...goal, keyResults: [], linkedItems: [] }, { now: 0 }).progress).toBe(0);
  });
});

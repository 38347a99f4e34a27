import { describe, expect, it } from 'vitest';
import { attainmentOf, kpiAttainment, latestMeasurement, normalizedTrend } from './kpiAttainment.ts';

const series = (values: number[]) => values.map((value, period) => ({ period, value }));

describe('normalizedTrend', () => {
  it('is the least-squares slope divided by |mean|', () => {
    // 10, 12, 14: slope 2, mean 12 → 1/6
    expect(normalizedTrend(series([10, 12, 14]))).toBeCloseTo(1 / 6, 12);
    // 1, 3, 2, 4: Σ(x−1.5)(y−2.5) = 2.25 − 0.25 − 0.25 + 2.25 = 4, Σ(x−1.5)² = 5 → slope 0.8, mean 2.5
    expect(normalizedTrend(series([1, 3, 2, 4]))).toBeCloseTo(0.8 / 2.5, 12);
    expect(normalizedTrend(series([5]))).toBeNull();
    expect(normalizedTrend(series([-1, 1]))).toBeNull(); // mean 0
  });

  it('uses the periods as x (irregular spacing)', () => {
    expect(
      normalizedTrend([
        { period: 0, value: 10 },
        { period: 10, value: 20 },
      ]),
    ).toBeCloseTo(1 / 15, 12);
  });
});

describe('attainmentOf', () => {
  it('respects the direction', () => {
    expect(attainmentOf({ id: 'csat', direction: 'higher_is_better', target: 80 }, 60)).toBeCloseTo(0.75, 12);
    expect(attainmentOf({ id: 'churn', direction: 'lower_is_better', target: 0.02 }, 0.04)).toBeCloseTo(
      0.5,
      12,
    );
    expect(attainmentOf({ id: 'churn', direction: 'lower_is_better', target: 0.02 }, 0)).toBe(2);
  });

  it('measures from the baseline when there is one (also for decreasing targets)', () => {
    expect(
      attainmentOf({ id: 'nps', direction: 'higher_is_better', target: 40, baseline: -10 }, 15),
    ).toBeCloseTo(0.5, 12);
    expect(
      attainmentOf({ id: 'churn', direction: 'lower_is_better', target: 2, baseline: 6 }, 3),
    ).toBeCloseTo(0.75, 12);
  });

  it('is met-or-not for a non-positive target without baseline', () => {
    expect(attainmentOf({ id: 'nps', direction: 'higher_is_better', target: 0 }, 5)).toBe(1);
    expect(attainmentOf({ id: 'nps', direction: 'higher_is_better', target: 0 }, -5)).toBe(0);
  });
});

describe('kpiAttainment', () => {
  const csat = { id: 'csat', direction: 'higher_is_better' as const, target: 100 };

  it('is on track at ≥ 95 % of target, whatever the order of measurements', () => {
    const r = kpiAttainment(csat, [
      { period: 2, value: 96 },
      { period: 1, value: 90 },
    ]);
    expect(r.current).toBe(96);
    expect(r.attainment).toBeCloseTo(0.96, 12);
    expect(r.status).toBe('on_track');
  });

  it('is at risk between 80 % and 95 %, or above 50 % with an improving trend; otherwise off track', () => {
    expect(kpiAttainment(csat, series([90, 85])).status).toBe('at_risk');
    expect(kpiAttainment(csat, series([50, 60])).status).toBe('at_risk');
    expect(kpiAttainment(csat, series([70, 60])).status).toBe('off_track');
    expect(kpiAttainment(csat, series([30, 40])).status).toBe('off_track');
  });

  it('signs the trend by direction: falling churn is a favourable trend', () => {
    const r = kpiAttainment({ id: 'churn', direction: 'lower_is_better', target: 2 }, series([4, 3]));
    expect(r.trend).toBeCloseTo(-1 / 3.5, 12);
    expect(r.directionalTrend).toBeCloseTo(1 / 3.5, 12);
    expect(r.attainment).toBeCloseTo(2 / 3, 12);
    expect(r.status).toBe('at_risk');
  });

  it('uses only the last N measurements for the trend', () => {
    const r = kpiAttainment(csat, series([0, 100, 50, 60, 70]), { trendWindow: 3 });
    expect(r.trend).toBeCloseTo(10 / 60, 12);
  });

  it('is empty without measurements', () => {
    expect(kpiAttainment(csat, [])).toMatchObject({ current: null, attainment: null, status: null });
    expect(latestMeasurement([])).toBeNull();
  });
});

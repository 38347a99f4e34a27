import { describe, expect, it } from 'vitest';
import {
  grossMargin,
  type LifecycleProductInput,
  lifecycleRecommendation,
} from './lifecycleRecommendation.ts';

const base: LifecycleProductInput = {
  productId: 'P',
  servedSegments: [{ segmentId: 's', weight: 1, marketGrowth: 0.05 }],
  marketShare: 0.2,
  largestCompetitorShare: 0.25,
  revenue: [100, 100, 100, 100],
  cost: [80, 80, 80, 80],
  strategicFit: 0.5,
  kpiTrends: [0],
};

describe('grossMargin', () => {
  it('uses the last window periods', () => {
    expect(grossMargin([100, 200, 100], [100, 50, 70], 2)).toBeCloseTo((300 - 120) / 300, 12);
    expect(grossMargin([], [])).toBeNull();
  });
});

describe('lifecycleRecommendation', () => {
  it('maintains a middling product (all factors 0 points)', () => {
    const r = lifecycleRecommendation(base);
    expect(r.placement.quadrant).toBe('dog'); // share 0.8 < 1, growth 5 % < 10 %
    expect(r.reasons.map((x) => [x.factor, x.points])).toEqual([
      ['growth', 0],
      ['margin', 0],
      ['share', 0],
      ['strategic_fit', 0],
      ['kpi_trend', 0],
      ['quadrant', -1],
    ]);
    expect(r.score).toBe(-1);
    expect(r.action).toBe('maintain');
    expect(r.grossMargin).toBeCloseTo(0.2, 12);
  });

  it('invests in a star with good margin and fit', () => {
    const r = lifecycleRecommendation({
      ...base,
      servedSegments: [{ segmentId: 's', weight: 1, marketGrowth: 0.18 }],
      marketShare: 0.4,
      largestCompetitorShare: 0.2,
      cost: [50, 50, 50, 50],
      strategicFit: 0.8,
      kpiTrends: [0.05, 0.03],
    });
    expect(r.placement.quadrant).toBe('star');
    expect(r.score).toBe(6);
    expect(r.action).toBe('invest');
    expect(r.reasons.find((x) => x.factor === 'margin')).toMatchObject({ value: 0.5, points: 1 });
    expect(r.reasons.find((x) => x.factor === 'kpi_trend')?.value).toBeCloseTo(0.04, 12);
  });

  it('recommends retiring a shrinking, thin-margin, low-fit dog with falling KPIs', () => {
    const r = lifecycleRecommendation({
      ...base,
      servedSegments: [{ segmentId: 's', weight: 1, marketGrowth: -0.03 }],
      marketShare: 0.05,
      largestCompetitorShare: 0.4,
      cost: [98, 98, 98, 98],
      strategicFit: 0.1,
      kpiTrends: [-0.1],
    });
    expect(r.score).toBe(-6);
    expect(r.action).toBe('retire');
    expect(r.reasons.every((x) => x.text.length > 0)).toBe(true);
  });
});

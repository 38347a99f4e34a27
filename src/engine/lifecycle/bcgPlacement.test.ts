import { describe, expect, it } from 'vitest';
import { bcgPlacement, relativeMarketShare, servedMarketGrowth } from './bcgPlacement.ts';

describe('bcgPlacement', () => {
  it('places the four quadrants at growth 10 % and relative share 1.0', () => {
    expect(bcgPlacement(0.15, 1.5).quadrant).toBe('star');
    expect(bcgPlacement(0.03, 2).quadrant).toBe('cash_cow');
    expect(bcgPlacement(0.2, 0.4).quadrant).toBe('question_mark');
    expect(bcgPlacement(0.02, 0.3).quadrant).toBe('dog');
    expect(bcgPlacement(0.1, 1).quadrant).toBe('star'); // thresholds are inclusive
    expect(bcgPlacement(0.08, 1, { growth: 0.05 }).quadrant).toBe('star');
  });

  it('weights served-segment growth by the product revenue in each segment', () => {
    // (300·0.2 + 100·0.04)/400 = 0.16
    expect(
      servedMarketGrowth([
        { segmentId: 'a', weight: 300, marketGrowth: 0.2 },
        { segmentId: 'b', weight: 100, marketGrowth: 0.04 },
      ]),
    ).toBeCloseTo(0.16, 12);
    expect(servedMarketGrowth([{ segmentId: 'a', weight: 0, marketGrowth: 0.1 }])).toBeCloseTo(0.1, 12);
    expect(servedMarketGrowth([])).toBe(0);
  });

  it('divides our share by the largest competitor share, capped at 10', () => {
    expect(relativeMarketShare(0.3, 0.2)).toBeCloseTo(1.5, 12);
    expect(relativeMarketShare(0.1, 0)).toBe(10);
    expect(relativeMarketShare(0, 0)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { geLevel, geRecommendation, placeProducts, placeSegments } from './geMcKinsey.ts';
import { HAND_SEGMENTS } from './segmentFixture.ts';

describe('GE-McKinsey grid', () => {
  it('the nine cells', () => {
    const levels = ['high', 'medium', 'low'] as const;
    const grid = levels.map((a) => levels.map((s) => geRecommendation(a, s)));
    expect(grid).toEqual([
      ['invest_grow', 'invest_grow', 'selectivity'],
      ['invest_grow', 'selectivity', 'harvest_divest'],
      ['selectivity', 'harvest_divest', 'harvest_divest'],
    ]);
    expect([0, 0.33, 1 / 3, 0.66, 2 / 3, 1].map(geLevel)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });

  // Attractiveness = (.25·size + .25·growth + .2·external SWOT) / .7; strength = ½·min(1, share/.3) + ½·internal.
  it('places segments (hand-computed)', () => {
    const p = placeSegments(HAND_SEGMENTS);
    expect(p.map((x) => Number(x.attractiveness.toFixed(6)))).toEqual([0.857143, 0.5, 0]);
    expect(p.map((x) => Number(x.strength.toFixed(6)))).toEqual([0.833333, 0.416667, 0.25]);
    expect(p.map((x) => x.recommendation)).toEqual(['invest_grow', 'selectivity', 'harvest_divest']);
  });

  it('places products by their fit-weighted served segments (hand-computed)', () => {
    const p = placeProducts(
      [
        {
          id: 'p1',
          servedSegments: [
            { segmentId: 's1', fit: 1, share: 0.15 },
            { segmentId: 's2', fit: 0.5, share: 0.3 },
          ],
        },
        { id: 'p2', servedSegments: [] },
      ],
      HAND_SEGMENTS,
    );
    // attractiveness (1·.857143 + .5·.5) / 1.5; strength (1·(.25 + .5) + .5·(.5 + .25)) / 1.5 = .75
    expect(p[0].attractiveness).toBeCloseTo((6 / 7 + 0.25) / 1.5, 9);
    expect(p[0].strength).toBeCloseTo(0.75, 9);
    expect(p[0].recommendation).toBe('invest_grow');
    expect(p[1]).toMatchObject({ attractiveness: 0, strength: 0, recommendation: 'harvest_divest' });
    expect(() =>
      placeProducts([{ id: 'x', servedSegments: [{ segmentId: 'nope', fit: 1, share: 0 }] }], HAND_SEGMENTS),
    ).toThrow(/unknown segment nope/);
  });
});

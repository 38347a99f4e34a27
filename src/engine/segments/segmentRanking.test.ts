import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalWeights } from '../scoring/goalWeights.ts';
import { HAND_GOAL_WEIGHTS, HAND_SEGMENTS } from './segmentFixture.ts';
import { compoundGrowth, rankSegments, type SegmentInput, swotBalance } from './segmentRanking.ts';

describe('factors by hand', () => {
  it('compound growth of [0.1, 0.1] is 0.1, of [0.21, 0] is 0.1, of [] is 0', () => {
    expect(compoundGrowth([0.1, 0.1])).toBeCloseTo(0.1, 12);
    expect(compoundGrowth([0.21, 0])).toBeCloseTo(0.1, 12);
    expect(compoundGrowth([])).toBe(0);
  });

  it('SWOT balance: S4 + O2 − W1 − T1 over 8 = 0.5; internal only: (4 − 1) / 5 = 0.6', () => {
    const swot = [
      { kind: 'strength' as const, score: 4 },
      { kind: 'opportunity' as const, score: 2 },
      { kind: 'weakness' as const, score: 1 },
      { kind: 'threat' as const, score: 1 },
    ];
    expect(swotBalance(swot)).toBeCloseTo(0.5, 12);
    expect(swotBalance(swot, ['strength', 'weakness'])).toBeCloseTo(0.6, 12);
    expect(swotBalance([])).toBe(0);
  });
});

describe('rankSegments by hand', () => {
  // log10(1 + size) = 3, 2, 1 → 1, .5, 0; CAGR .1, .05, 0 → 1, .5, 0; SWOT balance 1/3, 0, −1 → 2/3, .5, 0;
  // share .3, .1, 0 → 1, 1/3, 0; goal fit .75, .5, .25.
  // Scores (.25 .25 .2 .1 .2): s1 = .25 + .25 + .2·2/3 + .1 + .15 = .883333; s2 = .125 + .125 + .1 + .1/3 + .1
  // = .483333; s3 = .05. Weights = score / 1.416667.
  it('scores, ranks, weights and breakdown', () => {
    const r = rankSegments(HAND_SEGMENTS, HAND_GOAL_WEIGHTS);
    expect(r.segments.map((s) => s.segmentId)).toEqual(['s1', 's2', 's3']);
    const expected = [0.883333333, 0.483333333, 0.05];
    r.segments.forEach((s, k) => {
      expect(s.score).toBeCloseTo(expected[k], 8);
      expect(s.weight).toBeCloseTo(expected[k] / 1.416666667, 8);
      expect(s.rank).toBe(k + 1);
      expect(s.computedRank).toBe(k + 1);
      expect(s.overridden).toBe(false);
    });
    const s1 = r.segments[0].factors;
    expect(s1.map((f) => f.name)).toEqual(['marketSize', 'growth', 'swot', 'share', 'goalFit']);
    expect(s1.map((f) => f.normalized).map((x) => Number(x.toFixed(6)))).toEqual([1, 1, 0.666667, 1, 0.75]);
    expect(s1[0].raw).toBe(999);
    expect(s1[2].contribution).toBeCloseTo(0.2 * (2 / 3), 12);
    expect(r.segments[0].factors.reduce((t, f) => t + f.contribution, 0)).toBeCloseTo(
      r.segments[0].score,
      12,
    );
  });

  it('an override moves the segment, keeps the others in order, moves the weight and is logged', () => {
    const segments = HAND_SEGMENTS.map((s) =>
      s.id === 's3' ? { ...s, override: { rank: 1, rationale: 'Board bet on consumers' } } : s,
    );
    const r = rankSegments(segments, HAND_GOAL_WEIGHTS);
    expect(r.segments.map((s) => [s.segmentId, s.rank, s.computedRank])).toEqual([
      ['s3', 1, 3],
      ['s1', 2, 1],
      ['s2', 3, 2],
    ]);
    expect(r.segments[0]).toMatchObject({ overridden: true, rationale: 'Board bet on consumers' });
    expect(r.segments[0].weight).toBeCloseTo(0.883333333 / 1.416666667, 8);
    expect(r.overrides).toEqual([
      { segmentId: 's3', fromRank: 3, toRank: 1, rationale: 'Board bet on consumers' },
    ]);
  });

  it('refuses an override without a rationale', () => {
    const segments = HAND_SEGMENTS.map((s) =>
      s.id === 's2' ? { ...s, override: { rank: 1, rationale: '  ' } } : s,
    );
    expect(() => rankSegments(segments, HAND_GOAL_WEIGHTS)).toThrow(/needs a rationale/);
  });

  it('custom factor weights: only market size counts', () => {
    const r = rankSegments(HAND_SEGMENTS, HAND_GOAL_WEIGHTS, {
      marketSize: 2,
      growth: 0,
      swot: 0,
      share: 0,
      goalFit: 0,
    });
    expect(r.segments.map((s) => s.score)).toEqual([1, 0.5, 0]);
    expect(r.factorWeights.marketSize).toBe(1);
  });
});

const segmentArb: fc.Arbitrary<SegmentInput[]> = fc
  .array(
    fc.record({
      marketSize: fc.double({ min: 0, max: 1e10, noNaN: true }),
      growthForecast: fc.array(fc.double({ min: -0.5, max: 1, noNaN: true }), { maxLength: 4 }),
      swot: fc.array(
        fc.record({
          kind: fc.constantFrom(
            'strength' as const,
            'weakness' as const,
            'opportunity' as const,
            'threat' as const,
          ),
          score: fc.integer({ min: 1, max: 5 }),
        }),
        { maxLength: 4 },
      ),
      ourShare: fc.double({ min: 0, max: 1, noNaN: true }),
      goalFit: fc.record({
        a: fc.double({ min: 0, max: 1, noNaN: true }),
        b: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((xs) => xs.map((x, k) => ({ ...x, id: `s${k}`, name: `Segment ${k}` })));

describe('rankSegments properties', () => {
  it('scaling all goal weights by a positive factor leaves the ranking unchanged', () => {
    fc.assert(
      fc.property(
        segmentArb,
        fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (segments, wa, wb, k) => {
          const goals = [
            { id: 'a', name: 'A', weight: wa },
            { id: 'b', name: 'B', weight: wb },
          ];
          const scaled = goals.map((g) => ({ ...g, weight: g.weight * k }));
          const before = rankSegments(segments, goalWeights({ method: 'direct', goals }).weights);
          const after = rankSegments(segments, goalWeights({ method: 'direct', goals: scaled }).weights);
          expect(after.segments.map((s) => s.segmentId)).toEqual(before.segments.map((s) => s.segmentId));
        },
      ),
    );
  });

  it('weights sum to 1, scores lie in 0..1 and are non-increasing down the ranking without overrides', () => {
    fc.assert(
      fc.property(segmentArb, (segments) => {
        const r = rankSegments(segments, { a: 0.5, b: 0.5 });
        expect(r.segments.reduce((t, s) => t + s.weight, 0)).toBeCloseTo(1, 9);
        for (let k = 0; k < r.segments.length; k++) {
          expect(r.segments[k].score).toBeGreaterThanOrEqual(-1e-12);
          expect(r.segments[k].score).toBeLessThanOrEqual(1 + 1e-12);
          if (k > 0) expect(r.segments[k].score).toBeLessThanOrEqual(r.segments[k - 1].score);
        }
      }),
    );
  });
});

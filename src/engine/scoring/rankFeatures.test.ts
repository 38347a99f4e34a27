import { describe, expect, it } from 'vitest';
import { HAND_PORTFOLIO } from './priorityFixture.ts';
import { rankFeatures } from './rankFeatures.ts';
import { referencePriorities } from './referencePriority.ts';

// Hand derivation (defaults: equal α, demand weight .5, floor .1; top-2 segments A, B; threshold .5):
//   impact  F1 = .5·3/3 = .5 (B is not a target, so its estimate is ignored)
//           F2 (base: every estimated segment) = (.5·1 + .3·2 + .2·1)/3 = 1.3/3
//           F3 = .2·3/3 = .2;  F4 = 0 (target B, no estimate)
//   customer factor r·p: c1 = 1·1; c2 = (.1 + .9·.5)·(.3/.5) = .33; c3 and anonymous = .1·((1/3)/.5) = 1/15
//   demand  F1 = c1 latest importance 0 → 0, + c2 3/3·.33 = .33
//           F2 = 2/3·1 + 3/3·(1/15) = 11/15;  F3 = 1/15;  F4 = 0; normalized by 11/15
//   score   F1 = .5 + .5·.45 = .725; F2 = 1.3/3 + .5 = .933333; F3 = .2 + .5/11; F4 = 0
//   parking: F3's only impact is in C (not top-2) → parked; F4 has none but was pulled back.
const options = { topSegments: 2 };

describe('rankFeatures by hand', () => {
  it('scores, ranks, parks and explains', () => {
    const r = rankFeatures(HAND_PORTFOLIO, options);
    expect(r.features.map((f) => [f.featureId, f.rank, f.parked])).toEqual([
      ['F2', 1, false],
      ['F1', 2, false],
      ['F4', 3, false],
      ['F3', null, true],
    ]);
    const byId = Object.fromEntries(r.features.map((f) => [f.featureId, f]));
    expect(byId.F1.score).toBeCloseTo(0.725, 12);
    expect(byId.F2.score).toBeCloseTo(1.3 / 3 + 0.5, 12);
    expect(byId.F3.score).toBeCloseTo(0.2 + 0.5 / 11, 12);
    expect(byId.F4.score).toBe(0);
    expect(byId.F1.breakdown.demand).toEqual({
      raw: expect.closeTo(0.33, 12),
      normalized: expect.closeTo(0.45, 12),
      weight: 0.5,
      contribution: expect.closeTo(0.225, 12),
      customers: 2,
    });
    expect(
      byId.F2.breakdown.segments.map((s) => [
        s.segmentId,
        s.segmentImpact,
        Number(s.contribution.toFixed(6)),
      ]),
    ).toEqual([
      ['A', 1, 0.166667],
      ['B', 2, 0.2],
      ['C', 1, 0.066667],
    ]);
    expect(byId.F2.breakdown.demand.raw).toBeCloseTo(11 / 15, 12);
    expect(byId.F3.parkedReason).toBe(
      'no impact on revenue, retention or adoption in the top 2 segments (Alpha, Beta)',
    );
    expect(byId.F4.pulledBack).toEqual({ rationale: 'Promised to Beta’s largest customer' });
    expect(r.topSegmentIds).toEqual(['A', 'B']);
  });

  it('gives the reason with the number when the impact is low but not zero', () => {
    const r = rankFeatures(HAND_PORTFOLIO, { topSegments: 2, parkThreshold: 2.5 });
    const f2 = r.features.find((f) => f.featureId === 'F2');
    expect(f2?.parkedReason).toBe(
      'best impact in the top 2 segments (Alpha, Beta) is 2.00 on the 0–3 scale, below the threshold 2.5',
    );
  });

  it('80/20: when capacity is short, segment-specific work for a top segment is boosted past base work', () => {
    const r = rankFeatures(HAND_PORTFOLIO, { ...options, capacityShort: true, segmentBoost: 0.5 });
    expect(r.features.map((f) => f.featureId)).toEqual(['F1', 'F2', 'F4', 'F3']);
    const f1 = r.features[0];
    expect(f1.score).toBeCloseTo(0.725 * 1.5, 12);
    expect(f1.breakdown.boost.factor).toBe(1.5);
    // F3 targets C, not a top segment; F2 is base work: neither is boosted.
    expect(r.features.find((f) => f.featureId === 'F3')?.breakdown.boost.factor).toBe(1);
    expect(r.features.find((f) => f.featureId === 'F2')?.breakdown.boost.factor).toBe(1);
  });

  it('ranks one product’s backlog, demand normalized within it', () => {
    const r = rankFeatures(HAND_PORTFOLIO, { ...options, productId: 'P2' });
    expect(r.features.map((f) => f.featureId)).toEqual(['F4', 'F3']);
    expect(r.features[1].breakdown.demand.normalized).toBe(1);
  });

  it('matches the object-by-object reference implementation', () => {
    const fast = rankFeatures(HAND_PORTFOLIO, options).features;
    for (const ref of referencePriorities(HAND_PORTFOLIO, options)) {
      const f = fast.find((x) => x.featureId === ref.featureId);
      expect(f?.score).toBeCloseTo(ref.score, 12);
      expect(f?.parked).toBe(ref.parked);
    }
  });

  it('refuses impact estimates off the 0–3 scale and bad importance', () => {
    const bad = {
      ...HAND_PORTFOLIO,
      features: [
        { ...HAND_PORTFOLIO.features[0], impactBySegment: { A: { revenue: 4, retention: 0, adoption: 0 } } },
      ],
    };
    expect(() => rankFeatures(bad)).toThrow(/revenue impact in segment "A" must be 0\.\.3, got 4/);
    const badLink = {
      ...HAND_PORTFOLIO,
      links: [{ featureId: 'F1', customerId: null, importance: 7, createdAt: 1 }],
    };
    expect(() => rankFeatures(badLink)).toThrow(/importance must be 0\.\.3/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignmentScore, portfolioKpis } from './portfolioKpis.ts';

describe('alignmentScore', () => {
  const segments = [
    { id: 'S1', priority: 3 },
    { id: 'S2', priority: 1 },
  ];

  it('is 1 when investment shares equal priority shares', () => {
    expect(
      alignmentScore(
        new Map([
          ['S1', 75],
          ['S2', 25],
        ]),
        segments,
      ).score,
    ).toBeCloseTo(1, 12);
  });

  it('hand example: all money in S2 → 1 − ½(|0 − .75| + |1 − .25|) = 0.25', () => {
    expect(alignmentScore(new Map([['S2', 10]]), segments).score).toBeCloseTo(0.25, 12);
  });

  it('counts unassigned investment against alignment', () => {
    // shares: S1 .5, unassigned .5 → 1 − ½(|.5 − .75| + |0 − .25| + |.5 − 0|) = 0.5
    const r = alignmentScore(
      new Map<string | null, number>([
        ['S1', 5],
        [null, 5],
      ]),
      segments,
    );
    expect(r.score).toBeCloseTo(0.5, 12);
    expect(r.bySegment.find((x) => x.segmentId === null)?.investmentShare).toBe(0.5);
  });

  it('is null without investment or priorities and always within 0..1', () => {
    expect(alignmentScore(new Map(), segments).score).toBeNull();
    expect(alignmentScore(new Map([['S1', 1]]), [{ id: 'S1', priority: 0 }]).score).toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (inv, pri) => {
          const segs = pri.map((p, k) => ({ id: `S${k}`, priority: p }));
          const score = alignmentScore(new Map(inv.map((v, k) => [`S${k}`, v])), segs).score;
          if (inv.every((v) => v === 0)) expect(score).toBeNull();
          else {
            expect(score).toBeGreaterThanOrEqual(-1e-12);
            expect(score).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
    );
  });
});

describe('portfolioKpis', () => {
  const result = portfolioKpis({
    discountRate: 0.1,
    periods: 3,
    initiatives: [
      { id: 'a', segmentId: 'S1', cost: [100, 0, 0], benefit: [0, 60, 60] },
      { id: 'b', segmentId: 'S2', cost: [0, 100, 0], benefit: [0, 0, 50] },
    ],
    segments: [
      { id: 'S1', priority: 1 },
      { id: 'S2', priority: 1 },
    ],
    products: [
      { id: 'p1', stage: 'growth', revenue: [10, 20, 30] },
      { id: 'p2', stage: 'maturity', revenue: [40, 40, 40] },
      { id: 'p3', stage: 'growth', revenue: [0, 0, 20] },
    ],
    capacity: [
      { period: 0, demand: 8, capacity: 10 },
      { period: 0, demand: 4, capacity: 10 },
      { period: 1, demand: 12, capacity: 10 },
      { period: 2, demand: 0, capacity: 0 },
    ],
    risks: [
      { id: 'r1', probability: 0.5, impact: 100, status: 'open' },
      { id: 'r2', probability: 0.2, impact: 50, status: 'closed', openedPeriod: 0, closedPeriod: 2 },
      { id: 'r3', probability: 1, impact: 30, status: 'open', openedPeriod: 1 },
    ],
  });

  it('computes ROI and NPV over all initiatives', () => {
    // cost 200, benefit 170 → ROI −0.15; net −100, −40, 110 at 10 %.
    expect(result.roi).toBeCloseTo(-0.15, 12);
    expect(result.npv).toBeCloseTo(-100 - 40 / 1.1 + 110 / 1.21, 10);
    expect(result.discountedRoi).toBeCloseTo(
      (60 / 1.1 + 110 / 1.21 - 100 - 100 / 1.1) / (100 + 100 / 1.1),
      10,
    );
  });

  it('computes utilization, risk exposure, alignment and lifecycle mix', () => {
    expect(result.utilization).toBeCloseTo(24 / 30, 12);
    expect(result.riskExposure).toBe(80); // r1 50 + r3 30; r2 closed
    expect(result.alignment.score).toBeCloseTo(1, 12); // 100 / 100 with equal priorities
    expect(result.lifecycleMix).toEqual([
      { stage: 'growth', count: 2, revenue: 80, revenueShare: 0.4 },
      { stage: 'maturity', count: 1, revenue: 120, revenueShare: 0.6 },
    ]);
  });

  it('reports each KPI per period', () => {
    expect(result.trends.map((t) => t.utilization)).toEqual([0.6, 1.2, null]);
    expect(result.trends.map((t) => t.investment)).toEqual([100, 100, 0]);
    expect(result.trends.map((t) => t.riskExposure)).toEqual([60, 90, 80]);
    // each period's investment goes to one of two equal-priority segments → 0.5, none in period 2
    expect(result.trends.map((t) => t.alignment)).toEqual([0.5, 0.5, null]);
    expect(result.trends[0].cumulativeRoi).toBe(-1);
    expect(result.trends[1].cumulativeRoi).toBeCloseTo(-0.7, 12);
    expect(result.trends[2].revenueByStage).toEqual({ growth: 50, maturity: 40 });
  });
});

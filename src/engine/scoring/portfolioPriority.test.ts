import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HAND_SEGMENTS } from '../segments/segmentFixture.ts';
import { rankSegments } from '../segments/segmentRanking.ts';
import { goalWeights } from './goalWeights.ts';
import { computePriorities } from './portfolioPriority.ts';
import { buildPriorityColumns, type FeatureRankingInput, rankFeatures } from './rankFeatures.ts';
import { referencePriorities } from './referencePriority.ts';

const SEGMENTS = ['s0', 's1', 's2', 's3', 's4'];
const impact = fc.record({
  revenue: fc.integer({ min: 0, max: 3 }),
  retention: fc.integer({ min: 0, max: 3 }),
  adoption: fc.integer({ min: 0, max: 3 }),
});

const portfolioArb: fc.Arbitrary<FeatureRankingInput> = fc
  .record({
    weights: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
    features: fc.array(
      fc.record({
        scope: fc.constantFrom('base' as const, 'segment_specific' as const),
        targets: fc.subarray(SEGMENTS),
        impacts: fc.dictionary(fc.constantFrom(...SEGMENTS), impact),
        pulledBack: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    customers: fc.array(
      fc.record({
        segment: fc.option(fc.constantFrom(...SEGMENTS, 'gone'), { nil: null }),
        revenue: fc.double({ min: 0, max: 1e6, noNaN: true }),
      }),
      { maxLength: 6 },
    ),
    links: fc.array(
      fc.record({
        feature: fc.nat(),
        customer: fc.option(fc.nat(), { nil: null }),
        importance: fc.integer({ min: 0, max: 3 }),
        time: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ weights, features, customers, links }) => {
    const total = weights.reduce((t, w) => t + w, 0) || 1;
    const order = SEGMENTS.map((id, k) => ({ id, w: weights[k] / total })).sort((a, b) => b.w - a.w);
    return {
      segments: order.map((s, k) => ({ segmentId: s.id, rank: k + 1, weight: s.w })),
      features: features.map((f, k) => ({
        id: `f${k}`,
        productId: k % 2 ? 'p1' : 'p2',
        title: `Feature ${k}`,
        scope: f.scope,
        targetSegmentIds: f.targets,
        impactBySegment: f.impacts,
        pulledBack: f.pulledBack ? { rationale: 'because' } : null,
      })),
      customers: customers.map((c, k) => ({ id: `c${k}`, segmentId: c.segment, annualRevenue: c.revenue })),
      links: links.map((l) => ({
        featureId: `f${l.feature % features.length}`,
        customerId:
          l.customer === null || customers.length === 0 ? null : `c${l.customer % customers.length}`,
        importance: l.importance,
        createdAt: l.time,
      })),
    };
  });

const optionsArb = fc.record({
  topSegments: fc.integer({ min: 0, max: 5 }),
  parkThreshold: fc.double({ min: 0.01, max: 3, noNaN: true }),
  capacityShort: fc.boolean(),
  demandWeight: fc.double({ min: 0, max: 2, noNaN: true }),
});

describe('computePriorities properties', () => {
  it('equals the object-by-object reference implementation (brute-force oracle)', () => {
    fc.assert(
      fc.property(portfolioArb, optionsArb, (input, options) => {
        const fast = rankFeatures(input, options).features;
        const ref = referencePriorities(input, options);
        for (const r of ref) {
          const f = fast.find((x) => x.featureId === r.featureId);
          expect(f?.score).toBeCloseTo(r.score, 9);
          expect(f?.parked).toBe(r.parked);
        }
        // Ranked features are in non-increasing score order, parked ones last.
        const active = fast.filter((f) => !f.parked);
        active.forEach((f, k) => {
          expect(f.rank).toBe(k + 1);
          if (k > 0) expect(f.score).toBeLessThanOrEqual(active[k - 1].score);
          // Equal scores keep the input order (ids are f0, f1, … in input order).
          if (k > 0 && f.score === active[k - 1].score) {
            expect(Number(f.featureId.slice(1))).toBeGreaterThan(Number(active[k - 1].featureId.slice(1)));
          }
        });
        expect(fast.slice(active.length).every((f) => f.parked && f.rank === null)).toBe(true);
      }),
    );
  });

  it('adding positive feedback never lowers a feature’s score', () => {
    fc.assert(
      fc.property(
        portfolioArb,
        optionsArb,
        fc.nat(),
        fc.option(fc.nat(), { nil: null }),
        fc.integer({ min: 1, max: 3 }),
        (input, options, fPick, cPick, importance) => {
          const feature = input.features[fPick % input.features.length];
          const customerId =
            cPick === null || input.customers.length === 0
              ? null
              : input.customers[cPick % input.customers.length].id;
          // "Positive": a new link at least as important as what this customer last said about the feature
          // (their latest importance is what counts, so a later, lower one would be a change of mind).
          const previous = input.links
            .filter((l) => customerId !== null && l.featureId === feature.id && l.customerId === customerId)
            .reduce((m, l) => Math.max(m, l.importance), 0);
          const added = {
            ...input,
            links: [
              ...input.links,
              {
                featureId: feature.id,
                customerId,
                importance: Math.max(importance, previous),
                createdAt: 1_000,
              },
            ],
          };
          const before = rankFeatures(input, options).features.find((f) => f.featureId === feature.id);
          const after = rankFeatures(added, options).features.find((f) => f.featureId === feature.id);
          expect(after?.score ?? 0).toBeGreaterThanOrEqual((before?.score ?? 0) - 1e-12);
        },
      ),
    );
  });

  it('a feature with no impact in any chosen segment is always parked (unless pulled back)', () => {
    fc.assert(
      fc.property(portfolioArb, optionsArb, (input, options) => {
        const top = new Set(
          input.segments.filter((s) => s.rank <= options.topSegments).map((s) => s.segmentId),
        );
        const first = input.features[0];
        const f = {
          ...first,
          pulledBack: null,
          impactBySegment: Object.fromEntries(
            Object.entries(first.impactBySegment).map(([id, i]) => [
              id,
              top.has(id) ? { revenue: 0, retention: 0, adoption: 0 } : i,
            ]),
          ),
        };
        const noImpact = { ...input, features: [f, ...input.features.slice(1)] };
        const r = rankFeatures(noImpact, options).features.find((x) => x.featureId === f.id);
        expect(r?.parked).toBe(true);
        expect(r?.rank).toBeNull();
        expect(r?.parkedReason).toMatch(/^no impact/);
      }),
    );
  });

  it('scaling all goal weights leaves the feature ranking unchanged (goals → segments → features)', () => {
    fc.assert(
      fc.property(
        portfolioArb,
        // Goal weights as people type them (0 to 10 in steps of 0.01); subnormal doubles would lose the ratio.
        fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (input, w1, w2, k) => {
          const rankWith = (scale: number) => {
            const goals = [
              { id: 'g1', name: 'One', weight: w1 * scale },
              { id: 'g2', name: 'Two', weight: w2 * scale },
            ];
            const segs = rankSegments(
              HAND_SEGMENTS.map((s, i) => ({ ...s, id: SEGMENTS[i] })),
              goalWeights({ method: 'direct', goals }).weights,
            );
            const segments = segs.segments.map((s) => ({
              segmentId: s.segmentId,
              rank: s.rank,
              weight: s.weight,
            }));
            return rankFeatures({ ...input, segments }).features;
          };
          // Same scores (to rounding) and the same order, except among features whose scores tie exactly in
          // real arithmetic: scaling the weights moves their last bits, and a tie may then break either way.
          const scaled = rankWith(k);
          const base = rankWith(1);
          const scoreOf = new Map(base.map((f) => [f.featureId, f]));
          for (const f of scaled) {
            const b = scoreOf.get(f.featureId)!;
            expect(f.parked).toBe(b.parked);
            expect(Math.abs(f.score - b.score)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b.score)));
          }
          const key = (fs: typeof base) => fs.map((f) => `${f.parked}|${f.score.toPrecision(9)}`).join(',');
          expect(key(scaled)).toBe(key(base));
        },
      ),
    );
  });
});

describe('computePriorities columns', () => {
  it('refuses inconsistent columns', () => {
    const { columns } = buildPriorityColumns({
      segments: [{ segmentId: 'A', rank: 1, weight: 1 }],
      features: [],
      customers: [],
      links: [],
    });
    expect(computePriorities(columns).order.length).toBe(0);
    expect(() => computePriorities({ ...columns, linkFeature: Int32Array.of(0) })).toThrow(/link lengths/);
  });
});

import { describe, expect, it } from 'vitest';
import { buildRoadmap, type RoadmapEntry, roadmapHorizon } from './buildRoadmap.ts';
import { checkReleaseCapacity } from './checkReleaseCapacity.ts';
import { checkReleaseSchedule } from './checkReleaseSchedule.ts';

const entry = (id: string, start: number, end: number, extra: Partial<RoadmapEntry> = {}): RoadmapEntry => ({
  id,
  kind: 'feature',
  name: id,
  start,
  end,
  ...extra,
});

describe('roadmapHorizon', () => {
  it('buckets by start relative to the current period (current = 4, next = 2 periods)', () => {
    expect(roadmapHorizon(entry('a', 1, 3), 4)).toBe('done');
    expect(roadmapHorizon(entry('b', 2, 6), 4)).toBe('now');
    expect(roadmapHorizon(entry('c', 4, 5), 4)).toBe('now');
    expect(roadmapHorizon(entry('d', 5, 7), 4)).toBe('next');
    expect(roadmapHorizon(entry('e', 6, 7), 4)).toBe('next');
    expect(roadmapHorizon(entry('f', 7, 9), 4)).toBe('later');
    expect(roadmapHorizon(entry('m', 4, 4, { kind: 'milestone' }), 4)).toBe('now');
  });
});

describe('buildRoadmap', () => {
  const entries = [
    entry('F1', 0, 2, { productId: 'p1', priority: 5 }),
    entry('F2', 0, 1, { productId: 'p2', priority: 9 }),
    entry('F3', 3, 5, { productId: 'p1', releaseId: 'r2' }),
    entry('F4', 6, 8, { productId: 'p1' }),
    entry('GA', 2, 2, { kind: 'milestone' }),
  ];
  const roadmap = buildRoadmap(entries, {
    currentPeriod: 1,
    quarterOf: (p) => `2027Q${Math.floor(p / 2) + 1}`,
    releases: [
      { id: 'r1', name: '1.0', period: 2 },
      { id: 'r2', name: '2.0', period: 4 },
    ],
  });

  it('groups by quarter, higher priority first within a start', () => {
    expect(roadmap.byQuarter.map((g) => [g.key, g.items.map((e) => e.id)])).toEqual([
      ['2027Q1', ['F2', 'F1']],
      ['2027Q2', ['GA', 'F3']],
      ['2027Q4', ['F4']],
    ]);
  });

  it('groups by release: explicit release, else the first release at or after the last period', () => {
    expect(roadmap.byRelease.map((g) => [g.key, g.items.map((e) => e.id)])).toEqual([
      ['r1', ['F2', 'F1', 'GA']],
      ['r2', ['F3']],
      ['unplanned', ['F4']],
    ]);
  });

  it('splits now / next / later and lists milestones and products', () => {
    expect(roadmap.horizons.done.map((e) => e.id)).toEqual(['F2']);
    expect(roadmap.horizons.now.map((e) => e.id)).toEqual(['F1']);
    expect(roadmap.horizons.next.map((e) => e.id)).toEqual(['GA', 'F3']);
    expect(roadmap.horizons.later.map((e) => e.id)).toEqual(['F4']);
    expect(roadmap.milestones.map((e) => e.id)).toEqual(['GA']);
    expect(roadmap.byProduct.map((g) => [g.key, g.items.length])).toEqual([
      ['p2', 1],
      ['p1', 3],
      ['portfolio', 1],
    ]);
  });
});

describe('checkReleaseCapacity', () => {
  it('sums effort and capacity per role over the window and says by how much it is over', () => {
    // Periods 1..3: dev capacity 2, 2, 1 (last value repeats) minus 0.5 committed in period 2 → 4.5.
    const res = checkReleaseCapacity({
      fromPeriod: 1,
      lastPeriod: 3,
      scope: [
        { id: 'A', effort: { dev: 3, qa: 1 } },
        { id: 'B', effort: { dev: 2.5 } },
      ],
      capacity: { dev: [2, 2, 2, 1], qa: 1, design: 1 },
      committed: { dev: [0, 0, 0.5, 0] },
    });
    expect(res.fits).toBe(false);
    expect(res.periods).toBe(3);
    const dev = res.roles.find((r) => r.roleId === 'dev')!;
    expect(dev.capacity).toBeCloseTo(4.5);
    expect(dev.demand).toBeCloseTo(5.5);
    expect(dev.over).toBeCloseTo(1);
    expect(dev.items).toEqual([
      { id: 'A', amount: 3 },
      { id: 'B', amount: 2.5 },
    ]);
    expect(res.roles.find((r) => r.roleId === 'qa')).toMatchObject({
      demand: 1,
      capacity: 3,
      over: 0,
      spare: 2,
    });
    expect(res.roles.find((r) => r.roleId === 'design')).toMatchObject({ demand: 0, utilization: 0 });
  });

  it('fits when every role has room, and a role without capacity is over by its whole demand', () => {
    expect(
      checkReleaseCapacity({
        fromPeriod: 0,
        lastPeriod: 1,
        scope: [{ id: 'A', effort: { dev: 2 } }],
        capacity: { dev: 1 },
      }).fits,
    ).toBe(true);
    const res = checkReleaseCapacity({
      fromPeriod: 0,
      lastPeriod: 1,
      scope: [{ id: 'A', effort: { ux: 2 } }],
      capacity: {},
    });
    expect(res.roles).toEqual([
      {
        roleId: 'ux',
        demand: 2,
        capacity: 0,
        over: 2,
        spare: 0,
        utilization: null,
        items: [{ id: 'A', amount: 2 }],
      },
    ]);
  });
});

describe('checkReleaseSchedule', () => {
  const scope = [
    { id: 'A', duration: 2, demand: { dev: 2 }, after: [], priority: 9, earliest: 0 },
    { id: 'B', duration: 2, demand: { dev: 2 }, after: [], priority: 1, earliest: 0 },
    { id: 'C', duration: 1, demand: { dev: 1 }, after: ['A'], priority: 5, earliest: 0 },
  ];

  it('fits when the scope can be sequenced before the release', () => {
    // dev 4: A and B together [1,3), C [3,4) → ends 4 = lastPeriod 3 + 1.
    const res = checkReleaseSchedule({
      fromPeriod: 1,
      lastPeriod: 3,
      scope,
      resources: [{ id: 'dev', capacity: 4 }],
    });
    expect(res).toMatchObject({ fits: true, end: 4, late: [] });
    expect(res.starts).toEqual({ A: 1, B: 1, C: 3 });
  });

  it('names the lower-priority item that slips and the role and period that push it', () => {
    // dev 2: A and B cannot overlap, nor B and C. A, C, B: B [4,6) slips 2 (weight 2 → 4); A, B, C: B 1 and
    // C 2 late (2 + 12); B first: A 1 and C 2 late (11 + 12). So B slips by 2; at its earliest start dev is full.
    const res = checkReleaseSchedule({
      fromPeriod: 1,
      lastPeriod: 3,
      scope,
      resources: [{ id: 'dev', capacity: 2 }],
    });
    expect(res.fits).toBe(false);
    expect(res.late).toEqual([
      { id: 'B', deadline: 4, end: 6, slip: 2, cause: { resource: 'dev', period: 1 } },
    ]);
  });
});

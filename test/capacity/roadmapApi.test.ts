import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodAt, periodIndex } from '../../src/domain/periods.ts';
import { bruteForceMakespan } from '../../src/engine/schedule/bruteForceMakespan.ts';
import { validateSchedule } from '../../src/engine/schedule/validateSchedule.ts';
import type { ReleaseCapacityCheck } from '../../src/services/roadmap/releaseCapacityCheck.ts';
import type { RoadmapPage } from '../../src/services/roadmap/roadmapPage.ts';
import type { FullRoadmap } from '../../src/services/roadmap/storedRoadmap.ts';

/** A page asked for with include=schedule. */
type PageWithSchedule = RoadmapPage & { schedule: FullRoadmap['schedule'] };

import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

/**
 * Roadmaps and release checks over the API, on a product of our own inside the demo organization: its
 * team has two backend developers (one half off in the second quarter) and one designer; two releases;
 * three features; two approved initiatives, the second requiring the first. Expectations are worked out
 * by hand; every schedule returned is re-checked with the engine's independent validator.
 */
describe.each(BACKENDS)('roadmap and release checks over the API on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let api: Client;
  let P: string[];
  const ids: Record<string, string> = {};

  async function create(path: string, body: unknown): Promise<string> {
    const res = await api.request('POST', path, body);
    const text = await res.text();
    expect(res.status, `${path}: ${text}`).toBe(201);
    return (JSON.parse(text) as { id: string }).id;
  }
  /** A date in the middle of a quarter like 2027Q1. */
  const midQuarter = (q: string) =>
    `${q.slice(0, 4)}-${String((Number(q.slice(5)) - 1) * 3 + 2).padStart(2, '0')}-15`;

  async function roadmap(query: string): Promise<PageWithSchedule> {
    const res = await api.request('GET', `/api/v1/roadmap?${query}&include=schedule`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return JSON.parse(text) as PageWithSchedule;
  }
  /** The rows of each group on the page: `items[from, to)`. */
  const rowsOf = (r: RoadmapPage) =>
    r.groups.map((g) => ({ key: g.key, items: r.items.slice(g.from, g.to) }));

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    api = await world.as('portfolio');
    const frame = (await (await api.request('GET', '/api/v1/capacity?level=role&periods=4')).json()) as {
      periods: string[];
    };
    P = frame.periods;
    const lines = (await (await api.request('GET', '/api/v1/product-lines?limit=1')).json()) as {
      items: { id: string }[];
    };
    ids.product = await create('/api/v1/products', {
      productLineId: lines.items[0]!.id,
      name: 'Roadmap test product',
      slug: 'roadmap-test-product',
    });
    ids.backend = await create('/api/v1/roles', { name: 'Roadmap test backend' });
    ids.design = await create('/api/v1/roles', { name: 'Roadmap test design' });
    ids.team = await create('/api/v1/teams', { name: 'Roadmap test team', productId: ids.product });
    await create('/api/v1/people', { name: 'Rae Roadtest', teamId: ids.team, roleId: ids.backend, fte: 1 });
    await create('/api/v1/people', {
      name: 'Sol Roadtest',
      teamId: ids.team,
      roleId: ids.backend,
      fte: 1,
      timeOff: { [P[1]!]: 0.5 },
    });
    await create('/api/v1/people', { name: 'Tao Roadtest', teamId: ids.team, roleId: ids.design, fte: 1 });
    ids.r1 = await create('/api/v1/releases', {
      productId: ids.product,
      name: 'Roadmap R1',
      plannedDate: midQuarter(P[0]!),
    });
    ids.r2 = await create('/api/v1/releases', {
      productId: ids.product,
      name: 'Roadmap R2',
      plannedDate: midQuarter(P[2]!),
    });
    // R1 holds 2 + 1 = 3 FTE-quarters of backend (26 + 13 person-weeks) against 2 in its one quarter.
    ids.f1 = await create('/api/v1/features', {
      productId: ids.product,
      releaseId: ids.r1,
      title: 'Roadmap big feature',
      status: 'planned',
      effort: 32.5,
      effortByRole: { [ids.backend]: 26, [ids.design]: 6.5 },
      businessValue: 20,
      timeCriticality: 20,
      riskReduction: 5,
    });
    ids.f2 = await create('/api/v1/features', {
      productId: ids.product,
      releaseId: ids.r1,
      title: 'Roadmap small feature',
      status: 'in_progress',
      effort: 13,
      effortByRole: { [ids.backend]: 13 },
      businessValue: 1,
      timeCriticality: 1,
      riskReduction: 1,
    });
    ids.f3 = await create('/api/v1/features', {
      productId: ids.product,
      releaseId: ids.r2,
      title: 'Roadmap later feature',
      status: 'planned',
      effort: 6.5,
      effortByRole: { [ids.design]: 6.5 },
    });
    ids.idea = await create('/api/v1/features', {
      productId: ids.product,
      title: 'Roadmap idea',
      status: 'idea',
    });
    ids.i1 = await create('/api/v1/initiatives', {
      name: 'Roadmap foundation',
      kind: 'platform',
      stage: 'approved',
      productId: ids.product,
      startPeriod: P[0],
      costPerPeriod: [10, 10],
      demand: [{ roleId: ids.backend, perPeriod: [1, 1] }],
    });
    ids.i2 = await create('/api/v1/initiatives', {
      name: 'Roadmap phase two',
      kind: 'enhancement',
      stage: 'active',
      productId: ids.product,
      startPeriod: P[0],
      costPerPeriod: [10],
      demand: [{ roleId: ids.design, perPeriod: [1] }],
      requires: [ids.i1],
    });
  });
  afterAll(async () => {
    await store.close();
    await closeWorkerPool();
  });

  it('schedules the product: valid against capacity, requires respected, capacity = Σ fte − time off', async () => {
    const r = await roadmap(`productId=${ids.product}&view=quarter`);
    const check = validateSchedule(r.schedule.problem, r.schedule.starts);
    expect(check.violations).toEqual([]);
    // Resources are the roles, with the product team's capacity per quarter.
    const res = (id: string) => r.schedule.problem.resources.find((x) => x.id === id)!.capacity as number[];
    expect(res(ids.backend!).slice(0, 4)).toEqual([2, 1.5, 2, 2]);
    expect(res(ids.design!).slice(0, 4)).toEqual([1, 1, 1, 1]);
    const item = (id: string) => r.items.find((i) => i.id === id)!;
    // Phase two waits for the foundation.
    expect(item(ids.i2!).start).toBeGreaterThanOrEqual(item(ids.i1!).end);
    expect(r.schedule.problem.items.find((i) => i.id === ids.i2)!.after).toEqual([ids.i1]);
    // Durations and demand from effort: 26 person-weeks = 2 FTE-quarters, all of the team's sustained 2.
    expect(item(ids.f1!)).toMatchObject({ duration: 1, link: { type: 'feature', id: ids.f1 } });
    expect(item(ids.f1!).demand[ids.backend!]).toBeCloseTo(2, 9);
    expect(item(ids.i1!)).toMatchObject({ duration: 2, link: { type: 'initiative', id: ids.i1 } });
    for (const i of r.items) {
      expect(i.startPeriod).toBe(periodAt(periodIndex(P[0]!) + i.start));
      expect(typeof i.priority).toBe('number');
    }
    // Backend is 5 FTE-quarters of work in R1's quarter for 2: someone slips, and says why.
    expect(r.late.length).toBeGreaterThan(0);
    for (const l of r.late) {
      expect(l.late!.slip).toBeGreaterThan(0);
      expect(['capacity', 'predecessor', 'earliest']).toContain(l.late!.cause.kind);
    }
    expect(r.late.some((l) => l.late!.cause.kind === 'capacity')).toBe(true);
    // The makespan is never below the exact optimum (brute force on this small instance).
    const best = bruteForceMakespan(r.schedule.problem);
    expect(r.schedule.lowerBound).toBeLessThanOrEqual(best);
    expect(r.schedule.makespan).toBeGreaterThanOrEqual(best);
    // Grouped by the quarter of the start, every row once; the releases head their quarters.
    const grouped = rowsOf(r).flatMap((g) => g.items.map((i) => [g.key, i.startPeriod]));
    expect(grouped).toHaveLength(r.items.length);
    for (const [key, start] of grouped) expect(key).toBe(start);
    const releasesIn = (q: string) => r.quarters.find((x) => x.period === q)!;
    expect(releasesIn(P[0]!)).toMatchObject({ releases: 1, milestones: [{ id: ids.r1, startPeriod: P[0] }] });
    expect(releasesIn(P[1]!)).toMatchObject({ releases: 0, milestones: [] });
    expect(releasesIn(P[2]!)).toMatchObject({ releases: 1, milestones: [{ id: ids.r2, startPeriod: P[2] }] });
    expect(releasesIn(P[0]!).items).toBe(r.items.filter((i) => i.startPeriod === P[0]).length);
    expect(r.totals).toMatchObject({ items: 5, features: 3, initiatives: 2, milestones: 2, ideas: 1 });
    expect(r.totals.late).toBe(r.late.length);
    expect(r.ideas.map((i) => i.id)).toEqual([ids.idea]);
  });

  it('views by release and now / next / later hold the same items', async () => {
    const byRelease = await roadmap(`productId=${ids.product}&view=release`);
    expect(validateSchedule(byRelease.schedule.problem, byRelease.schedule.starts).ok).toBe(true);
    expect(byRelease.groups.slice(0, 2).map((g) => g.key)).toEqual([ids.r1, ids.r2]);
    expect(byRelease.groups.slice(0, 2).map((g) => [g.milestone?.id, g.milestone?.startPeriod])).toEqual([
      [ids.r1, P[0]],
      [ids.r2, P[2]],
    ]);
    const r1 = rowsOf(byRelease)[0]!.items.map((i) => i.id);
    expect(r1).toEqual(expect.arrayContaining([ids.f1, ids.f2]));
    const horizon = await roadmap(`productId=${ids.product}&view=horizon`);
    expect(horizon.groups.map((g) => g.key)).toEqual(['now', 'next', 'later', 'done']);
    const all = rowsOf(horizon).flatMap((g) => g.items.map((i) => i.id));
    expect(all.sort()).toEqual(Object.keys(horizon.schedule.starts).sort());
    expect((await api.request('GET', '/api/v1/roadmap?view=sideways')).status).toBe(400);
    expect(
      (await api.request('GET', '/api/v1/roadmap?productId=00000000-0000-4000-8000-000000000001')).status,
    ).toBe(404);
  });

  it('schedules the whole portfolio validly', async () => {
    const r = await roadmap('view=horizon&limit=500');
    expect(r.scope.productId).toBeNull();
    expect(r.items).toHaveLength(r.totals.items);
    expect(r.items.length).toBeGreaterThan(10);
    expect(validateSchedule(r.schedule.problem, r.schedule.starts).violations).toEqual([]);
    for (const i of r.items) {
      const it = r.schedule.problem.items.find((x) => x.id === i.id)!;
      for (const a of it.after) expect(i.start).toBeGreaterThanOrEqual(r.items.find((x) => x.id === a)!.end);
    }
  });

  it('release check flags an over-scoped release by how much per role, and who slips', async () => {
    const res = await api.request('GET', `/api/v1/releases/${ids.r1}/capacity-check`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const c = JSON.parse(text) as ReleaseCapacityCheck;
    expect(c.window).toEqual({ from: P[0], to: P[0], periods: 1 });
    expect(c.fits).toBe(false);
    const role = (id: string) => c.capacity.roles.find((r) => r.roleId === id)!;
    // Backend: 26 + 13 person-weeks = 3 FTE-quarters against 2 → over by 1.
    expect(role(ids.backend!)).toMatchObject({ roleName: 'Roadmap test backend' });
    expect(role(ids.backend!).demand).toBeCloseTo(3, 9);
    expect(role(ids.backend!).capacity).toBeCloseTo(2, 9);
    expect(role(ids.backend!).over).toBeCloseTo(1, 9);
    expect(role(ids.backend!).items.map((i) => i.name)).toEqual([
      'Roadmap big feature',
      'Roadmap small feature',
    ]);
    // Design: 0.5 against 1 fits.
    expect(role(ids.design!).over).toBe(0);
    expect(role(ids.design!).spare).toBeCloseTo(0.5, 9);
    // Sequencing: the lower-WSJF small feature slips one quarter for lack of backend in R1's quarter.
    expect(c.schedule.fits).toBe(false);
    expect(c.schedule.late).toEqual([
      {
        id: ids.f2,
        name: 'Roadmap small feature',
        slip: 1,
        endPeriod: P[1],
        cause: {
          kind: 'capacity',
          roleId: ids.backend,
          roleName: 'Roadmap test backend',
          period: 0,
          periodLabel: P[0],
        },
      },
    ]);
    // R2 (design only, three quarters of capacity) fits.
    const r2 = (await (
      await api.request('GET', `/api/v1/releases/${ids.r2}/capacity-check`)
    ).json()) as ReleaseCapacityCheck;
    expect(r2.fits).toBe(true);
    expect(r2.window.periods).toBe(3);
    const viewer = await world.as('viewer');
    expect((await viewer.request('GET', `/api/v1/releases/${ids.r1}/capacity-check`)).status).toBe(200);
  });
});

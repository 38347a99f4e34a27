import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodAt, periodIndex } from '../../src/domain/periods.ts';
import { buildRoadmap, type RoadmapEntry } from '../../src/engine/schedule/buildRoadmap.ts';
import type { RoadmapPage, RoadmapPageGroup } from '../../src/services/roadmap/roadmapPage.ts';
import type { FullRoadmap, RoadmapItem } from '../../src/services/roadmap/storedRoadmap.ts';
import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type PageWithSchedule = RoadmapPage & { schedule: FullRoadmap['schedule'] };

/**
 * Paging the portfolio roadmap of the demo organization (over a hundred scheduled items): walking the
 * pages of each view, at an odd page size, gives back every scheduled item once, in the order and
 * groups the engine's buildRoadmap gives for the same schedule (taken from include=schedule: the
 * scheduler's search is time-limited, so the expectation is built from the schedule the server found,
 * then grouped independently), with totals and the quarter header counted by hand.
 */
describe.each(BACKENDS)('roadmap paging on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let api: Client;
  let full: PageWithSchedule;

  async function get<T = RoadmapPage>(query: string): Promise<T> {
    const res = await api.request('GET', `/api/v1/roadmap?${query}`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return JSON.parse(text) as T;
  }

  /** Every page of a query, following page.nextOffset. */
  async function allPages(query: string, limit: number): Promise<RoadmapPage[]> {
    const pages: RoadmapPage[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const p: RoadmapPage = await get(`${query}&limit=${limit}&offset=${offset}`);
      expect(p.page).toMatchObject({ offset, limit });
      expect(p.items.length).toBe(Math.min(limit, p.page.total - offset));
      pages.push(p);
      offset = p.page.nextOffset;
      expect(pages.length).toBeLessThan(1000);
    }
    return pages;
  }

  /** The groups of a walk through the pages, joined where a group runs over a page break. */
  function joinGroups(pages: RoadmapPage[]): { key: string; total: number; ids: string[] }[] {
    const out: { key: string; total: number; ids: string[] }[] = [];
    for (const p of pages)
      for (const g of p.groups) {
        const ids = p.items.slice(g.from, g.to).map((i) => i.id);
        const last = out[out.length - 1];
        if (last?.key === g.key && g.from === 0) last.ids.push(...ids);
        else out.push({ key: g.key, total: g.total, ids });
      }
    return out;
  }

  /** What the engine groups the server's own schedule into, milestones left out of the rows. */
  function engineViews(r: PageWithSchedule, items: RoadmapItem[]) {
    const releases = r.groups.filter((g) => g.milestone).map((g) => g.milestone!);
    const entries: RoadmapEntry[] = [...items, ...releases].map((i) => ({
      id: i.id,
      kind: i.kind,
      name: i.name,
      productId: i.productId ?? undefined,
      priority: i.priority ?? undefined,
      start: i.start,
      end: i.end,
      releaseId: i.releaseId ?? undefined,
    }));
    const start = periodIndex(r.planningStart);
    const roadmap = buildRoadmap(entries, {
      currentPeriod: periodIndex(r.currentPeriod) - start,
      quarterOf: (t) => periodAt(start + t),
      releases: releases.map((m) => ({ id: m.id, name: m.name, period: m.start })),
    });
    const rows = (list: RoadmapEntry[]) => list.filter((e) => e.kind !== 'milestone').map((e) => e.id);
    return {
      quarter: roadmap.byQuarter
        .map((g) => ({ key: g.key, ids: rows(g.items) }))
        .filter((g) => g.ids.length > 0),
      release: roadmap.byRelease.map((g) => ({ key: g.key, ids: rows(g.items) })),
      horizon: (['now', 'next', 'later', 'done'] as const).map((h) => ({
        key: h,
        ids: rows(roadmap.horizons[h]),
      })),
    };
  }

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    api = await world.as('viewer');
    // Releases that nothing is planned into, at the first and the last planning quarter, so the release
    // view has empty groups in the middle and at the end.
    const pm = await world.as('portfolio');
    const frame = await get('limit=1');
    const products = (await (await pm.request('GET', '/api/v1/products?limit=1')).json()) as {
      items: { id: string }[];
    };
    const midQuarter = (q: string) =>
      `${q.slice(0, 4)}-${String((Number(q.slice(5)) - 1) * 3 + 2).padStart(2, '0')}-15`;
    for (const [n, q] of [
      frame.periods[0]!,
      frame.periods[0]!,
      ...Array(3).fill(frame.periods.at(-1)!),
    ].entries()) {
      const res = await pm.request('POST', '/api/v1/releases', {
        productId: products.items[0]!.id,
        name: `Paging empty release ${n}`,
        plannedDate: midQuarter(q),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    // One page holding everything, with the schedule it was cut from, and every release (view=release).
    full = await get<PageWithSchedule>('view=release&limit=500&include=schedule,ideas,unschedulable');
  });
  afterAll(async () => {
    await store.close();
    await closeWorkerPool();
  });

  it('holds every scheduled item once, at the start the scheduler chose, with totals counted by hand', () => {
    const starts = full.schedule.starts;
    expect(full.page.total).toBeGreaterThan(100);
    expect(full.items).toHaveLength(full.page.total);
    expect(full.items.map((i) => i.id).sort()).toEqual(Object.keys(starts).sort());
    for (const i of full.items) expect(i.start).toBe(starts[i.id]);
    const count = (f: (i: RoadmapItem) => boolean) => full.items.filter(f).length;
    expect(full.totals).toMatchObject({
      items: full.items.length,
      features: count((i) => i.kind === 'feature'),
      initiatives: count((i) => i.kind === 'initiative'),
      late: count((i) => i.late !== null),
      milestones: full.groups.filter((g) => g.milestone).length,
      ideas: full.ideas.length,
      unschedulable: full.unschedulable.length,
    });
    // The largest slips, at most ten.
    const slips = full.items.filter((i) => i.late).map((i) => i.late!.slip);
    slips.sort((a, b) => b - a);
    const top = full.late.map((i) => i.late!.slip);
    expect(top).toEqual(slips.slice(0, 10));
  });

  it('the quarter header counts items starting, late ones and releases per quarter', async () => {
    const page = await get('limit=1');
    expect(page.quarters.map((q) => q.period)).toEqual(page.periods);
    const releases = full.groups.filter((g) => g.milestone).map((g) => g.milestone!);
    for (const q of page.quarters) {
      const starting = full.items.filter((i) => i.startPeriod === q.period);
      const inQuarter = releases.filter((m) => m.startPeriod === q.period);
      expect(q).toMatchObject({
        items: starting.length,
        late: starting.filter((i) => i.late).length,
        releases: inQuarter.length,
      });
      expect(q.milestones.length).toBe(Math.min(3, inQuarter.length));
      for (const m of q.milestones) expect(inQuarter.map((x) => x.id)).toContain(m.id);
    }
    expect(page.quarters.reduce((s, q) => s + q.releases, 0)).toBeLessThanOrEqual(page.totals.milestones);
  });

  for (const view of ['quarter', 'release', 'horizon'] as const) {
    it(`pages of the ${view} view join into the engine's groups, in order, each item once`, async () => {
      const expected = engineViews(full, full.items)[view];
      const pages = await allPages(`view=${view}`, 7);
      const ids = pages.flatMap((p) => p.items.map((i) => i.id));
      expect(ids).toHaveLength(full.totals.items);
      expect(new Set(ids).size).toBe(ids.length);
      const groups = joinGroups(pages);
      expect(groups.map((g) => ({ key: g.key, ids: g.ids }))).toEqual(expected);
      for (const g of groups) expect(g.total).toBe(g.ids.length);
      for (const p of pages) {
        expect(p.page.total).toBe(full.totals.items);
        expect(p.totals).toEqual(full.totals);
        // The groups on a page cover its rows exactly, in order.
        let at = 0;
        for (const g of p.groups) {
          expect(g.from).toBe(at);
          at = g.to;
        }
        expect(at).toBe(p.items.length);
      }
      if (view === 'horizon')
        expect(Object.fromEntries(groups.map((g) => [g.key, g.ids.length]))).toEqual(full.totals.horizons);
    });
  }

  it('the quarter view orders by start, then higher priority, then id; quarters are start quarters', async () => {
    const pages = await allPages('view=quarter', 50);
    const items = pages.flatMap((p) => p.items);
    const sorted = [...items].sort(
      (a, b) => a.start - b.start || (b.priority ?? 0) - (a.priority ?? 0) || (a.id < b.id ? -1 : 1),
    );
    expect(items.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
    for (const p of pages)
      for (const g of p.groups)
        for (const i of p.items.slice(g.from, g.to)) expect(i.startPeriod).toBe(g.key);
  });

  it('filters by group and by lateness, and pages the filtered rows', async () => {
    const expected = engineViews(full, full.items).horizon;
    for (const h of ['now', 'next']) {
      const pages = await allPages(`view=horizon&group=${h}`, 9);
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected.find((g) => g.key === h)!.ids);
      for (const p of pages) expect(p.groups.map((g) => g.key)).toEqual([h]);
    }
    const late = await allPages('view=quarter&late=true', 11);
    const lateIds = late.flatMap((p) => p.items.map((i) => i.id));
    const quarterOrder = engineViews(full, full.items).quarter.flatMap((g) => g.ids);
    const isLate = new Set(full.items.filter((i) => i.late).map((i) => i.id));
    expect(lateIds).toEqual(quarterOrder.filter((id) => isLate.has(id)));
    expect(late[0]!.page.total).toBe(full.totals.late);
    const unknown = await get('view=quarter&group=1999Q1');
    expect(unknown.page).toMatchObject({ total: 0, nextOffset: null });
    expect(unknown.items).toEqual([]);
  });

  it('lists every release once across the pages of the release view, with its milestone', async () => {
    const pages = await allPages('view=release', 13);
    const groups: RoadmapPageGroup[] = pages.flatMap((p) => p.groups);
    const releaseKeys = [...new Set(groups.filter((g) => g.milestone).map((g) => g.key))];
    expect(releaseKeys.length).toBe(full.totals.milestones);
    for (const g of groups) if (g.milestone) expect(g.milestone.id).toBe(g.key);
    // Empty releases appear on one page only, also when they sit exactly on a page break.
    const empty = full.groups.filter((g) => g.total === 0);
    expect(empty.length).toBeGreaterThan(1);
    expect(groups.filter((g) => g.total === 0).map((g) => g.key)).toEqual(empty.map((g) => g.key));
    for (const at of new Set(empty.map((g) => g.from).filter((p) => p > 0))) {
      const broken = joinGroups(await allPages('view=release', at));
      expect(broken.map((g) => g.key)).toEqual(full.groups.map((g) => g.key));
    }
  });

  it('defaults to 100 rows; past the end is an empty page; the schedule and full lists only on request', async () => {
    const first = await get('');
    expect(first.view).toBe('quarter');
    expect(first.page).toEqual({ offset: 0, limit: 100, total: full.totals.items, nextOffset: 100 });
    expect(first.items).toHaveLength(100);
    expect('problem' in first.schedule).toBe(false);
    expect(first.ideas.length).toBe(Math.min(20, full.totals.ideas));
    expect(first.ideas).toEqual(full.ideas.slice(0, 20));
    const past = await get(`offset=${full.totals.items + 5}`);
    expect(past.items).toEqual([]);
    expect(past.groups).toEqual([]);
    expect(past.page.nextOffset).toBeNull();
    const max = await get('limit=500');
    expect(max.items).toHaveLength(full.totals.items);
    expect(max.page.nextOffset).toBeNull();
  });

  it('refuses bad paging and filters with a 400 naming the parameter', async () => {
    for (const [q, param] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1e309', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=x', 'offset'],
      ['late=maybe', 'late'],
      ['include=everything', 'include'],
      ['view=sideways', 'view'],
    ] as const) {
      const res = await api.request('GET', `/api/v1/roadmap?${q}`);
      const body = (await res.json()) as {
        error: { code: string; details: { issues: { path: string[] }[] } };
      };
      expect(res.status, q).toBe(400);
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.details.issues[0]!.path[0]).toBe(param);
    }
  });

  it('a write shows in the next page (the cached roadmap follows the data version)', async () => {
    const pm = await world.as('portfolio');
    const list = (await (await pm.request('GET', '/api/v1/features?status=idea&limit=1')).json()) as {
      items: { id: string; version: number }[];
    };
    const idea = list.items[0]!;
    const before = await get('limit=1');
    const res = await pm.request(
      'PATCH',
      `/api/v1/features/${idea.id}`,
      { status: 'rejected' },
      { 'if-match': `"${idea.version}"` },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const after = await get('limit=1');
    expect(after.totals.ideas).toBe(before.totals.ideas - 1);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { systemContext } from '../../src/services/context.ts';
import { getPortfolioDashboard } from '../../src/services/dashboard/portfolioDashboard.ts';
import { cachedRead, cachedValue } from '../../src/services/readCache.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { clientFor, type DemoWorld, demoWorld, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type Dashboard = Awaited<ReturnType<typeof getPortfolioDashboard>>;
type Row = { id: string; version: number; costPerPeriod: number[]; stage: string };

/**
 * Cached reads (dashboard, ranked backlog, roadmap, …) answer exactly what a fresh computation would,
 * until the next write in the organization — in this process or another one.
 */
describe.each(BACKENDS)('read cache on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  const version = async (s: Store, orgId: string) =>
    Number(
      (
        await queryRows<{ v: number }>(
          s.db,
          sql`SELECT data_version AS v FROM organizations WHERE id = ${orgId}`,
        )
      )[0]!.v,
    );

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
  });
  afterAll(async () => store.close());

  it('bumps the data version once per committed write, never for a refused one', async () => {
    const api = await world.as('portfolio');
    const v0 = await version(store, world.orgId);
    const created = await api.request('POST', '/api/v1/goals', { name: 'Cache goal' });
    expect(created.status).toBe(201);
    expect(await version(store, world.orgId)).toBe(v0 + 1);
    const refused = await api.request('POST', '/api/v1/goals', { name: '' });
    expect(refused.status).toBe(400);
    expect(await version(store, world.orgId)).toBe(v0 + 1);
    // Another organization's version is untouched.
    const other = await version(store, world.otherOrgId);
    await api.request('POST', '/api/v1/goals', { name: 'Cache goal 2' });
    expect(await version(store, world.otherOrgId)).toBe(other);
  });

  it('serves the same dashboard until a write, then exactly the fresh one', async () => {
    const api = await world.as('viewer');
    const first = await (await api.request('GET', '/api/v1/dashboard/portfolio')).text();
    const second = await (await api.request('GET', '/api/v1/dashboard/portfolio')).text();
    expect(second).toBe(first);
    // A write that changes the ROI tile: double the cost of an active initiative.
    const pm = await world.as('portfolio');
    const list = (await (await pm.request('GET', '/api/v1/initiatives?stage=active&limit=1')).json()) as {
      items: Row[];
    };
    const it0 = list.items[0]!;
    const res = await pm.request(
      'PATCH',
      `/api/v1/initiatives/${it0.id}`,
      { costPerPeriod: it0.costPerPeriod.map((c) => c * 2) },
      { 'if-match': `"${it0.version}"` },
    );
    expect(res.status).toBe(200);
    const after = JSON.parse(
      await (await api.request('GET', '/api/v1/dashboard/portfolio')).text(),
    ) as Dashboard;
    const fresh = await getPortfolioDashboard(systemContext(store, world.orgId));
    expect(after.tiles.roi).toEqual(JSON.parse(JSON.stringify(fresh.tiles.roi)));
    expect(after.tiles.roi.value).not.toBe((JSON.parse(first) as Dashboard).tiles.roi.value);
  });

  it('computes once for many concurrent misses', async () => {
    const ctx = systemContext(store, world.orgId);
    let computed = 0;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        cachedRead(ctx, 'test:concurrent', async () => {
          computed++;
          await new Promise((r) => setTimeout(r, 50));
          return { status: 200, headers: {}, body: 'x' };
        }),
      ),
    );
    expect(computed).toBe(1);
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(['x']));
    // A refused answer is never kept.
    let failing = 0;
    const compute = async () => {
      failing++;
      return { status: 404, headers: {}, body: 'no' };
    };
    await cachedRead(ctx, 'test:404', compute);
    await cachedRead(ctx, 'test:404', compute);
    expect(failing).toBe(2);
  });

  it('keeps a computed value per data version, computed once for concurrent misses', async () => {
    const ctx = systemContext(store, world.orgId);
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 30));
      return { value: { n: computed }, bytes: 10 };
    };
    const values = await Promise.all(
      Array.from({ length: 30 }, () => cachedValue(ctx, 'test:value', compute)),
    );
    expect(computed).toBe(1);
    expect(new Set(values).size).toBe(1); // the very same object
    expect(await cachedValue(ctx, 'test:value', compute)).toBe(values[0]);
    const pm = await world.as('portfolio');
    expect((await pm.request('POST', '/api/v1/goals', { name: 'Cache value goal' })).status).toBe(201);
    expect(await cachedValue(ctx, 'test:value', compute)).toEqual({ n: 2 });
    // A value sized -1 is handed out but not kept.
    let unkept = 0;
    const once = async () => ({ value: ++unkept, bytes: -1 });
    await cachedValue(ctx, 'test:unkept', once);
    expect(await cachedValue(ctx, 'test:unkept', once)).toBe(2);
  });

  it.runIf(backend === 'postgres')('sees a write made by another process', async () => {
    // Two stores on one database are two processes: separate pools, separate caches.
    const second = await openStore({ databaseUrl: (store as Store & { url: string }).url, poolSize: 2 });
    try {
      const appA = createApp({ store });
      const appB = createApp({ store: second });
      const a = clientFor(appA, await signIn(appA, 'viewer@demo.test'));
      const b = clientFor(appB, await signIn(appB, 'portfolio@demo.test'));
      const path = '/api/v1/backlog?limit=5';
      const before = await (await a.request('GET', path)).text();
      expect(await (await a.request('GET', path)).text()).toBe(before);
      const top = (JSON.parse(before) as { items: { featureId: string; parked: boolean }[] }).items.find(
        (i) => !i.parked,
      )!;
      const feature = (await (await b.request('GET', `/api/v1/features/${top.featureId}`)).json()) as {
        id: string;
        version: number;
      };
      const parked = await b.request(
        'PATCH',
        `/api/v1/features/${feature.id}`,
        { status: 'rejected' },
        { 'if-match': `"${feature.version}"` },
      );
      expect(parked.status, await parked.clone().text()).toBe(200);
      const after = JSON.parse(await (await a.request('GET', path)).text()) as {
        items: { featureId: string; parked: boolean }[];
      };
      expect(after.items.map((i) => i.featureId)).not.toContain(top.featureId);
    } finally {
      await second.close();
    }
  });
});

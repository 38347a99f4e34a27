import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import { type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; nextCursor?: string | null };

describe.each(BACKENDS)('REST API on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
  });
  afterAll(async () => store.close());

  it('lists the 8 demo products', async () => {
    const api = await world.as('viewer');
    const res = await api.request('GET', '/api/v1/products');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.items).toHaveLength(8);
    expect(new Set(body.items!.map((p) => p.lifecycleStage))).toEqual(
      new Set(['ideation', 'development', 'launch', 'growth', 'maturity', 'decline']),
    );
  });

  it('has the demo sizes the issue asks for', async () => {
    const api = await world.as('viewer');
    const count = async (path: string) => {
      let n = 0;
      let cursor: string | null | undefined;
      do {
        const res = await api.request('GET', `${path}?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
        const body = (await res.json()) as Json;
        n += body.items!.length;
        cursor = body.nextCursor;
      } while (cursor);
      return n;
    };
    expect(await count('/api/v1/product-lines')).toBeGreaterThanOrEqual(3);
    expect(await count('/api/v1/segments')).toBe(6);
    expect(await count('/api/v1/features')).toBe(400);
    expect(await count('/api/v1/customers')).toBe(120);
    expect(await count('/api/v1/feedback')).toBe(6000);
    expect(await count('/api/v1/initiatives')).toBe(40);
    expect(await count('/api/v1/people')).toBe(60);
    expect(await count('/api/v1/teams')).toBe(8);
    expect(await count('/api/v1/product-financials')).toBe(64);
  });

  it('paginates by cursor without gaps or repeats, in sort order', async () => {
    const api = await world.as('viewer');
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let previous = '';
    do {
      const res = await api.request(
        'GET',
        `/api/v1/features?limit=37&sort=title&order=asc${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const body = (await res.json()) as Json;
      for (const f of body.items!) {
        const key = `${f.title}\u0000${f.id}`;
        expect(key > previous).toBe(true);
        previous = key;
        seen.push(String(f.id));
      }
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(400);
    expect(new Set(seen).size).toBe(400);
  });

  it('filters, searches text and filters on custom fields', async () => {
    const api = await world.as('viewer');
    const products = ((await (await api.request('GET', '/api/v1/products')).json()) as Json).items!;
    const lumen = products.find((p) => p.slug === 'lumen-analytics')!;
    const byProduct = (await (
      await api.request('GET', `/api/v1/features?productId=${lumen.id}&limit=500`)
    ).json()) as Json;
    expect(byProduct.items!.length).toBe(50);
    expect(byProduct.items!.every((f) => f.productId === lumen.id)).toBe(true);

    const created = await api.request('GET', '/api/v1/feedback?q=auditors&limit=500');
    const found = ((await created.json()) as Json).items!;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => /auditor/i.test(`${f.text} ${f.why}`))).toBe(true);

    const themed = (
      (await (await api.request('GET', '/api/v1/features?custom.theme=compliance&limit=500')).json()) as Json
    ).items!;
    expect(themed.length).toBeGreaterThan(0);
    expect(themed.every((f) => (f.custom as Record<string, unknown>).theme === 'compliance')).toBe(true);
  });

  it('quick-captures feedback from its text alone and audits the write', async () => {
    const api = await world.as('contributor');
    const res = await api.request('POST', '/api/v1/feedback', {
      text: 'Dark mode for the auditor portal please',
    });
    expect(res.status).toBe(201);
    const fb = (await res.json()) as Json;
    expect(fb.status).toBe('new');
    expect(res.headers.get('etag')).toBe('"1"');
    const admin = await world.as('admin');
    const audit = (await (await admin.request('GET', `/api/v1/audit?entityId=${fb.id}`)).json()) as Json;
    expect(audit.items).toHaveLength(1);
    expect(audit.items![0]).toMatchObject({
      action: 'create',
      entity: 'feedback',
      actorName: 'contributor@demo.test',
    });
  });

  it('refuses a stale If-Match with 412 and keeps the newer write', async () => {
    const api = await world.as('portfolio');
    const goal = (await (
      await api.request('POST', '/api/v1/goals', { name: 'Concurrency goal', weight: 1 })
    ).json()) as Json;
    const first = await api.request(
      'PATCH',
      `/api/v1/goals/${goal.id}`,
      { weight: 2 },
      { 'if-match': '"1"' },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await api.request(
      'PATCH',
      `/api/v1/goals/${goal.id}`,
      { weight: 3 },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('version_mismatch');
    const now = (await (await api.request('GET', `/api/v1/goals/${goal.id}`)).json()) as Json;
    expect(now.weight).toBe(2);
  });

  it('updates only the fields sent: omitted fields keep their stored values', async () => {
    const api = await world.as('admin');
    const feature = ((await (await api.request('GET', '/api/v1/features?limit=1&sort=title')).json()) as Json)
      .items![0]!;
    const res = await api.request('PATCH', `/api/v1/features/${feature.id}`, {
      title: 'Renamed by a partial update',
    });
    expect(res.status).toBe(200);
    const after = (await res.json()) as Json;
    const { title: _t, version: _v, updatedAt: _u, ...rest } = after;
    const { title: _t0, version: v0, updatedAt: _u0, ...restBefore } = feature;
    expect(after.title).toBe('Renamed by a partial update');
    expect(after.version).toBe((v0 as number) + 1);
    expect(rest).toEqual(restBefore);
  });

  it('records a segment override only with a rationale, in the decision log', async () => {
    const api = await world.as('portfolio');
    const seg = ((await (await api.request('GET', '/api/v1/segments?limit=1')).json()) as Json).items![0]!;
    const refused = await api.request('PATCH', `/api/v1/segments/${seg.id}`, { overrideRank: 1 });
    expect(refused.status).toBe(400);
    const ok = await api.request('PATCH', `/api/v1/segments/${seg.id}`, {
      overrideRank: 1,
      overrideRationale: 'Board decision: enter this segment first',
    });
    expect(ok.status).toBe(200);
    const log = (await (await api.request('GET', `/api/v1/decisions?subjectId=${seg.id}`)).json()) as Json;
    expect(log.items).toHaveLength(1);
    expect(log.items![0]).toMatchObject({
      kind: 'segment_override',
      rationale: 'Board decision: enter this segment first',
    });
  });

  it('publishes an OpenAPI 3.1 document covering every route', async () => {
    const res = await world.app.request('/api/v1/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/products']).toHaveProperty('get');
    expect(doc.paths['/api/v1/feedback']).toHaveProperty('post');
    expect(doc.paths['/api/v1/features/{id}']).toHaveProperty('patch');
    const docs = await world.app.request('/api/docs');
    expect(docs.status).toBe(200);
  });

  it('answers unknown routes and malformed JSON with the error format', async () => {
    const api = await world.as('admin');
    const missing = await api.request('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const bad = await api.request('POST', '/api/v1/goals', '{"name": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../../src/api/app.ts';
import type { Store } from '../../src/store/database.ts';
import { runCli } from '../support/cli.ts';
import { clientFor, type DemoWorld, demoWorld, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type ErrorJson = { error: { code: string; message: string; details: unknown } };

/**
 * Issue 10's limits, each with a clear error and no change: body size, page size, per-caller request
 * rate (signed-in callers by identity, anonymous ones by address).
 */
describe.each(BACKENDS)('request limits on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
  });
  afterAll(async () => store.close());

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const api = await world.as('admin');
    const before = (await (await api.request('GET', '/api/v1/segments?limit=500')).json()) as {
      items: unknown[];
    };
    const res = await api.request('POST', '/api/v1/segments', {
      name: 'Too big',
      description: 'x'.repeat(MAX_BODY_BYTES),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain(String(MAX_BODY_BYTES));
    const after = (await (await api.request('GET', '/api/v1/segments?limit=500')).json()) as {
      items: unknown[];
    };
    expect(after.items.length).toBe(before.items.length);
  });

  it('refuses a page size over 500 and says the range', async () => {
    const api = await world.as('viewer');
    const res = await api.request('GET', '/api/v1/feedback?limit=501');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('1 to 500');
  });

  it('answers 429 with Retry-After once a caller spends its burst; other callers go on', async () => {
    const app = createApp({ store, rateLimit: { perSecond: 1, burst: 3 } });
    const viewer = clientFor(app, await signIn(app, 'viewer@demo.test'));
    const admin = clientFor(app, await signIn(app, 'admin@demo.test'));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await viewer.request('GET', '/api/v1/products')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await viewer.request('POST', '/api/v1/segments', { name: 'Never stored' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const body = (await limited.json()) as ErrorJson;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/at most 1 per second per caller/);
    expect((await admin.request('GET', '/api/v1/products')).status).toBe(200);
    const names = (await (await admin.request('GET', '/api/v1/segments?q=Never%20stored')).json()) as {
      items: unknown[];
    };
    expect(names.items).toHaveLength(0);
  });

  it('limits anonymous callers by address on public routes', async () => {
    // The login route is public: the fourth attempt within the burst window is refused before it runs.
    const app = createApp({ store, rateLimit: { perSecond: 1, burst: 3 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@demo.test', password: 'wrong-password' }),
      });
      codes.push(res.status);
    }
    expect(codes.slice(0, 3).every((s) => s === 401)).toBe(true);
    expect(codes[3]).toBe(429);
  });
});

describe('sextant serve with a bad SEXTANT_RATE_LIMIT', () => {
  it('exits 2 and says how to write it', () => {
    const r = runCli(['serve', '--port', '0', '--data-dir', '/nonexistent/never-created'], {
      SEXTANT_RATE_LIMIT: 'lots',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('SEXTANT_RATE_LIMIT=lots');
    expect(r.stderr).toContain('SEXTANT_RATE_LIMIT=100');
  });
});

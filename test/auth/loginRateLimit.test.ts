import { serve } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { DEFAULT_LOGIN_LIMITS, setLoginLimits } from '../../src/services/auth/loginRateLimit.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demoCatalog.ts';
import type { Store } from '../../src/store/database.ts';
import { loginAttempts } from '../../src/store/schema.ts';
import { freePort } from '../support/postgresCluster.ts';
import { type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

const LIMITS = { windowMs: 60_000, maxPerEmailIp: 3, maxPerIp: 8, maxPerEmail: 6 };

describe.each(BACKENDS)('login rate limiting on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  const trustProxy = process.env.SEXTANT_TRUST_PROXY;

  beforeAll(async () => {
    // Behind one trusted proxy the client address is the X-Forwarded-For hop: lets the test be many clients.
    process.env.SEXTANT_TRUST_PROXY = '1';
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
  });
  afterAll(async () => {
    setLoginLimits({});
    if (trustProxy === undefined) delete process.env.SEXTANT_TRUST_PROXY;
    else process.env.SEXTANT_TRUST_PROXY = trustProxy;
    await store.close();
  });
  beforeEach(async () => {
    setLoginLimits(LIMITS);
    await store.db.delete(loginAttempts);
  });

  const login = (email: string, password: string, ip: string, app = world.app) =>
    app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.77, ${ip}` },
      body: JSON.stringify({ email, password }),
    });

  it('answers 429 with Retry-After and a clear message after 3 failures for one account from one address', async () => {
    for (let i = 0; i < LIMITS.maxPerEmailIp; i++) {
      expect((await login('viewer@demo.test', 'wrong-password', '198.51.100.1')).status).toBe(401);
    }
    // Even the right password is refused now: guessing cannot continue.
    const res = await login('viewer@demo.test', DEMO_PASSWORD, '198.51.100.1');
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(55);
    expect(retry).toBeLessThanOrEqual(60);
    const body = (await res.json()) as {
      error: { code: string; message: string; details: { retryAfterSeconds: number } };
    };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/too many failed sign-ins .*try again in 1 minute/);
    expect(body.error.details.retryAfterSeconds).toBe(retry);
    expect(res.headers.getSetCookie()).toHaveLength(0);
  });

  it('does not lock out the same user elsewhere, nor other users at the same address', async () => {
    for (let i = 0; i < LIMITS.maxPerEmailIp; i++)
      await login('viewer@demo.test', 'wrong-password', '198.51.100.2');
    expect((await login('viewer@demo.test', DEMO_PASSWORD, '198.51.100.2')).status).toBe(429);
    expect((await login('viewer@demo.test', DEMO_PASSWORD, '192.0.2.50')).status).toBe(200);
    expect((await login('contributor@demo.test', DEMO_PASSWORD, '198.51.100.2')).status).toBe(200);
    expect((await login('admin@demo.test', DEMO_PASSWORD, '192.0.2.99')).status).toBe(200);
  });

  it('forgives earlier failures after a successful sign-in', async () => {
    const ip = '198.51.100.3';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < LIMITS.maxPerEmailIp - 1; i++) {
        expect((await login('portfolio@demo.test', 'wrong-password', ip)).status).toBe(401);
      }
      expect((await login('portfolio@demo.test', DEMO_PASSWORD, ip)).status).toBe(200);
    }
  });

  it('slows password spraying from one address across many accounts (looser per-address cap)', async () => {
    const ip = '198.51.100.4';
    for (let i = 0; i < LIMITS.maxPerIp; i++) {
      expect((await login(`nobody${i}@demo.test`, 'wrong-password', ip)).status).toBe(401);
    }
    const res = await login('product@demo.test', DEMO_PASSWORD, ip);
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'from your address',
    );
    expect((await login('product@demo.test', DEMO_PASSWORD, '198.51.100.5')).status).toBe(200);
  });

  it('caps distributed guessing at one account from many addresses', async () => {
    for (let i = 0; i < LIMITS.maxPerEmail; i++) {
      expect((await login('viewer@demo.test', 'wrong-password', `192.0.2.${100 + i}`)).status).toBe(401);
    }
    const res = await login('viewer@demo.test', DEMO_PASSWORD, '192.0.2.200');
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'for this account',
    );
    expect((await login('contributor@demo.test', DEMO_PASSWORD, '192.0.2.200')).status).toBe(200);
  });

  it('shares the counts between processes through the database', async () => {
    const second = createApp({ store }); // another Sextant process on the same database
    for (let i = 0; i < LIMITS.maxPerEmailIp; i++)
      await login('viewer@demo.test', 'wrong-password', '198.51.100.6');
    expect((await login('viewer@demo.test', DEMO_PASSWORD, '198.51.100.6', second)).status).toBe(429);
  });

  it('lets the account in again once the window has passed', async () => {
    setLoginLimits({ ...LIMITS, windowMs: 1500 });
    for (let i = 0; i < LIMITS.maxPerEmailIp; i++)
      await login('viewer@demo.test', 'wrong-password', '198.51.100.7');
    expect((await login('viewer@demo.test', DEMO_PASSWORD, '198.51.100.7')).status).toBe(429);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await login('viewer@demo.test', DEMO_PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('counts by the socket address on a real HTTP server, ignoring X-Forwarded-For unless told to trust it', async () => {
    delete process.env.SEXTANT_TRUST_PROXY;
    const port = await freePort();
    const server = serve({ fetch: world.app.fetch, port, hostname: '127.0.0.1' });
    try {
      const attempt = (password: string, i: number) =>
        fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
          method: 'POST',
          // A client cannot dodge the limit by inventing addresses.
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` },
          body: JSON.stringify({ email: 'viewer@demo.test', password }),
        });
      for (let i = 0; i < LIMITS.maxPerEmailIp; i++)
        expect((await attempt('wrong-password', i)).status).toBe(401);
      expect((await attempt(DEMO_PASSWORD, 99)).status).toBe(429);
      const [row] = await store.db.select({ ip: loginAttempts.ip }).from(loginAttempts).limit(1);
      expect(row?.ip).toBe('127.0.0.1');
    } finally {
      process.env.SEXTANT_TRUST_PROXY = '1';
      server.close();
    }
  });

  it('uses 5 per account and address in 15 minutes by default', () => {
    expect(DEFAULT_LOGIN_LIMITS).toEqual({
      windowMs: 900_000,
      maxPerEmailIp: 5,
      maxPerIp: 50,
      maxPerEmail: 50,
    });
  });
});

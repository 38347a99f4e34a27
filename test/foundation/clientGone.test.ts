import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import type { RouteSpec } from '../../src/api/routeSpec.ts';
import { ROUTES } from '../../src/api/routes.ts';
import type { Store } from '../../src/store/database.ts';
import { demoWorld, type Session, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

/**
 * A read whose client has hung up before its handler starts is not computed (issue 10: a load
 * generator's timed-out requests kept the server busy long after). Two routes that count their
 * handler runs, the second with a target step the test holds open until the client has gone.
 */
describe.each(BACKENDS)('requests whose client has gone, on %s', (backend) => {
  let store: Store;
  let app: Hono;
  let session: Session;
  const runs = { read: 0, write: 0, held: 0 };
  let release: () => void = () => {};
  let targetReached: () => void = () => {};

  const counting: RouteSpec[] = [
    {
      method: 'GET',
      path: '/api/v1/test-gone/read',
      action: 'read',
      tag: 'test',
      summary: 'counts its runs',
      handler: async (c) => {
        runs.read++;
        return c.json({ ok: true });
      },
    },
    {
      method: 'POST',
      path: '/api/v1/test-gone/write',
      action: 'read',
      tag: 'test',
      summary: 'counts its runs',
      handler: async (c) => {
        runs.write++;
        return c.json({ ok: true });
      },
    },
    {
      method: 'GET',
      path: '/api/v1/test-gone/held',
      action: 'read',
      tag: 'test',
      summary: 'waits in its target step until released',
      target: async () => {
        targetReached();
        await new Promise<void>((r) => {
          release = r;
        });
        return { productIds: [] };
      },
      handler: async (c) => {
        runs.held++;
        return c.json({ ok: true });
      },
    },
  ];

  beforeAll(async () => {
    store = await openTestStore(backend);
    await demoWorld(store, { other: false });
    app = createApp({ store, routes: [...counting, ...ROUTES] });
    session = await signIn(app, 'viewer@demo.test');
  });
  afterAll(async () => store.close());

  const send = (method: string, path: string, signal: AbortSignal) =>
    app.request(path, {
      method,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      signal,
    });

  it('answers a read that was abandoned before it started with 499 and never runs its handler', async () => {
    const gone = await send('GET', '/api/v1/test-gone/read', AbortSignal.abort());
    expect(gone.status).toBe(499);
    expect(runs.read).toBe(0);
    const live = await send('GET', '/api/v1/test-gone/read', new AbortController().signal);
    expect(live.status).toBe(200);
    expect(runs.read).toBe(1);
    // A cached read is not started either; the next live one computes and answers in full.
    expect((await send('GET', '/api/v1/dashboard/portfolio', AbortSignal.abort())).status).toBe(499);
    const dash = await send('GET', '/api/v1/dashboard/portfolio', new AbortController().signal);
    expect(dash.status).toBe(200);
    expect(
      ((await dash.json()) as { riskValueSummary: { total: number } }).riskValueSummary.total,
    ).toBeGreaterThan(0);
  });

  it('still carries out a write the client sent before hanging up', async () => {
    const res = await send('POST', '/api/v1/test-gone/write', AbortSignal.abort());
    expect(res.status).toBe(200);
    expect(runs.write).toBe(1);
  });

  it('over a real socket: a client that disconnects while its request is being authorized gets no computation', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((r) => server.once('listening', () => r()));
    const { port } = server.address() as AddressInfo;
    try {
      const reached = new Promise<void>((r) => {
        targetReached = r;
      });
      const socket = connect(port, '127.0.0.1');
      socket.write(
        `GET /api/v1/test-gone/held HTTP/1.1\r\nhost: 127.0.0.1\r\ncookie: ${session.cookie}\r\n\r\n`,
      );
      await reached;
      const closed = new Promise<void>((r) => socket.once('close', () => r()));
      socket.destroy();
      await closed;
      await new Promise((r) => setTimeout(r, 100)); // the server sees the close
      release();
      await new Promise((r) => setTimeout(r, 100));
      expect(runs.held).toBe(0);

      // The same request from a client that waits is answered.
      const waited = new Promise<void>((r) => {
        targetReached = r;
      });
      const answer = fetch(`http://127.0.0.1:${port}/api/v1/test-gone/held`, {
        headers: { cookie: session.cookie },
      });
      await waited;
      release();
      expect((await answer).status).toBe(200);
      expect(runs.held).toBe(1);
    } finally {
      server.close();
    }
  });
});

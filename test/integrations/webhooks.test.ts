import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/services/context.ts';
import { emitEvent } from '../../src/services/integrations/emitEvent.ts';
import {
  startWebhookDispatcher,
  type WebhookDispatcher,
} from '../../src/services/integrations/webhookDispatcher.ts';
import { verifyWebhookSignature } from '../../src/services/integrations/webhookSignature.ts';
import { inTransaction } from '../../src/services/transaction.ts';
import type { Store } from '../../src/store/database.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * A receiver written the way docs/integrations.md tells integrators to: it checks the signature, refuses
 * timestamps older than 5 minutes and delivery ids it has seen. It fails the first request with a 500.
 */
function startReceiver(secrets: Map<string, string>) {
  const received: Received[] = [];
  const seen = new Set<string>();
  let failNext = true;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const answer = (status: number) => {
        received.push({ path: req.url ?? '', headers: req.headers, body, answered: status });
        res.writeHead(status).end();
      };
      const secret = secrets.get(req.url ?? '');
      const ts = String(req.headers['sextant-timestamp'] ?? '');
      const sig = String(req.headers['sextant-signature'] ?? '');
      const id = String(req.headers['sextant-delivery-id'] ?? '');
      if (!secret || !verifyWebhookSignature(secret, ts, body, sig)) return answer(401);
      if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return answer(400);
      if (seen.has(id)) return answer(409);
      if (failNext && req.url === '/json') {
        failNext = false;
        return answer(500);
      }
      seen.add(id);
      answer(200);
    });
  });
  return { server, received };
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(BACKENDS)('webhooks on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let admin: Client;
  let receiver: ReturnType<typeof startReceiver>;
  let base: string;
  let dispatcher: WebhookDispatcher;
  const secrets = new Map<string, string>();
  let jsonHook: Record<string, unknown>;

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    admin = await world.as('admin');
    receiver = startReceiver(secrets);
    await new Promise<void>((r) => receiver.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    const make = async (path: string, body: Record<string, unknown>) => {
      const res = await admin.request('POST', '/api/v1/webhooks', { url: `${base}${path}`, ...body });
      expect(res.status).toBe(201);
      const hook = (await res.json()) as Record<string, unknown>;
      secrets.set(path, String(hook.secret));
      return hook;
    };
    jsonHook = await make('/json', {
      events: ['feedback.created', 'decision.recorded', 'scenario.committed'],
    });
    await make('/slack', { events: ['feedback.created'], format: 'slack' });
    dispatcher = startWebhookDispatcher(store, { pollMs: 20, baseDelayMs: 100 });
  });
  afterAll(async () => {
    await dispatcher.stop();
    receiver.server.close();
    await store.close();
  });

  it('shows the secret once, never in reads', async () => {
    expect(String(jsonHook.secret)).toMatch(/^whsec_/);
    const read = (await (await admin.request('GET', `/api/v1/webhooks/${jsonHook.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(read.secret).toBeUndefined();
    const list = await (await admin.request('GET', '/api/v1/webhooks')).text();
    expect(list).not.toContain(String(jsonHook.secret));
  });

  it('signs deliveries, retries after a failure, and the receiver rejects a replay', async () => {
    const contributor = await world.as('contributor');
    const res = await contributor.request('POST', '/api/v1/feedback', { text: 'Webhook probe: need SSO' });
    expect(res.status).toBe(201);
    const fb = (await res.json()) as { id: string };
    const ok = await waitFor('the retried delivery', () =>
      receiver.received.find((r) => r.path === '/json' && r.answered === 200 && r.body.includes(fb.id)),
    );
    const attempts = receiver.received.filter((r) => r.path === '/json' && r.body.includes(fb.id));
    expect(attempts.map((a) => a.answered)).toEqual([500, 200]);
    // The retry is the same delivery (same id and body), signed afresh.
    expect(attempts[0]!.headers['sextant-delivery-id']).toBe(ok.headers['sextant-delivery-id']);
    expect(attempts[0]!.body).toBe(ok.body);
    const event = JSON.parse(ok.body) as Record<string, unknown>;
    expect(event).toMatchObject({ type: 'feedback.created', seq: 1, data: { id: fb.id } });
    expect(ok.headers['sextant-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(
      verifyWebhookSignature(
        secrets.get('/json')!,
        String(ok.headers['sextant-timestamp']),
        ok.body,
        String(ok.headers['sextant-signature']),
      ),
    ).toBe(true);

    // Someone who captured the delivery sends it again: refused.
    const replay = await fetch(`${base}/json`, {
      method: 'POST',
      headers: {
        'sextant-timestamp': String(ok.headers['sextant-timestamp']),
        'sextant-signature': String(ok.headers['sextant-signature']),
        'sextant-delivery-id': String(ok.headers['sextant-delivery-id']),
      },
      body: ok.body,
    });
    expect(replay.status).toBe(409);
    // A changed body does not carry a valid signature.
    const forged = await fetch(`${base}/json`, {
      method: 'POST',
      headers: {
        'sextant-timestamp': String(ok.headers['sextant-timestamp']),
        'sextant-signature': String(ok.headers['sextant-signature']),
        'sextant-delivery-id': 'another-id',
      },
      body: ok.body.replace('need SSO', 'need money'),
    });
    expect(forged.status).toBe(401);

    // The delivery log tells the story.
    const log = (await (await admin.request('GET', `/api/v1/webhooks/${jsonHook.id}/deliveries`)).json()) as {
      items: Record<string, unknown>[];
    };
    const entry = log.items.find((d) => d.id === ok.headers['sextant-delivery-id'])!;
    expect(entry).toMatchObject({
      status: 'delivered',
      attempts: 2,
      responseStatus: 200,
      eventType: 'feedback.created',
    });

    // The Slack-compatible subscription got a {"text"} message for the same event.
    const slack = await waitFor('the slack delivery', () =>
      receiver.received.find((r) => r.path === '/slack' && r.answered === 200),
    );
    expect(JSON.parse(slack.body)).toEqual({ text: 'New feedback: Webhook probe: need SSO' });
  });

  it('delivers in order per subscription, only for committed changes', async () => {
    const api = await world.as('portfolio');
    const bad = await api.request('POST', '/api/v1/feedback', { text: '' });
    expect(bad.status).toBe(400);
    const titles = ['Decision one', 'Decision two', 'Decision three'];
    for (const title of titles) {
      const res = await api.request('POST', '/api/v1/decisions', { title, rationale: 'ordering probe' });
      expect(res.status).toBe(201);
    }
    await inTransaction(systemContext(store, world.orgId), (tx) =>
      emitEvent(tx, systemContext(store, world.orgId), 'scenario.committed', { name: 'Plan B' }),
    );
    const got = await waitFor('four deliveries', () => {
      const ok = receiver.received
        .filter((r) => r.path === '/json' && r.answered === 200)
        .map((r) => JSON.parse(r.body) as { seq: number; type: string; data: Record<string, unknown> });
      return ok.length >= 5 ? ok : undefined;
    });
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(got.slice(1).map((e) => e.data.title ?? e.data.name)).toEqual([...titles, 'Plan B']);
    expect(got.slice(1).map((e) => e.type)).toEqual([
      'decision.recorded',
      'decision.recorded',
      'decision.recorded',
      'scenario.committed',
    ]);
    expect(got.some((e) => e.data.text === '')).toBe(false);
  });

  it('only admins manage webhooks', async () => {
    for (const role of ['portfolio', 'product', 'contributor', 'viewer'] as const) {
      const api = await world.as(role);
      expect((await api.request('GET', '/api/v1/webhooks')).status).toBe(403);
    }
  });
});

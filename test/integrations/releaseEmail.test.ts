import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailerFromEnv } from '../../src/services/collaboration/mailer.ts';
import { dispatchDueMail, startMailDispatcher } from '../../src/services/mail/mailDispatcher.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { type SmtpInbox, startSmtpInbox } from '../support/smtpInbox.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';
import { waitFor } from '../support/webhookReceiver.ts';

type Json = Record<string, unknown>;
const saved = { smtp: process.env.SEXTANT_SMTP_URL, site: process.env.SEXTANT_PUBLIC_URL };
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  process.env.SEXTANT_SMTP_URL = inbox.url;
  process.env.SEXTANT_PUBLIC_URL = 'https://sextant.example.com/';
});
afterAll(async () => {
  for (const [k, v] of [
    ['SEXTANT_SMTP_URL', saved.smtp],
    ['SEXTANT_PUBLIC_URL', saved.site],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await inbox.close();
});

/**
 * Publishing a release emails its announcement through the outbox: each subscriber of the product gets
 * their segment's variant (else the base note), sanitized, once; a failing SMTP server is retried.
 */
describe.each(BACKENDS)('release announcements by email on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let pm: Client;
  const ids: Record<string, string> = {};
  const tag = `${backend}-${Date.now()}`;

  const one = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(store.db, q))[0]!.id;

  beforeAll(async () => {
    inbox.mails.length = 0;
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    pm = await world.as('portfolio');
    ids.product = await one(sql`SELECT id FROM products WHERE org_id = ${world.orgId} ORDER BY slug LIMIT 1`);
    ids.otherProduct = await one(
      sql`SELECT id FROM products WHERE org_id = ${world.orgId} ORDER BY slug OFFSET 1 LIMIT 1`,
    );
    ids.segment = await one(sql`SELECT id FROM segments WHERE org_id = ${world.orgId} ORDER BY name LIMIT 1`);
    ids.segment2 = await one(
      sql`SELECT id FROM segments WHERE org_id = ${world.orgId} ORDER BY name OFFSET 1 LIMIT 1`,
    );
    const post = async (path: string, body: Json) => {
      const res = await pm.request('POST', path, body);
      const text = await res.text();
      expect(res.status, `${path}: ${text}`).toBe(201);
      return JSON.parse(text) as Json;
    };
    ids.release = String(
      (await post('/api/v1/releases', { productId: ids.product, name: `Mail ${tag}` })).id,
    );
    await post('/api/v1/features', {
      productId: ids.product,
      releaseId: ids.release,
      title: 'Shared dashboards',
      status: 'shipped',
    });
    const base = await post(`/api/v1/releases/${ids.release}/notes`, {});
    const variant = await post(`/api/v1/releases/${ids.release}/notes`, { segmentId: ids.segment });
    const edit = async (id: unknown, markdown: string) =>
      expect((await pm.request('PATCH', `/api/v1/release-notes/${id}`, { markdown })).status).toBe(200);
    await edit(
      base.id,
      '## Base note\n\nShared dashboards. <script>alert("x")</script><img src=x onerror=alert(1)>',
    );
    await edit(variant.id, '## For the first segment\n\nDashboards your auditors will love.');
    for (const [email, productId, segmentId] of [
      ['plain@example.com', ids.product, null],
      ['Segment@Example.com', ids.product, ids.segment],
      ['no-variant@example.com', ids.product, ids.segment2],
      ['elsewhere@example.com', ids.otherProduct, null],
    ] as const) {
      await post('/api/v1/announcement-subscribers', { email, productId, segmentId });
    }
  });
  afterAll(async () => store.close());

  it('refuses a subscriber that is not an email address, and the same address twice', async () => {
    const bad = await pm.request('POST', '/api/v1/announcement-subscribers', {
      email: 'not-an-address',
      productId: ids.product,
    });
    expect(bad.status).toBe(400);
    const twice = await pm.request('POST', '/api/v1/announcement-subscribers', {
      email: 'PLAIN@example.com',
      productId: ids.product,
    });
    expect(twice.status).toBe(409);
  });

  it('queues one mail per subscriber when published; a down server, then a 451, are retried', async () => {
    const res = await pm.request('POST', `/api/v1/releases/${ids.release}/publish`, { date: '2026-11-20' });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(JSON.parse(text).mails).toBe(3);

    // The SMTP server is down: every mail stays pending with the error, to be retried.
    const down = mailerFromEnv({ SEXTANT_SMTP_URL: 'smtp://127.0.0.1:1' });
    expect(await dispatchDueMail(store, { mailer: down, baseDelayMs: 0 })).toBe(3);
    const pending = await queryRows<{ status: string; attempts: number; lastError: string | null }>(
      store.db,
      sql`SELECT status, attempts, last_error AS "lastError" FROM mail_outbox WHERE org_id = ${world.orgId}`,
    );
    expect(pending).toHaveLength(3);
    for (const p of pending) {
      expect(p).toMatchObject({ status: 'pending', attempts: 1 });
      expect(p.lastError).toBeTruthy();
    }

    // Back up, but it refuses the first message with a temporary failure.
    inbox.failNext(1);
    const refusedBefore = inbox.refused();
    const dispatcher = startMailDispatcher(store, { pollMs: 20, baseDelayMs: 50 });
    try {
      await waitFor('three mails', () => inbox.mails.filter((m) => m.subject.includes(tag)).length >= 3);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await dispatcher.stop();
    }
    expect(inbox.refused() - refusedBefore).toBe(1);
    const mails = inbox.mails.filter((m) => m.subject.includes(tag));
    expect(mails.map((m) => m.to.join()).sort()).toEqual([
      'no-variant@example.com',
      'plain@example.com',
      'segment@example.com',
    ]);
    const product = (
      await queryRows<{ name: string }>(store.db, sql`SELECT name FROM products WHERE id = ${ids.product}`)
    )[0]!;
    for (const m of mails) expect(m.subject).toBe(`${product.name}: Mail ${tag} is out`);
    const to = (a: string) => mails.find((m) => m.to.includes(a))!;
    expect(to('segment@example.com').text).toContain('Dashboards your auditors will love.');
    expect(to('segment@example.com').html).toContain('<h2>For the first segment</h2>');
    for (const a of ['plain@example.com', 'no-variant@example.com']) {
      const m = to(a);
      expect(m.text).toContain('## Base note');
      expect(m.html).toContain('<h2>Base note</h2>');
      expect(m.html).not.toMatch(/<script|onerror|alert\(/);
      expect(m.html).toContain('href="https://sextant.example.com/changelog/');
      expect(m.text).toContain(`https://sextant.example.com/changelog/${ids.product}`);
    }
    const log = await queryRows<{ status: string; attempts: number }>(
      store.db,
      sql`SELECT status, attempts FROM mail_outbox WHERE org_id = ${world.orgId} ORDER BY attempts`,
    );
    expect(log.map((l) => `${l.status}/${l.attempts}`)).toEqual(['sent/2', 'sent/2', 'sent/3']);
  });
});

import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendDailyDigest } from '../../src/services/collaboration/dailyDigest.ts';
import { mailerFromEnv } from '../../src/services/collaboration/mailer.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

interface Received {
  to: string[];
  data: string;
}

/** A local SMTP receiver on a free port: every message it accepts lands in `inbox`. */
let smtp: SMTPServer;
const inbox: Received[] = [];
const savedUrl = process.env.SEXTANT_SMTP_URL;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  process.env.SEXTANT_SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (savedUrl === undefined) delete process.env.SEXTANT_SMTP_URL;
  else process.env.SEXTANT_SMTP_URL = savedUrl;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe.each(BACKENDS)('comments, mentions and notifications on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let productId: string;
  let commentId: string;

  const ids = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ id: string }>(store.db, query))[0]!.id;
  const unread = async (
    role: 'admin' | 'portfolio' | 'contributor' | 'product',
    org: 'demo' | 'other' = 'demo',
  ) => {
    const res = await (await world.as(role, org)).request('GET', '/api/v1/notifications');
    expect(res.status).toBe(200);
    return (await res.json()) as {
      items: { id: string; kind: string; commentId: string }[];
      unreadCount: number;
    };
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
    productId = await ids(sql`SELECT id FROM products WHERE org_id = ${world.orgId} ORDER BY slug LIMIT 1`);
  });
  afterAll(() => store.close());
  beforeEach(() => {
    inbox.length = 0;
  });

  it('a mention notifies the mentioned member in the app and by email, and nobody outside the organization', async () => {
    const contributor = await world.as('contributor');
    const res = await contributor.request('POST', '/api/v1/comments', {
      subjectType: 'product',
      subjectId: productId,
      body: 'Please look, @portfolio@demo.test and @portfolio+other@demo.test and @ghost@nowhere.test: **now** <script>alert(1)</script>',
    });
    expect(res.status).toBe(201);
    const comment = (await res.json()) as { id: string; bodyHtml: string; mentions: string[] };
    commentId = comment.id;
    expect(comment.bodyHtml).toContain('<strong>now</strong>');
    expect(comment.bodyHtml).not.toContain('<script');
    const portfolioId = await ids(sql`SELECT id FROM users WHERE email = 'portfolio@demo.test'`);
    expect(comment.mentions).toEqual([portfolioId]);

    const mine = await unread('portfolio');
    expect(mine.unreadCount).toBe(1);
    expect(mine.items).toMatchObject([{ kind: 'mention', commentId }]);
    // The other organization's portfolio manager: nothing in the app, nothing in the table, no email.
    expect((await unread('portfolio', 'other')).unreadCount).toBe(0);
    const leaked = await queryRows(
      store.db,
      sql`SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'portfolio+other@demo.test'`,
    );
    expect(leaked).toEqual([]);
    expect(inbox.map((m) => m.to)).toEqual([['portfolio@demo.test']]);
    expect(inbox[0]!.data).toContain('Subject: =?UTF-8?Q?contributor=40demo=2Etest_mentioned_you_?=');
    expect(inbox[0]!.data).toContain('<strong>now</strong>');
    // The author watches the product now; nobody else was notified.
    expect((await unread('contributor')).unreadCount).toBe(0);
    expect((await unread('admin')).unreadCount).toBe(0);
  });

  it('watchers hear of new comments; the author is never notified of their own', async () => {
    const portfolio = await world.as('portfolio');
    const res = await portfolio.request('POST', '/api/v1/comments', {
      subjectType: 'product',
      subjectId: productId,
      body: 'On it.',
    });
    expect(res.status).toBe(201);
    expect((await unread('contributor')).items.map((i) => i.kind)).toEqual(['comment']);
    expect((await unread('portfolio')).unreadCount).toBe(1);
    expect(inbox).toEqual([]);
  });

  it('an edit keeps the history, notifies only newly mentioned members, and only the author may edit', async () => {
    const other = await world.as('product');
    const refused = await other.request('PATCH', `/api/v1/comments/${commentId}`, { body: 'hijack' });
    expect(refused.status).toBe(403);
    const contributor = await world.as('contributor');
    const res = await contributor.request('PATCH', `/api/v1/comments/${commentId}`, {
      body: 'Edited: @portfolio@demo.test @admin@demo.test',
    });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as { edits: { body: string }[]; version: number };
    expect(edited.version).toBe(2);
    expect(edited.edits.map((e) => e.body)).toEqual([expect.stringContaining('Please look')]);
    expect((await unread('admin')).items.map((i) => i.kind)).toEqual(['mention']);
    expect((await unread('portfolio')).unreadCount).toBe(1);
    expect(inbox.map((m) => m.to)).toEqual([['admin@demo.test']]);
  });

  it('marks read one by one or all at once; another user’s notification is not found', async () => {
    const portfolio = await world.as('portfolio');
    const [first] = (await unread('portfolio')).items;
    const admin = await world.as('admin');
    expect((await admin.request('POST', `/api/v1/notifications/${first!.id}/read`)).status).toBe(404);
    expect((await portfolio.request('POST', `/api/v1/notifications/${first!.id}/read`)).status).toBe(200);
    expect((await unread('portfolio')).unreadCount).toBe(0);
    const all = await admin.request('POST', '/api/v1/notifications/read-all');
    expect(await all.json()).toEqual({ marked: 1 });
    expect((await unread('admin')).unreadCount).toBe(0);
  });

  it('email off: the notification arrives, the email does not', async () => {
    const admin = await world.as('admin');
    const prefs = await admin.request('PUT', '/api/v1/notification-preferences', { email: false });
    expect(await prefs.json()).toEqual({ email: false, digest: true });
    const res = await (await world.as('portfolio')).request('POST', '/api/v1/comments', {
      subjectType: 'product',
      subjectId: productId,
      body: 'cc @admin@demo.test',
    });
    expect(res.status).toBe(201);
    expect((await unread('admin')).unreadCount).toBe(1);
    expect(inbox).toEqual([]);
  });

  it('the daily digest emails each member with unread notifications of the day, unless turned off', async () => {
    // Unread now: admin (the mention above) and contributor (two watcher notices).
    const now = new Date(Date.now() + 1000);
    const first = await sendDailyDigest(store, now, mailerFromEnv());
    expect(first.recipients.sort()).toEqual(['admin@demo.test', 'contributor@demo.test']);
    expect(inbox.map((m) => m.to[0]).sort()).toEqual(['admin@demo.test', 'contributor@demo.test']);
    const contributor = await world.as('contributor');
    await contributor.request('PUT', '/api/v1/notification-preferences', { digest: false });
    expect((await sendDailyDigest(store, now, null)).recipients).toEqual(['admin@demo.test']);
    // A day later, nothing is recent enough.
    expect((await sendDailyDigest(store, new Date(now.getTime() + 25 * 3600e3), null)).recipients).toEqual(
      [],
    );
  });

  it('refuses comments on subjects outside the organization', async () => {
    const theirs = await ids(sql`SELECT id FROM products WHERE org_id = ${world.otherOrgId} LIMIT 1`);
    const res = await (await world.as('contributor')).request('POST', '/api/v1/comments', {
      subjectType: 'product',
      subjectId: theirs,
      body: 'hello',
    });
    expect(res.status).toBe(422);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWebhookDispatcher,
  type WebhookDispatcher,
} from '../../src/services/integrations/webhookDispatcher.ts';
import { dispatchDueMail } from '../../src/services/mail/mailDispatcher.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { Visitor } from '../support/browser.ts';
import { type SmtpInbox, startSmtpInbox } from '../support/smtpInbox.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';
import { startWebhookReceiver, type WebhookReceiver, waitFor } from '../support/webhookReceiver.ts';

type Json = Record<string, unknown>;
const ENV = ['SEXTANT_SMTP_URL', 'SEXTANT_PUBLIC_URL', 'SEXTANT_PORTAL_MAX_POSTS'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  process.env.SEXTANT_SMTP_URL = inbox.url;
  process.env.SEXTANT_PUBLIC_URL = 'https://sextant.example.com';
  process.env.SEXTANT_PORTAL_MAX_POSTS = '1000';
});
afterAll(async () => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await inbox.close();
});

const ideaIdOf = (location: string | null) => /\/ideas\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

describe.each(BACKENDS)('the feedback portal on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let pm: Client;
  let receiver: WebhookReceiver;
  let webhooks: WebhookDispatcher;
  const ids: Record<string, string> = {};

  const one = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(store.db, q))[0]!.id;
  const api = async (client: Client, method: string, path: string, body?: unknown, status = 200) => {
    const res = await client.request(method, path, body);
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBe(status);
    return text ? (JSON.parse(text) as Json) : {};
  };
  const mailsTo = (subject: string) => inbox.mails.filter((m) => m.subject === subject);
  const drainMail = async () => {
    while ((await dispatchDueMail(store, { baseDelayMs: 0 })) > 0) {}
  };

  /** Submits an idea on the public portal as `email`; returns its id. */
  async function submit(v: Visitor, title: string, email: string, body = '') {
    const res = await v.submit('/portal/lumen-ideas', '/portal/lumen-ideas/ideas', {
      title,
      body,
      email,
      name: email.split('@')[0]!,
    });
    expect(res.status, res.html).toBe(303);
    return ideaIdOf(res.location);
  }
  async function vote(ideaId: string, email: string) {
    const v = new Visitor(world.app);
    const page = `/portal/lumen-ideas/ideas/${ideaId}`;
    const res = await v.submit(page, `${page}/vote`, { email });
    expect(res.status, res.html).toBe(303);
  }
  const votesOn = async (ideaId: string) =>
    Number((await api(pm, 'GET', `/api/v1/portal-ideas/${ideaId}`)).votes);

  beforeAll(async () => {
    inbox.mails.length = 0;
    store = await openTestStore(backend);
    world = await demoWorld(store);
    pm = await world.as('portfolio');
    ids.product = await one(sql`SELECT id FROM products WHERE org_id = ${world.orgId} ORDER BY slug LIMIT 1`);
    ids.publicPortal = String(
      (
        await api(
          pm,
          'POST',
          '/api/v1/portals',
          { productId: ids.product, slug: 'lumen-ideas', title: 'Lumen ideas' },
          201,
        )
      ).id,
    );
    ids.privatePortal = String(
      (
        await api(
          pm,
          'POST',
          '/api/v1/portals',
          { slug: 'insiders', title: 'Insiders', visibility: 'signin' },
          201,
        )
      ).id,
    );
    receiver = await startWebhookReceiver();
    await api(
      await world.as('admin'),
      'POST',
      '/api/v1/webhooks',
      {
        url: `${receiver.url}/hook`,
        events: ['portal.idea_shipped', 'feature.shipped'],
      },
      201,
    );
    webhooks = startWebhookDispatcher(store, { pollMs: 20, baseDelayMs: 100 });
  });
  afterAll(async () => {
    await webhooks.stop();
    await receiver.close();
    await store.close();
  });

  it('takes ideas, votes and comments on a public portal; script in them renders inert', async () => {
    const v = new Visitor(world.app);
    const home = await v.get('/portal/lumen-ideas');
    expect(home.status).toBe(200);
    expect(home.html).toContain('<h1>Lumen ideas</h1>');
    const id = await submit(
      v,
      'Dark mode <script>alert("t")</script>',
      'ann@example.com',
      'At night <script>alert("b")</script> <img src=x onerror="alert(1)"> [x](javascript:alert(2)) **please**',
    );
    ids.first = id;
    const page = await v.get(`/portal/lumen-ideas/ideas/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Dark mode &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
    expect(page.html).toContain('<strong>please</strong>');
    expect(page.html).not.toMatch(/<script|onerror|javascript:/i);
    expect(page.html).toMatch(/<span class="count">1<\/span> vote\b/);
    expect(page.html).toContain('data-status="under_review">Under review');
    // Someone else votes; the author voting again (their submission was their vote) counts nothing.
    await vote(id, 'bob@example.com');
    await vote(id, 'ANN@example.com');
    expect(await votesOn(id)).toBe(2);
    const c = await v.submit(`/portal/lumen-ideas/ideas/${id}`, `/portal/lumen-ideas/ideas/${id}/comments`, {
      body: 'Me too <script>x()</script>',
      email: 'cy@example.com',
      name: 'Cy <b>',
    });
    expect(c.status).toBe(303);
    const after = await v.get(`/portal/lumen-ideas/ideas/${id}`);
    expect(after.html).toMatch(/<span class="count">2<\/span> votes/);
    expect(after.html).toContain('Cy &lt;b&gt;');
    expect(after.html).toContain('Me too');
    expect(after.html).not.toMatch(/<script/i);
    // Emails are never shown on the portal.
    expect(after.html).not.toContain('ann@example.com');
    // Every vote became a portal feedback item.
    const fb = await queryRows<{ n: number }>(
      store.db,
      sql`SELECT count(*)::int AS n FROM feedback WHERE org_id = ${world.orgId} AND source = 'portal' AND text LIKE 'Portal vote: Dark mode%'`,
    );
    expect(fb[0]!.n).toBe(2);
  });

  it('refuses forms without the page token or from another origin, and is rate-limited', async () => {
    const v = new Visitor(world.app);
    await v.get('/portal/lumen-ideas');
    const noToken = await v.post('/portal/lumen-ideas/ideas', {
      title: 'Forged idea',
      email: 'x@example.com',
    });
    expect(noToken.status).toBe(400);
    const token = /name="csrf" value="([^"]+)"/.exec((await v.get('/portal/lumen-ideas')).html)![1]!;
    const crossSite = await v.post(
      '/portal/lumen-ideas/ideas',
      { title: 'Forged idea', email: 'x@example.com', csrf: token },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(400);
    const stranger = new Visitor(world.app);
    const stolen = await stranger.post('/portal/lumen-ideas/ideas', {
      title: 'Forged idea',
      email: 'x@example.com',
      csrf: token,
    });
    expect(stolen.status).toBe(400);
    const forged = await queryRows(store.db, sql`SELECT id FROM portal_ideas WHERE title = 'Forged idea'`);
    expect(forged).toEqual([]);

    process.env.SEXTANT_PORTAL_MAX_POSTS = '2';
    try {
      const spam = await api(pm, 'POST', '/api/v1/portals', { slug: 'spam-test', title: 'Spam' }, 201);
      const s = new Visitor(world.app);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (
            await s.submit('/portal/spam-test', '/portal/spam-test/ideas', {
              title: `Spam ${i}`,
              email: 's@example.com',
            })
          ).status,
        );
      }
      expect(statuses).toEqual([303, 303, 429]);
      expect((await api(pm, 'GET', `/api/v1/portals/${spam.id}/ideas`)).items).toHaveLength(2);
    } finally {
      process.env.SEXTANT_PORTAL_MAX_POSTS = '1000';
    }
  });

  it('a sign-in-only portal refuses anonymous visitors; invited customers set a password and sign in', async () => {
    const anon = new Visitor(world.app);
    const page = await anon.get('/portal/insiders');
    expect(page.status).toBe(401);
    expect(page.html).toContain('action="/portal/insiders/login"');
    const post = await anon.submit('/portal/insiders', '/portal/insiders/ideas', {
      title: 'Sneaky idea',
      email: 'x@example.com',
    });
    expect(post.status).toBe(401);
    expect(await queryRows(store.db, sql`SELECT id FROM portal_ideas WHERE title = 'Sneaky idea'`)).toEqual(
      [],
    );

    ids.customer = await one(
      sql`SELECT id FROM customers WHERE org_id = ${world.orgId} ORDER BY name LIMIT 1`,
    );
    const invite = await api(
      pm,
      'POST',
      `/api/v1/portals/${ids.privatePortal}/accounts`,
      {
        email: 'Dana@Customer.example',
        name: 'Dana',
        customerId: ids.customer,
      },
      201,
    );
    expect(invite).toMatchObject({ email: 'dana@customer.example', active: false });
    expect(JSON.stringify(invite)).not.toMatch(/passwordHash|inviteHash/);
    await drainMail();
    const mail = inbox.mails.find((m) => m.to.includes('dana@customer.example'))!;
    expect(mail.subject).toBe('You are invited to Insiders');
    expect(mail.text).toContain(`https://sextant.example.com${invite.invitePath}`);

    const dana = new Visitor(world.app);
    const path = String(invite.invitePath);
    const weak = await dana.submit(path, path, { password: 'short' });
    expect(weak.status).toBe(400);
    const set = await dana.submit(path, path, { password: 'a long enough password' });
    expect(set.status).toBe(303);
    // The link works once.
    expect((await new Visitor(world.app).get(path)).status).toBe(404);
    const home = await dana.get('/portal/insiders');
    expect(home.status).toBe(200);
    expect(home.html).toContain('Signed in as dana@customer.example');
    const idea = await dana.submit('/portal/insiders', '/portal/insiders/ideas', { title: 'Audit export' });
    expect(idea.status).toBe(303);
    const voted = await api(pm, 'GET', `/api/v1/portal-ideas/${ideaIdOf(idea.location)}`);
    expect(voted.voters).toMatchObject([{ customerId: ids.customer, proxy: false }]);

    // A portal session is no key to the organization's API.
    const internal = await world.app.request('/api/v1/products', {
      headers: { cookie: dana.cookieHeader() },
    });
    expect(internal.status).toBe(401);

    // Signing out ends the session; a wrong password is refused, the right one signs in again.
    const out = await dana.submit('/portal/insiders', '/portal/insiders/logout', {});
    expect(out.status).toBe(303);
    expect((await dana.get('/portal/insiders')).status).toBe(401);
    const wrong = await dana.submit('/portal/insiders/login', '/portal/insiders/login', {
      email: 'dana@customer.example',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    const right = await dana.submit('/portal/insiders/login', '/portal/insiders/login', {
      email: 'dana@customer.example',
      password: 'a long enough password',
    });
    expect(right.status).toBe(303);
    expect((await dana.get('/portal/insiders')).status).toBe(200);
  });

  it('merges duplicates: votes move, one per voter, comments follow, the duplicate redirects', async () => {
    const v = new Visitor(world.app);
    // A: e1, e2, e3 (e1 submitted it). B: e2, e4 (e4 submitted it). Voters of A ∪ B = {e1, e2, e3, e4}: 4.
    const a = await submit(v, 'Export to PDF', 'e1@example.com');
    await vote(a, 'e2@example.com');
    await vote(a, 'e3@example.com');
    const b = await submit(v, 'PDF export', 'e4@example.com');
    await vote(b, 'e2@example.com');
    await v.submit(`/portal/lumen-ideas/ideas/${a}`, `/portal/lumen-ideas/ideas/${a}/comments`, {
      body: 'Needed for audits',
      email: 'e3@example.com',
    });
    expect([await votesOn(a), await votesOn(b)]).toEqual([3, 2]);
    const feedbackBefore = await queryRows<{ n: number }>(
      store.db,
      sql`SELECT count(*)::int AS n FROM feedback WHERE org_id = ${world.orgId} AND source = 'portal'`,
    );
    const merged = await api(pm, 'POST', `/api/v1/portal-ideas/${a}/merge`, { intoId: b });
    expect(merged).toMatchObject({ movedVotes: 2, duplicateVotes: 1, movedComments: 1 });
    expect(await votesOn(b)).toBe(4);
    // The duplicate vote's feedback item went with it: no double count.
    const feedbackAfter = await queryRows<{ n: number }>(
      store.db,
      sql`SELECT count(*)::int AS n FROM feedback WHERE org_id = ${world.orgId} AND source = 'portal'`,
    );
    expect(feedbackAfter[0]!.n).toBe(feedbackBefore[0]!.n - 1);
    const gone = await v.get(`/portal/lumen-ideas/ideas/${a}`);
    expect(gone.status).toBe(301);
    expect(gone.res.headers.get('location')).toBe(`/portal/lumen-ideas/ideas/${b}`);
    const page = await v.get(`/portal/lumen-ideas/ideas/${b}`);
    expect(page.html).toMatch(/<span class="count">4<\/span> votes/);
    expect(page.html).toContain('Needed for audits');
    const home = await v.get('/portal/lumen-ideas');
    expect(home.html).not.toContain(`idea-${a}`);
    expect((await pm.request('POST', `/api/v1/portal-ideas/${a}/merge`, { intoId: b })).status).toBe(409);
    ids.merged = b;
  });

  it('shows the status product managers set', async () => {
    await api(pm, 'PATCH', `/api/v1/portal-ideas/${ids.first}`, { status: 'planned' });
    const page = await new Visitor(world.app).get(`/portal/lumen-ideas/ideas/${ids.first}`);
    expect(page.html).toContain('data-status="planned">Planned');
    expect((await pm.request('PATCH', `/api/v1/portal-ideas/${ids.first}`, { status: 'maybe' })).status).toBe(
      400,
    );
  });

  it("proxy votes and matched voters feed the linked feature's demand, each customer once", async () => {
    // A customer that is the largest by revenue, in the segment of highest priority: r = 1, p = 1.
    const backlog = await api(pm, 'GET', `/api/v1/backlog?productId=${ids.product}&limit=1`);
    const segments = backlog.segments as { segmentId: string; weight: number }[];
    const top = [...segments].sort((x, y) => y.weight - x.weight)[0]!;
    const [{ max }] = await queryRows<{ max: number }>(
      store.db,
      sql`SELECT max(annual_revenue)::float8 AS max FROM customers WHERE org_id = ${world.orgId}`,
    );
    const customer = await api(
      pm,
      'POST',
      '/api/v1/customers',
      {
        name: 'Portal Big Co',
        segmentId: top.segmentId,
        annualRevenue: (max ?? 0) * 10 + 1000,
      },
      201,
    );
    const feature = await api(
      pm,
      'POST',
      '/api/v1/features',
      { productId: ids.product, title: 'Portal-driven feature' },
      201,
    );
    const idea = await api(
      pm,
      'POST',
      `/api/v1/portals/${ids.publicPortal}/ideas`,
      { title: 'Bulk edit' },
      201,
    );
    await api(pm, 'PUT', `/api/v1/portal-ideas/${idea.id}/feature`, { featureId: feature.id });
    const demand = async () => {
      const d = await api(pm, 'GET', `/api/v1/features/${feature.id}/demand`);
      const b = await api(pm, 'GET', `/api/v1/backlog?productId=${ids.product}&limit=500`);
      const item = (
        b.items as { featureId: string; breakdown: { demand: { raw: number; customers: number } } }[]
      ).find((i) => i.featureId === feature.id)!;
      return {
        links: d.links,
        customers: d.customers,
        importance: d.importance,
        raw: item.breakdown.demand.raw,
      };
    };
    expect(await demand()).toEqual({ links: 0, customers: 0, importance: 0, raw: 0 });

    const proxy = await api(
      pm,
      'POST',
      `/api/v1/portal-ideas/${idea.id}/proxy-votes`,
      { customerId: customer.id },
      201,
    );
    expect(proxy).toMatchObject({ customerId: customer.id, proxy: true });
    const fb = await api(pm, 'GET', `/api/v1/feedback?customerId=${customer.id}&source=portal`);
    expect((fb.items as Json[]).map((f) => f.text)).toEqual(['Proxy vote: Bulk edit']);
    // importance 1 of 3, r = 1, p = 1: raw demand 1/3.
    let d = await demand();
    expect(d).toMatchObject({ links: 1, customers: 1, importance: 1 });
    expect(d.raw).toBeCloseTo(1 / 3, 12);
    expect(
      (await pm.request('POST', `/api/v1/portal-ideas/${idea.id}/proxy-votes`, { customerId: customer.id }))
        .status,
    ).toBe(409);

    // A person of the same customer votes on the portal (matched through their account): one more link, same demand.
    await api(
      pm,
      'POST',
      `/api/v1/portals/${ids.publicPortal}/accounts`,
      {
        email: 'buyer@bigco.example',
        customerId: customer.id,
      },
      201,
    );
    await vote(String(idea.id), 'buyer@bigco.example');
    d = await demand();
    expect(d).toMatchObject({ links: 2, customers: 1, importance: 1 });
    expect(d.raw).toBeCloseTo(1 / 3, 12);
    ids.demandFeature = String(feature.id);
    ids.demandIdea = String(idea.id);
  });

  it('notifies voters once when the linked feature ships (release published), with an event', async () => {
    inbox.mails.length = 0;
    // The merged idea (4 voters with emails) is linked to a feature of a release that gets published.
    const release = await api(
      pm,
      'POST',
      '/api/v1/releases',
      { productId: ids.product, name: 'Portal 2.0' },
      201,
    );
    const feature = await api(
      pm,
      'POST',
      '/api/v1/features',
      {
        productId: ids.product,
        releaseId: release.id,
        title: 'PDF export',
        status: 'in_progress',
      },
      201,
    );
    await api(pm, 'PUT', `/api/v1/portal-ideas/${ids.merged}/feature`, { featureId: feature.id });
    await api(pm, 'PATCH', `/api/v1/features/${feature.id}`, { status: 'shipped' });
    await drainMail();
    expect(mailsTo('Shipped: PDF export')).toEqual([]); // not yet: the release is unpublished
    await api(pm, 'POST', `/api/v1/releases/${release.id}/notes`, {}, 201);
    await api(pm, 'POST', `/api/v1/releases/${release.id}/publish`, {});
    await drainMail();
    const mails = mailsTo('Shipped: PDF export');
    expect(mails.map((m) => m.to.join()).sort()).toEqual([
      'e1@example.com',
      'e2@example.com',
      'e3@example.com',
      'e4@example.com',
    ]);
    expect(mails[0]!.text).toContain(`https://sextant.example.com/portal/lumen-ideas/ideas/${ids.merged}`);
    const page = await new Visitor(world.app).get(`/portal/lumen-ideas/ideas/${ids.merged}`);
    expect(page.html).toContain('data-status="shipped">Shipped');

    // Shipping a feature without a release: its idea's one voter with an email is told (the proxy has none).
    await api(pm, 'PATCH', `/api/v1/features/${ids.demandFeature}`, { status: 'shipped' });
    await drainMail();
    expect(mailsTo('Shipped: Bulk edit').map((m) => m.to.join())).toEqual(['buyer@bigco.example']);
    // Nothing is sent twice.
    await drainMail();
    expect(inbox.mails.filter((m) => m.subject.startsWith('Shipped:'))).toHaveLength(5);

    const events = await waitFor('the portal events', () => {
      const got = receiver.events('/hook').filter((e) => e.type === 'portal.idea_shipped');
      return got.length >= 2 ? got : undefined;
    });
    expect(events.map((e) => [e.data.id, e.data.voters, e.data.emailed])).toEqual([
      [ids.merged, 4, 4],
      [ids.demandIdea, 2, 1],
    ]);
    // In order after the feature.shipped of the same change.
    const types = receiver.events('/hook').map((e) => `${e.type}:${e.data.featureId ?? e.data.id}`);
    expect(types.indexOf(`feature.shipped:${feature.id}`)).toBeLessThan(
      types.indexOf(`portal.idea_shipped:${feature.id}`),
    );
  });

  it("another organization's portals and ideas are invisible", async () => {
    const theirs = await world.as('portfolio', 'other');
    const portal = await api(
      theirs,
      'POST',
      '/api/v1/portals',
      { slug: 'other-ideas', title: 'Other ideas' },
      201,
    );
    const idea = await api(
      theirs,
      'POST',
      `/api/v1/portals/${portal.id}/ideas`,
      { title: 'Their secret idea' },
      201,
    );
    expect((await new Visitor(world.app).get(`/portal/lumen-ideas/ideas/${idea.id}`)).status).toBe(404);
    const mine = new Visitor(world.app);
    const vote = await mine.submit('/portal/lumen-ideas', `/portal/lumen-ideas/ideas/${idea.id}/vote`, {
      email: 'z@example.com',
    });
    expect(vote.status).toBe(404);
    expect((await pm.request('GET', `/api/v1/portal-ideas/${idea.id}`)).status).toBe(404);
    expect((await pm.request('GET', `/api/v1/portals/${portal.id}/ideas`)).status).toBe(404);
    expect(
      (await pm.request('POST', `/api/v1/portal-ideas/${ids.first}/merge`, { intoId: idea.id })).status,
    ).toBe(404);
    const home = await new Visitor(world.app).get('/portal/lumen-ideas');
    expect(home.html).not.toContain('Their secret idea');
    const list = JSON.stringify(await api(pm, 'GET', `/api/v1/portals/${ids.publicPortal}/ideas`));
    expect(list).not.toContain('Their secret idea');
    // A disabled portal looks like none.
    await api(pm, 'PATCH', `/api/v1/portals/${ids.publicPortal}`, { enabled: false });
    expect((await new Visitor(world.app).get('/portal/lumen-ideas')).status).toBe(404);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addUser } from '../../src/services/auth/users.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demoCatalog.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { type Client, clientFor, type DemoWorld, demoWorld, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type Json = Record<string, unknown>;

/** Rows of every table in the database whose text form contains `needle`. */
async function tablesContaining(store: Store, needle: string): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(
    store.db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name: t } of tables) {
    const [row] = await queryRows<{ n: number }>(
      store.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)} x WHERE strpos(x::text, ${needle}) > 0`,
    );
    if (row!.n > 0) hits.push(t);
  }
  return hits;
}

const sessionIdOf = (cookie: string) => /sextant_session=([^;]+)/.exec(cookie)![1]!;

describe.each(BACKENDS)('accounts, sessions, tokens and audit on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
  });
  afterAll(async () => store.close());

  async function newToken(api: Client, scope: 'read' | 'read-write', name = 'script') {
    const res = await api.request('POST', '/api/v1/tokens', { name, scope });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; token: string };
  }
  const bearer = (token: string) => ({
    request: (method: string, path: string, body?: unknown) =>
      world.app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  });

  it('stores passwords as argon2id hashes, for the demo users and for users added through the API', async () => {
    const admin = await world.as('admin');
    const res = await admin.request('POST', '/api/v1/users', {
      email: 'hashed@demo.test',
      role: 'viewer',
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    const rows = await queryRows<{ email: string; password_hash: string }>(
      store.db,
      sql`SELECT email, password_hash FROM users WHERE email IN ('admin@demo.test', 'hashed@demo.test')`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await tablesContaining(store, 'a-long-enough-password')).toEqual([]);
    expect(await tablesContaining(store, DEMO_PASSWORD)).toEqual([]);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const res = await world.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'viewer@demo.test', password: DEMO_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sextant_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('keeps no session id or token in plain text anywhere in the database', async () => {
    const session = await signIn(world.app, 'portfolio@demo.test');
    const sessionId = sessionIdOf(session.cookie);
    const { token } = await newToken(clientFor(world.app, session), 'read');
    expect(sessionId).toMatch(/^ses_/);
    expect(token).toMatch(/^sxt_/);
    expect(await tablesContaining(store, sessionId)).toEqual([]);
    expect(await tablesContaining(store, token)).toEqual([]);
    expect(await tablesContaining(store, token.slice(10))).toEqual([]);
  });

  it('refuses a logged-out session at once (401)', async () => {
    const api = clientFor(world.app, await signIn(world.app, 'contributor@demo.test'));
    expect((await api.request('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await api.request('POST', '/api/v1/auth/logout')).status).toBe(204);
    const after = await api.request('GET', '/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('refuses a revoked token at once (401) and records when a token was last used', async () => {
    const api = await world.as('portfolio');
    const created = await newToken(api, 'read-write');
    const script = bearer(created.token);
    expect((await script.request('GET', '/api/v1/goals')).status).toBe(200);
    const listed = (await (await api.request('GET', '/api/v1/tokens')).json()) as { items: Json[] };
    const mine = listed.items.find((t) => t.id === created.id)!;
    expect(mine.lastUsedAt).toEqual(expect.any(String));
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect((await api.request('DELETE', `/api/v1/tokens/${created.id}`)).status).toBe(204);
    expect((await script.request('GET', '/api/v1/goals')).status).toBe(401);
  });

  it('refuses an expired token (401)', async () => {
    const created = await newToken(await world.as('viewer'), 'read');
    await store.db.execute(
      sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = ${created.id}`,
    );
    expect((await bearer(created.token).request('GET', '/api/v1/goals')).status).toBe(401);
  });

  it('lets a read-only token read but not write (403)', async () => {
    const { token } = await newToken(await world.as('admin'), 'read');
    const script = bearer(token);
    expect((await script.request('GET', '/api/v1/products')).status).toBe(200);
    const res = await script.request('POST', '/api/v1/goals', { name: 'Not allowed', weight: 1 });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/read-only/);
  });

  it('requires the CSRF header on cookie-authenticated writes (403 without or wrong), not on bearer tokens', async () => {
    const session = await signIn(world.app, 'portfolio@demo.test');
    const post = (headers: Record<string, string>) =>
      world.app.request('/api/v1/goals', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, ...headers },
        body: JSON.stringify({ name: 'CSRF goal', weight: 1 }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-csrf-token': 'guessed' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': session.csrf })).status).toBe(201);
    const { token } = await newToken(clientFor(world.app, session), 'read-write');
    expect(
      (await bearer(token).request('POST', '/api/v1/goals', { name: 'Token goal', weight: 1 })).status,
    ).toBe(201);
  });

  it('sends the security headers on API answers and pages', async () => {
    for (const path of ['/api/v1/auth/me', '/healthz', '/api/docs']) {
      const res = await world.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('writes no password, token or session id to the console, even on failures', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const secrets: string[] = [DEMO_PASSWORD, 'wrong-password-123'];
    try {
      await world.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
        body: JSON.stringify({ email: 'viewer@demo.test', password: 'wrong-password-123' }),
      });
      const session = await signIn(world.app, 'viewer@demo.test');
      secrets.push(sessionIdOf(session.cookie), session.csrf);
      const api = clientFor(world.app, session);
      const { token } = await newToken(api, 'read');
      secrets.push(token);
      await bearer(token).request('POST', '/api/v1/goals', { name: 'x' });
      await bearer(`${token}x`).request('GET', '/api/v1/goals');
      await api.request('POST', '/api/v1/goals', '{"broken json');
      await api.request('POST', '/api/v1/auth/logout');
      await api.request('GET', '/api/v1/auth/me');
      const logged = [...spies, out, err]
        .flatMap((s) => s.mock.calls.map((c) => c.map(String).join(' ')))
        .join('\n');
      for (const s of secrets) expect(logged).not.toContain(s);
    } finally {
      for (const s of [...spies, out, err]) s.mockRestore();
    }
  });

  it('names the actor of every write in the audit trail: the user, or the token and its user', async () => {
    const pm = await world.as('portfolio');
    const viaSession = (await (
      await pm.request('POST', '/api/v1/goals', { name: 'Audited', weight: 1 })
    ).json()) as Json;
    const created = await newToken(pm, 'read-write', 'nightly-import');
    const viaToken = (await (
      await bearer(created.token).request('POST', '/api/v1/goals', { name: 'Audited by token', weight: 1 })
    ).json()) as Json;
    const [user] = await queryRows<{ id: string }>(
      store.db,
      sql`SELECT id FROM users WHERE email = 'portfolio@demo.test'`,
    );
    const audit = async (query: string) =>
      ((await (await pm.request('GET', `/api/v1/audit?${query}`)).json()) as { items: Json[] }).items;
    expect(await audit(`entityId=${viaSession.id}`)).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'goals',
        actorType: 'user',
        actorId: user!.id,
        actorName: 'portfolio@demo.test',
      }),
    ]);
    expect(await audit(`entityId=${viaToken.id}`)).toEqual([
      expect.objectContaining({
        actorType: 'token',
        actorId: created.id,
        actorName: 'portfolio@demo.test (token nightly-import)',
      }),
    ]);
    // Filters: by actor, and by entity + action.
    const byToken = await audit(`actorId=${created.id}`);
    expect(byToken.map((e) => e.entityId)).toEqual([viaToken.id]);
    const goalsCreated = await audit('entity=goals&action=create&limit=500');
    expect(goalsCreated.length).toBeGreaterThanOrEqual(2);
    expect(goalsCreated.every((e) => e.entity === 'goals' && e.action === 'create')).toBe(true);
    expect((await pm.request('GET', '/api/v1/audit?nonsense=1')).status).toBe(400);
    for (const role of ['product', 'contributor', 'viewer'] as const) {
      expect((await (await world.as(role)).request('GET', '/api/v1/audit')).status).toBe(403);
    }
  });

  it('lets a user who belongs to two organizations switch between them', async () => {
    await addUser(store, world.otherOrgId, { email: 'admin@demo.test', role: 'viewer' });
    const api = clientFor(world.app, await signIn(world.app, 'admin@demo.test'));
    const me = (await (await api.request('GET', '/api/v1/auth/me')).json()) as {
      orgId: string;
      role: string;
      organizations: { orgId: string; role: string }[];
    };
    expect(me.orgId).toBe(world.orgId);
    expect(me.role).toBe('admin');
    expect(me.organizations.map((o) => [o.orgId, o.role]).sort()).toEqual(
      [
        [world.orgId, 'admin'],
        [world.otherOrgId, 'viewer'],
      ].sort(),
    );
    const otherProducts = await queryRows<{ id: string }>(
      store.db,
      sql`SELECT id FROM products WHERE org_id = ${world.otherOrgId} ORDER BY id`,
    );
    const sw = await api.request('POST', '/api/v1/auth/switch-org', { orgId: 'other' });
    expect(await sw.json()).toEqual({ orgId: world.otherOrgId, role: 'viewer' });
    const listed = (await (await api.request('GET', '/api/v1/products?limit=500')).json()) as {
      items: Json[];
    };
    expect(listed.items.map((p) => p.id).sort()).toEqual(otherProducts.map((p) => p.id));
    expect((await api.request('POST', '/api/v1/goals', { name: 'viewer here', weight: 1 })).status).toBe(403);
    // One request in the other organization without switching: the X-Sextant-Org header.
    const demoMe = (await (
      await api.request('GET', '/api/v1/auth/me', undefined, { 'x-sextant-org': 'demo' })
    ).json()) as { role: string };
    expect(demoMe.role).toBe('admin');
    expect((await api.request('POST', '/api/v1/auth/switch-org', { orgId: world.orgId })).status).toBe(200);
    expect(((await (await api.request('GET', '/api/v1/auth/me')).json()) as { role: string }).role).toBe(
      'admin',
    );
    const notMine = await (await world.as('viewer')).request('POST', '/api/v1/auth/switch-org', {
      orgId: 'other',
    });
    expect(notMine.status).toBe(404);
  });
});

import { createServer, type Server } from 'node:http';
import { Provider } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import { freePort } from '../support/postgresCluster.ts';
import { clientFor, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

const CLIENT_ID = 'sextant-test';
const CLIENT_SECRET = 'sso-client-secret-7f3a9c1e5b2d8a46';
const CALLBACK = 'http://localhost/api/v1/auth/sso/callback';

/** A real OpenID Connect provider on a free localhost port; its accounts are whatever login is typed. */
async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({
        sub: `sub-${id}`,
        email: id,
        email_verified: !id.startsWith('unverified'),
        name: `SSO ${id.split('@')[0]}`,
      }),
    }),
    cookies: { keys: ['oidc-test-cookie-key'] },
    pkce: { required: () => true },
  });
  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { issuer, server };
}

/**
 * Plays the browser at the provider with fetch: follows redirects, keeps its cookies, and submits the
 * provider's own sign-in and consent forms, until it is sent back to Sextant's callback.
 */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form?.toString(),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value.join('=') === '') jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
    form = undefined;
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url).href;
      if (next.startsWith(CALLBACK)) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    form = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'anything');
    }
  }
  throw new Error('too many steps at the provider');
}

describe.each(BACKENDS)('OpenID Connect single sign-on on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let provider: { issuer: string; server: Server };

  beforeAll(async () => {
    [store, provider] = await Promise.all([openTestStore(backend), startProvider()]);
    world = await demoWorld(store);
    const admin = await world.as('admin');
    const res = await admin.request('PUT', '/api/v1/auth/sso', {
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      defaultRole: 'contributor',
      allowedDomains: ['demo.test', 'newco.test'],
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });
  afterAll(async () => {
    provider.server.closeAllConnections();
    await new Promise((resolve) => provider.server.close(resolve));
    await store.close();
  });

  /** Start at Sextant, sign in at the provider, come back: the callback response. */
  async function ssoSignIn(login: string, slug = 'demo'): Promise<Response> {
    const start = await world.app.request(`http://localhost/api/v1/auth/sso/${slug}/start`);
    expect(start.status).toBe(302);
    const callback = await signInAtProvider(start.headers.get('location')!, login);
    return world.app.request(callback);
  }

  function sessionOf(res: Response) {
    const cookies = res.headers.getSetCookie();
    const csrf = cookies
      .find((c) => c.startsWith('sextant_csrf='))!
      .split(';')[0]!
      .split('=')[1]!;
    return { cookie: cookies.map((c) => c.split(';')[0]).join('; '), csrf };
  }

  it('keeps the client secret out of the API and of the audit trail', async () => {
    const admin = await world.as('admin');
    const res = await admin.request('GET', '/api/v1/auth/sso');
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(CLIENT_SECRET);
    expect(JSON.parse(text)).toMatchObject({
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      hasClientSecret: true,
      defaultRole: 'contributor',
    });
    const audit = await admin.request('GET', '/api/v1/audit?entity=sso-config');
    const trail = await audit.text();
    expect(JSON.parse(trail).items).toHaveLength(1);
    expect(trail).not.toContain(CLIENT_SECRET);
    for (const role of ['portfolio', 'product', 'contributor', 'viewer'] as const) {
      expect((await (await world.as(role)).request('GET', '/api/v1/auth/sso')).status).toBe(403);
    }
  });

  it('redirects to the provider with PKCE S256, state and nonce', async () => {
    const start = await world.app.request('http://localhost/api/v1/auth/sso/demo/start');
    expect(start.status).toBe(302);
    const to = new URL(start.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(to.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(to.searchParams.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    expect(to.searchParams.get('scope')).toContain('openid');
  });

  it('maps an existing user by email and keeps their role', async () => {
    const res = await ssoSignIn('viewer@demo.test');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/sextant_session=ses_[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const api = clientFor(world.app, sessionOf(res));
    const me = (await (await api.request('GET', '/api/v1/auth/me')).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ user: { email: 'viewer@demo.test' }, orgId: world.orgId, role: 'viewer' });
    // the same session works like a password session: reads yes, portfolio writes no
    expect((await api.request('GET', '/api/v1/products')).status).toBe(200);
    expect((await api.request('POST', '/api/v1/goals', { name: 'x' })).status).toBe(403);
  });

  it('creates a new user with the default role, and the next sign-in finds them', async () => {
    const res = await ssoSignIn('newcomer@newco.test');
    expect(res.status).toBe(302);
    const api = clientFor(world.app, sessionOf(res));
    const me = (await (await api.request('GET', '/api/v1/auth/me')).json()) as {
      user: { id: string; email: string };
      role: string;
    };
    expect(me.user.email).toBe('newcomer@newco.test');
    expect(me.role).toBe('contributor');
    expect((await api.request('POST', '/api/v1/feedback', { text: 'From an SSO user' })).status).toBe(201);
    const again = clientFor(world.app, sessionOf(await ssoSignIn('newcomer@newco.test')));
    const me2 = (await (await again.request('GET', '/api/v1/auth/me')).json()) as { user: { id: string } };
    expect(me2.user.id).toBe(me.user.id);
    const admin = await world.as('admin');
    const joined = (await (await admin.request('GET', '/api/v1/audit?action=sso_join')).json()) as {
      items: { actorName: string }[];
    };
    expect(joined.items.map((i) => i.actorName)).toEqual(['newcomer@newco.test']);
  });

  it('confines an SSO session to the organization whose provider vouched for the user', async () => {
    // admin+other@demo.test is a member of "other" only; the demo provider now signs them in to demo.
    const res = await ssoSignIn('admin+other@demo.test');
    const api = clientFor(world.app, sessionOf(res));
    const me = (await (await api.request('GET', '/api/v1/auth/me')).json()) as {
      orgId: string;
      role: string;
      organizations: { orgId: string }[];
    };
    expect(me.orgId).toBe(world.orgId);
    expect(me.role).toBe('contributor');
    expect(me.organizations.map((o) => o.orgId)).toEqual([world.orgId]);
    const sw = await api.request('POST', '/api/v1/auth/switch-org', { orgId: world.otherOrgId });
    expect(sw.status).toBe(404);
    const viaHeader = await api.request('GET', '/api/v1/auth/me', undefined, { 'x-sextant-org': 'other' });
    expect(viaHeader.status).toBe(401);
  });

  it('refuses a replayed callback, a domain not allowed, an unverified email and an unknown organization', async () => {
    const start = await world.app.request('http://localhost/api/v1/auth/sso/demo/start');
    const callback = await signInAtProvider(start.headers.get('location')!, 'contributor@demo.test');
    expect((await world.app.request(callback)).status).toBe(302);
    const replay = await world.app.request(callback);
    expect(replay.status).toBe(400);
    expect(replay.headers.getSetCookie()).toHaveLength(0);

    const outsider = await ssoSignIn('mallory@evil.test');
    expect(outsider.status).toBe(403);
    expect(((await outsider.json()) as { error: { message: string } }).error.message).toContain('evil.test');

    expect((await ssoSignIn('unverified@demo.test')).status).toBe(403);
    expect((await world.app.request('http://localhost/api/v1/auth/sso/other/start')).status).toBe(404);
    expect((await world.app.request('http://localhost/api/v1/auth/sso/nope/start')).status).toBe(404);
    const forged = await world.app.request(`${CALLBACK}?code=abc&state=forged-state-value`);
    expect(forged.status).toBe(400);
  });
});

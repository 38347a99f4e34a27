import type { Hono } from 'hono';
import { createApp } from '../../src/api/app.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demoCatalog.ts';
import { loadDemo } from '../../src/services/demo/loadDemo.ts';
import type { Store } from '../../src/store/database.ts';

/** A fixed "now" so the demo (and every figure computed from it) is the same on every run. */
export const DEMO_NOW = new Date('2026-11-23T12:00:00Z');

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Client {
  app: Hono;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Signs in through the real login route and returns the cookie and CSRF token to send. */
export async function signIn(app: Hono, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: cookies.join('; '), csrf: body.csrfToken };
}

/** A client that sends every request as the signed-in user (cookie + CSRF header). */
export function clientFor(app: Hono, session: Session | null): Client {
  return {
    app,
    async request(method, path, body, headers = {}) {
      return app.request(path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
  };
}

export interface DemoWorld {
  store: Store;
  app: Hono;
  orgId: string;
  otherOrgId: string;
  as(
    role: 'admin' | 'portfolio' | 'product' | 'contributor' | 'viewer',
    org?: 'demo' | 'other',
  ): Promise<Client>;
}

/** The demo organization plus a second one ("other") in the same store, for tenant-isolation tests. */
export async function demoWorld(store: Store, options: { other?: boolean } = {}): Promise<DemoWorld> {
  const demo = await loadDemo(store, { now: DEMO_NOW });
  const other =
    options.other === false ? undefined : await loadDemo(store, { now: DEMO_NOW, slug: 'other', seed: 7 });
  const app = createApp({ store });
  const sessions = new Map<string, Client>();
  return {
    store,
    app,
    orgId: demo.orgId,
    otherOrgId: other?.orgId ?? '',
    async as(role, org = 'demo') {
      const key = `${role}/${org}`;
      if (!sessions.has(key)) {
        const email = org === 'demo' ? `${role}@demo.test` : `${role}+other@demo.test`;
        sessions.set(key, clientFor(app, await signIn(app, email)));
      }
      return sessions.get(key)!;
    },
  };
}

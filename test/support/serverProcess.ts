import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { RunningServer } from './cli.ts';

/**
 * Helpers for tests that run real `sextant serve` processes (killed servers, two processes on one
 * PostgreSQL): a fresh store for them, and signing in over HTTP.
 */

export interface ServerAuth {
  cookie: string;
  csrf: string;
}

export async function signInTo(server: RunningServer, email = 'portfolio@demo.test'): Promise<ServerAuth> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'sextant-demo' }),
  });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf: csrfToken,
  };
}

/** A request to a running server as the signed-in user. */
export function call(
  server: RunningServer,
  auth: ServerAuth,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: auth.cookie,
      'x-csrf-token': auth.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const dirs: string[] = [];

/** Removes the data directories `serverStoreEnv` made (call in afterAll). */
export function removeServerStores(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/**
 * The environment of a server on a fresh store: a new PGlite data dir, or a new empty database on the
 * test cluster (with its URL, for checks made straight in SQL).
 */
export async function serverStoreEnv(
  backend: 'pglite' | 'postgres',
  prefix = 'srv',
): Promise<{ env: Record<string, string>; databaseUrl?: string }> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `sextant-${prefix}-`));
    dirs.push(dir);
    return { env: { SEXTANT_DATA_DIR: join(dir, 'data') } };
  }
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`);
  return { env: { DATABASE_URL: databaseUrl }, databaseUrl };
}

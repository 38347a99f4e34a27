import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../support/cli.ts';
import { freePort } from '../support/postgresCluster.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function signIn(server: RunningServer) {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'portfolio@demo.test', password: 'sextant-demo' }),
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

async function storeEnv(backend: 'pglite' | 'postgres'): Promise<Record<string, string>> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sextant-kill-'));
    dirs.push(dir);
    return { SEXTANT_DATA_DIR: join(dir, 'data') };
  }
  const name = `kill_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return { DATABASE_URL: inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`) };
}

/**
 * SIGKILL in the middle of a stream of acknowledged writes: after a restart every write the server
 * acknowledged (201) is there, the audit trail has one entry per write, and the store opens cleanly.
 */
describe.each(['pglite', 'postgres'] as const)('a server killed mid-stream on %s', (backend) => {
  it('loses no acknowledged write', async () => {
    const env = await storeEnv(backend);
    const port = await freePort();
    let server = await startServer(['--port', String(port)], env);
    let auth = await signIn(server);
    const acknowledged: string[] = [];
    let killed = false;
    const killer = setTimeout(() => {
      killed = true;
      process.kill(server.pid, 'SIGKILL');
    }, 2500);
    while (!killed) {
      try {
        const res = await fetch(`${server.url}/api/v1/goals`, {
          method: 'POST',
          headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `durable ${acknowledged.length}` }),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        break; // the connection died with the server
      }
    }
    clearTimeout(killer);
    await server.stop();
    expect(acknowledged.length).toBeGreaterThan(10);

    server = await startServer(['--port', String(port)], env);
    try {
      auth = await signIn(server);
      const present = new Set<string>();
      let cursor: string | null = null;
      do {
        const res = await fetch(`${server.url}/api/v1/goals?limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { cookie: auth.cookie },
        });
        const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
        for (const g of page.items) present.add(g.id);
        cursor = page.nextCursor;
      } while (cursor);
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
      const entries = new Set<string>();
      let auditCursor: string | null = null;
      do {
        const res = await fetch(
          `${server.url}/api/v1/audit?entity=goals&action=create&limit=500${auditCursor ? `&cursor=${auditCursor}` : ''}`,
          { headers: { cookie: auth.cookie } },
        );
        const page = (await res.json()) as { items: { entityId: string }[]; nextCursor: string | null };
        for (const e of page.items) entries.add(e.entityId);
        auditCursor = page.nextCursor;
      } while (auditCursor);
      expect(acknowledged.filter((id) => !entries.has(id))).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 240_000);
});

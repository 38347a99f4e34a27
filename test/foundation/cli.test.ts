import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runCli, startServer } from '../support/cli.ts';
import { freePort } from '../support/postgresCluster.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sextant-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function newPostgresDatabase(): Promise<string> {
  const name = `cli_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`);
}

async function login(url: string, email = 'viewer@demo.test') {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'sextant-demo' }),
  });
  expect(res.status).toBe(200);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf,
  };
}

describe('sextant serve on the embedded store', () => {
  it('loads the demo on first start, serves the 8 products, keeps data across a restart and guards its data dir', async () => {
    const dataDir = join(tempDir(), 'data');
    const port = await freePort();
    let server = await startServer(['--port', String(port)], { SEXTANT_DATA_DIR: dataDir });
    try {
      expect(server.output()).toContain('admin@demo.test');
      expect(server.output()).toMatch(/demo/i);
      let auth = await login(server.url);
      const products = (await (
        await fetch(`${server.url}/api/v1/products`, { headers: { cookie: auth.cookie } })
      ).json()) as {
        items: unknown[];
      };
      expect(products.items).toHaveLength(8);

      const pm = await login(server.url, 'portfolio@demo.test');
      const created = await fetch(`${server.url}/api/v1/goals`, {
        method: 'POST',
        headers: { cookie: pm.cookie, 'x-csrf-token': pm.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Survives restarts' }),
      });
      expect(created.status).toBe(201);

      // A second process aimed at the same data dir is refused clearly and changes nothing.
      const second = runCli(['migrate'], { SEXTANT_DATA_DIR: dataDir });
      expect(second.status).toBe(2);
      expect(second.stderr).toContain('in use by process');
      expect(second.stderr).toContain(`http://localhost:${port}`);

      await server.stop();
      server = await startServer(['--port', String(port)], { SEXTANT_DATA_DIR: dataDir });
      auth = await login(server.url);
      const goals = (await (
        await fetch(`${server.url}/api/v1/goals?limit=500`, { headers: { cookie: auth.cookie } })
      ).json()) as {
        items: { name: string }[];
      };
      expect(goals.items.map((g) => g.name)).toContain('Survives restarts');
    } finally {
      await server.stop();
    }
  }, 240_000);
});

describe.each(['pglite', 'postgres'] as const)('export and import on %s', (backend) => {
  it('export → import into an empty store → export gives identical JSON', async () => {
    const dir = tempDir();
    const source: Record<string, string> =
      backend === 'pglite'
        ? { SEXTANT_DATA_DIR: join(dir, 'a') }
        : { DATABASE_URL: await newPostgresDatabase() };
    const target: Record<string, string> =
      backend === 'pglite'
        ? { SEXTANT_DATA_DIR: join(dir, 'b') }
        : { DATABASE_URL: await newPostgresDatabase() };
    const demo = runCli(['demo', '--seed', '11'], source);
    expect(demo.status, demo.stderr).toBe(0);
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    const exported = runCli(['export', first], source);
    expect(exported.status, exported.stderr).toBe(0);
    const imported = runCli(['import', first], target);
    expect(imported.status, imported.stderr).toBe(0);
    const again = runCli(['export', second], target);
    expect(again.status, again.stderr).toBe(0);
    const a = readFileSync(first, 'utf8');
    expect(a.length).toBeGreaterThan(1_000_000);
    expect(readFileSync(second, 'utf8')).toBe(a);
    const parsed = JSON.parse(a) as { tables: Record<string, unknown[]> };
    expect(parsed.tables.features).toHaveLength(400);
    expect(parsed.tables.feedback).toHaveLength(6000);
    expect(a).not.toContain('argon2');

    // Importing again into a non-empty store, or a damaged file anywhere, is refused and writes nothing.
    const twice = runCli(['import', first], target);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('empty store');
    const broken = join(dir, 'broken.json');
    const damaged = JSON.parse(a) as { tables: Record<string, Record<string, unknown>[]> };
    damaged.tables.feedback![5999]!.customerId = '00000000-0000-4000-8000-000000000000';
    writeFileSync(broken, JSON.stringify(damaged));
    const fresh: Record<string, string> =
      backend === 'pglite'
        ? { SEXTANT_DATA_DIR: join(dir, 'c') }
        : { DATABASE_URL: await newPostgresDatabase() };
    const bad = runCli(['import', broken], fresh);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('rolled back');
    const empty = runCli(['export', join(dir, 'none.json')], fresh);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no organization');
  }, 300_000);
});

describe('CLI errors', () => {
  it('says clearly what is wrong and exits non-zero', async () => {
    const dir = tempDir();
    const scale = runCli(['demo', '--scale', 'ten'], { SEXTANT_DATA_DIR: join(dir, 'x') });
    expect(scale.status).toBe(2);
    expect(scale.stderr).toContain('--scale');
    const missing = runCli(['import', join(dir, 'nope.json')], { SEXTANT_DATA_DIR: join(dir, 'y') });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const badUrl = runCli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toContain('PostgreSQL');
  }, 120_000);
});

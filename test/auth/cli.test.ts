import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { BACKENDS, openTestStore, storeUrl } from '../support/testStore.ts';

const BIN = new URL('../../bin/sextant.js', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sextant(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, SEXTANT_PASSWORD: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `sextant user …` and `sextant token create` against a data dir (PGlite) or a PostgreSQL database. */
// Each command is a fresh Node process (tsx + store open + argon2): allow for a loaded machine.
const SLOW = 150_000;

describe.each(BACKENDS)('user and token CLI on %s', (backend) => {
  let where: string[];
  let dir: string;
  let pgStore: Store | undefined;

  /** Opens the CLI's store in this process (after the CLI has exited: PGlite admits one process). */
  async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const store = pgStore ?? (await openStore({ dataDir: join(dir, 'data') }));
    try {
      return await fn(store);
    } finally {
      if (!pgStore) await store.close();
    }
  }
  const login = (store: Store, email: string, password: string) =>
    createApp({ store }).request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sextant-cli-auth-'));
    if (backend === 'postgres') {
      pgStore = await openTestStore('postgres');
      where = ['--database-url', storeUrl(pgStore)!];
    } else {
      where = ['--data-dir', join(dir, 'data')];
    }
    const demo = await sextant(['demo', ...where]);
    expect(demo.code, demo.stderr).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await pgStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'adds a user, lists them, resets their password',
    async () => {
      const add = await sextant([
        'user',
        'add',
        '--email',
        'Newbie@Demo.test',
        '--role',
        'contributor',
        '--password',
        'first-password-1',
        ...where,
      ]);
      expect(add.code, add.stderr).toBe(0);
      expect(add.stdout).toBe('created newbie@demo.test as contributor in demo\n');

      const list = await sextant(['user', 'list', '--json', ...where]);
      expect(list.code, list.stderr).toBe(0);
      const users = JSON.parse(list.stdout) as { email: string; role: string; organization: string }[];
      expect(users.find((u) => u.email === 'newbie@demo.test')).toMatchObject({
        role: 'contributor',
        organization: 'demo',
      });
      expect(
        users
          .filter((u) => u.organization === 'demo')
          .map((u) => u.role)
          .sort(),
      ).toEqual(
        ['admin', 'contributor', 'contributor', 'portfolio_manager', 'product_manager', 'viewer'].sort(),
      );
      const text = await sextant(['user', 'list', '--org', 'demo', ...where]);
      expect(text.stdout).toMatch(/^demo\s+newbie@demo\.test\s+contributor$/m);
      expect(text.stdout).not.toMatch(/argon2|password/i);

      const reset = await sextant(['user', 'reset-password', '--email', 'newbie@demo.test', ...where], {
        SEXTANT_PASSWORD: 'second-password-2',
      });
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout).toBe('password reset for newbie@demo.test\n');
      await withStore(async (store) => {
        expect((await login(store, 'newbie@demo.test', 'first-password-1')).status).toBe(401);
        expect((await login(store, 'newbie@demo.test', 'second-password-2')).status).toBe(200);
      });
    },
    SLOW,
  );

  it(
    'refuses a bad role, a short password and an unknown user with one clear line and a non-zero exit',
    async () => {
      const role = await sextant([
        'user',
        'add',
        '--email',
        'x@demo.test',
        '--role',
        'boss',
        '--password',
        'long-enough-pw',
        ...where,
      ]);
      expect(role.code).toBe(2);
      expect(role.stderr).toBe(
        'sextant: unknown role "boss"; use one of admin, portfolio_manager, product_manager, contributor, viewer\n',
      );
      const short = await sextant([
        'user',
        'add',
        '--email',
        'x@demo.test',
        '--role',
        'viewer',
        '--password',
        'short',
        ...where,
      ]);
      expect(short.code).toBe(2);
      expect(short.stderr).toMatch(/^sextant: passwords need 10 to 256 characters\n$/);
      const nobody = await sextant([
        'user',
        'reset-password',
        '--email',
        'ghost@demo.test',
        '--password',
        'long-enough-pw',
        ...where,
      ]);
      expect(nobody.code).toBe(2);
      expect(nobody.stderr).toContain('no user with email ghost@demo.test');
      const scope = await sextant([
        'token',
        'create',
        '--user',
        'viewer@demo.test',
        '--scope',
        'write',
        ...where,
      ]);
      expect(scope.code).toBe(2);
      expect(scope.stderr).toContain('unknown scope "write"');
    },
    SLOW,
  );

  it(
    'creates a token printed once on stdout, which works as a bearer token with its scope',
    async () => {
      const run = await sextant([
        'token',
        'create',
        '--user',
        'portfolio@demo.test',
        '--scope',
        'read',
        ...where,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^sxt_[A-Za-z0-9_-]{43}\n$/);
      const token = run.stdout.trim();
      expect(run.stderr).not.toContain(token);
      expect(run.stderr).toMatch(/shown only this once/);
      await withStore(async (store) => {
        const app = createApp({ store });
        const auth = { authorization: `Bearer ${token}` };
        expect((await app.request('/api/v1/goals', { headers: auth })).status).toBe(200);
        const write = await app.request('/api/v1/goals', {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'no', weight: 1 }),
        });
        expect(write.status).toBe(403);
      });
    },
    SLOW,
  );
});

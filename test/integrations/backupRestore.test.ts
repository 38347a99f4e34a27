import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type CliResult, runCli } from '../support/cli.ts';
import type { Backend } from '../support/testStore.ts';

/** A fresh, migrated, empty store for the CLI: a PGlite data dir, or a new database from the template. */
async function freshStore(backend: Backend, dir: string, name: string): Promise<string[]> {
  if (backend === 'pglite') return ['--data-dir', join(dir, name)];
  const db = `b_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  return ['--database-url', inject('pgAdminUrl').replace(/\/postgres$/, `/${db}`)];
}

const ok = (r: CliResult) => {
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
};

/**
 * `sextant backup` / `sextant restore` of the whole store through the real CLI: two organizations
 * restored into a fresh store export byte for byte the same; a damaged backup restores nothing.
 */
describe.each(['pglite', 'postgres'] as const)('backup and restore on %s', (backend) => {
  let dir: string;
  let source: string[];
  const file = () => join(dir, 'store.backup');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sextant-backup-'));
    source = await freshStore(backend, dir, 'source');
    ok(runCli(['demo', ...source]));
    ok(runCli(['demo', '--slug', 'other', '--seed', '7', ...source]));
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restores everything into a fresh store: every organization exports identically', async () => {
    ok(runCli(['backup', file(), ...source]));
    const target = await freshStore(backend, dir, 'target');
    const r = ok(runCli(['restore', file(), ...target]));
    expect(r.stdout).toMatch(/restored \d+ rows of \d+ tables/);
    for (const org of ['demo', 'other']) {
      const a = join(dir, `${org}-source.json`);
      const b = join(dir, `${org}-target.json`);
      ok(runCli(['export', a, '--org', org, ...source]));
      ok(runCli(['export', b, '--org', org, ...target]));
      expect(readFileSync(b).equals(readFileSync(a)), `${org} export differs after restore`).toBe(true);
    }
    // Users and their passwords came along: a member can still sign in with the demo password.
    const users = runCli(['user', 'list', '--org', 'demo', ...target]);
    expect(users.stdout + users.stderr).toContain('portfolio@demo.test');

    // A store with data is refused without --force.
    const again = runCli(['restore', file(), ...target]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('not empty');
    ok(runCli(['restore', file(), '--force', ...target]));
  }, 600_000);

  it('restores nothing from a damaged backup, with a clear error', async () => {
    const good = readFileSync(file());
    const lines = gunzipSync(good).toString('utf8').split('\n');
    // A row changed inside an intact gzip: only the checksum can tell.
    const i = lines.findIndex((l) => l.includes('"portfolio@demo.test"'));
    const edited = [...lines];
    edited[i] = edited[i]!.replace('portfolio@demo.test', 'mallory@evil.test');
    const cases: Record<string, Buffer> = {
      truncated: good.subarray(0, Math.floor(good.length * 0.6)),
      corrupted: Buffer.concat([good.subarray(0, 2000), Buffer.from('garbage!'), good.subarray(2008)]),
      edited: gzipSync(edited.join('\n')),
      'cut before the footer': gzipSync(lines.slice(0, -2).join('\n')),
      'not a backup': Buffer.from('{"hello":"world"}\n'),
    };
    // One empty store takes every damaged file in turn: if any wrote something, the next checks would see it.
    const target = await freshStore(backend, dir, 'damaged');
    for (const [what, bytes] of Object.entries(cases)) {
      const path = join(dir, `${what.replace(/ /g, '-')}.backup`);
      writeFileSync(path, bytes);
      const r = runCli(['restore', path, ...target]);
      expect(r.status, `${what}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr, what).toMatch(/damaged|not a Sextant backup/);
      // Nothing was written: the store is still empty (a demo can load into it).
      const users = runCli(['user', 'list', '--org', 'demo', ...target]);
      expect(users.stdout, what).not.toContain('portfolio@demo.test');
    }
    // …and the good file still restores into it.
    ok(runCli(['restore', file(), ...target]));
    // A damaged backup with --force leaves the existing store as it was.
    const damaged = join(dir, 'edited.backup');
    const r = runCli(['restore', damaged, '--force', ...source]);
    expect(r.status).toBe(2);
    const a = join(dir, 'demo-after.json');
    ok(runCli(['export', a, '--org', 'demo', ...source]));
    expect(readFileSync(a).equals(readFileSync(join(dir, 'demo-source.json')))).toBe(true);
  }, 600_000);
});

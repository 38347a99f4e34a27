import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/services/demo/loadDemo.ts';
import { runCli } from '../support/cli.ts';
import { DEMO_NOW } from '../support/testApp.ts';
import { BACKENDS, openTestStore, storeUrl } from '../support/testStore.ts';

const BAD = 'Issue key,Summary,Status\nA-1,Fine,Done\nA-2,,Done\nA-3,Odd,Sideways\n';
const GOOD = 'Key,Title of it,Status\nB-1,From the CLI,Done\nB-2,Also from the CLI,To Do\n';

describe.each(BACKENDS)('sextant import csv on %s', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-csv-'));
  let env: Record<string, string>;

  beforeAll(async () => {
    if (backend === 'postgres') {
      const store = await openTestStore('postgres');
      await loadDemo(store, { now: DEMO_NOW });
      env = { DATABASE_URL: storeUrl(store)! };
      await store.close();
    } else {
      env = { SEXTANT_DATA_DIR: join(dir, 'data') };
      expect(runCli(['demo'], env).status).toBe(0);
    }
    writeFileSync(join(dir, 'bad.csv'), BAD);
    writeFileSync(join(dir, 'good.csv'), GOOD);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports every bad row and imports nothing, then imports a good file with --map', () => {
    const bad = runCli(
      ['import', 'csv', join(dir, 'bad.csv'), '--kind', 'jira', '--product', 'lumen-analytics'],
      env,
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('row 2 (line 3), column "Summary": title is required');
    expect(bad.stdout).toMatch(/row 3 \(line 4\), column "Status": unknown value "Sideways"/);
    expect(bad.stderr).toContain('nothing was imported');

    const good = runCli(
      [
        'import',
        'csv',
        join(dir, 'good.csv'),
        '--kind',
        'jira',
        '--product',
        'lumen-analytics',
        '--map',
        'Title of it=title',
        '--json',
      ],
      env,
    );
    expect(good.status, good.stderr).toBe(0);
    const report = JSON.parse(good.stdout) as {
      imported: number;
      errors: unknown[];
      ignoredColumns: string[];
    };
    expect(report).toMatchObject({ imported: 2, errors: [], ignoredColumns: ['Key'] });
  });

  it('still reads `sextant import <file>` as a whole-organization JSON import', () => {
    const r = runCli(['import', join(dir, 'missing.json')], env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('as JSON');
  });
});

/**
 * Time to load the demo portfolio at --scale N on each backend (embedded PGlite and a PostgreSQL
 * server), with a baseline measured in the same run: psql's own \copy of the very same rows as CSV
 * into an identical empty database. The ratio shows what Sextant's generator + loader add over raw COPY.
 *
 *   node --import tsx bench/load-demo.ts [--scale 100]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { generateDemo } from '../src/services/demo/demoPortfolio.ts';
import { loadDemo } from '../src/services/demo/loadDemo.ts';
import { openStore } from '../src/store/database.ts';
import { ORG_TABLES } from '../src/store/orgTables.ts';
import { startPostgresCluster } from '../test/support/postgresCluster.ts';

const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 100;
const NOW = new Date('2026-11-23T12:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'sextant-bench-load-'));
const results: { backend: string; what: string; rows: number; seconds: number }[] = [];

function csv(value: unknown, col: PgColumn): string {
  if (value === null || value === undefined) return '';
  let t: string;
  if (value instanceof Date) t = value.toISOString();
  else if (col.columnType === 'PgArray') t = `{${(value as unknown[]).join(',')}}`;
  else if (col.columnType === 'PgJsonb') t = JSON.stringify(value);
  else t = String(value);
  return `"${t.replace(/"/g, '""')}"`;
}

async function main() {
  console.log(`load-demo benchmark, --scale ${scale}, ${new Date().toISOString()}`);

  // Embedded store.
  {
    const dir = join(work, 'pglite');
    mkdirSync(dir);
    const store = await openStore({ dataDir: dir });
    const t0 = performance.now();
    const r = await loadDemo(store, { scale, now: NOW });
    results.push({
      backend: 'PGlite',
      what: 'sextant demo (generate + COPY)',
      rows: r.rows,
      seconds: (performance.now() - t0) / 1000,
    });
    await store.close();
  }

  // PostgreSQL server: Sextant vs psql \copy of the same rows.
  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE sextant_load');
    await admin.query('CREATE DATABASE psql_load');
    await admin.end();

    const store = await openStore({ databaseUrl: cluster.url('sextant_load') });
    const t0 = performance.now();
    const r = await loadDemo(store, { scale, now: NOW });
    results.push({
      backend: 'PostgreSQL 15',
      what: 'sextant demo (generate + COPY)',
      rows: r.rows,
      seconds: (performance.now() - t0) / 1000,
    });
    await store.close();

    // Baseline: the same rows written to CSV files beforehand, loaded by psql's \copy in one transaction.
    const base = await openStore({ databaseUrl: cluster.url('psql_load') });
    await base.close();
    const orgId = '00000000-0000-4000-8000-000000000001';
    const rows = generateDemo({ orgId, seed: 42, scale, now: NOW, productOwnerId: null });
    const script: string[] = ['BEGIN;'];
    const orgCsv = join(work, 'organizations.csv');
    writeFileSync(orgCsv, `"${orgId}","bench","Bench","{}",1,"${NOW.toISOString()}"\n`);
    script.push(
      `\\copy organizations (id, slug, name, settings, version, created_at) FROM '${orgCsv}' WITH (FORMAT csv)`,
    );
    let total = 1;
    for (const { key, table } of ORG_TABLES) {
      const list = rows[key] ?? [];
      if (list.length === 0) continue;
      const cols = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(
        ([, c]) => !(c as unknown as { generated?: unknown }).generated,
      );
      const file = join(work, `${key}.csv`);
      writeFileSync(
        file,
        `${list.map((row) => cols.map(([p, c]) => csv(row[p], c)).join(',')).join('\n')}\n`,
      );
      script.push(
        `\\copy ${getTableName(table)} (${cols.map(([, c]) => c.name).join(', ')}) FROM '${file}' WITH (FORMAT csv)`,
      );
      total += list.length;
    }
    script.push('COMMIT;');
    const sqlFile = join(work, 'load.sql');
    writeFileSync(sqlFile, script.join('\n'));
    const t1 = performance.now();
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', cluster.url('psql_load'), '-f', sqlFile], {
      stdio: 'pipe',
    });
    results.push({
      backend: 'PostgreSQL 15',
      what: 'baseline: psql \\copy of the same rows',
      rows: total,
      seconds: (performance.now() - t1) / 1000,
    });
  } finally {
    cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }

  console.log('\n| backend | what | rows | seconds | rows/s |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.backend} | ${r.what} | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(2)} | ${Math.round(r.rows / r.seconds).toLocaleString('en')} |`,
    );
  }
  const ours = results.find((r) => r.backend === 'PostgreSQL 15' && r.what.startsWith('sextant'))!;
  const copy = results.find((r) => r.what.startsWith('baseline'))!;
  console.log(
    `\nSextant on PostgreSQL / psql \\copy: ${(ours.seconds / copy.seconds).toFixed(2)}× (includes generating the data)`,
  );
}

await main();

/**
 * CSV import at scale on PostgreSQL: N generic feedback rows (default 1,000,000) with customer names to
 * match, imported through the real path (`sextant import csv --kind feedback`, a separate process that
 * streams the file, validates every row, matches customers and commits all or nothing), against a
 * baseline measured in the same run: psql's `\copy` of the same rows — customers already resolved to ids —
 * into the same table of an identical database.
 *
 *   node --import tsx bench/import.ts [--rows 1000000]
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadDemo } from '../src/services/demo/loadDemo.ts';
import { openStore } from '../src/store/database.ts';
import { queryRows } from '../src/store/queryRows.ts';
import { startPostgresCluster } from '../test/support/postgresCluster.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('--rows', 1_000_000);
const NOW = new Date('2026-11-23T12:00:00Z');
const BIN = fileURLToPath(new URL('../bin/sextant.js', import.meta.url));
const SOURCES = ['sales', 'support', 'portal', 'interview', 'survey', 'other'];
const work = mkdtempSync(join(tmpdir(), 'sextant-bench-import-'));

/** Deterministic pseudo-random numbers (mulberry32), so every run imports the same file. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function writeLines(path: string, lines: (i: number) => string, header?: string) {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  if (header) await write(`${header}\n`);
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    chunk += `${lines(i)}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}

async function main() {
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(`import benchmark: ${ROWS.toLocaleString('en')} feedback rows, ${new Date().toISOString()}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average at start ${load}`);
  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    for (const db of ['sextant_import', 'psql_import']) await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    // The same demo organization (same seed and date: the same ids) in both databases.
    let customers: { id: string; name: string; segmentId: string | null }[] = [];
    let orgId = '';
    for (const db of ['sextant_import', 'psql_import']) {
      const store = await openStore({ databaseUrl: cluster.url(db) });
      const demo = await loadDemo(store, { now: NOW });
      orgId = demo.orgId;
      // Names two customers share would be refused as ambiguous: use the unique ones.
      customers = await queryRows(
        store.db,
        sql`SELECT min(id::text) AS id, name, min(segment_id::text) AS "segmentId" FROM customers
            WHERE org_id = ${demo.orgId} GROUP BY name HAVING count(*) = 1 ORDER BY name`,
      );
      await store.close();
    }

    const random = rng(9);
    const picks = Array.from({ length: ROWS }, () => {
      const r = random();
      return {
        customer: r < 0.2 ? -1 : Math.floor(random() * customers.length),
        source: Math.floor(r * 60) % SOURCES.length,
      };
    });
    const text = (i: number) =>
      `Request ${i}: export dashboards to PDF with the company's logo, "quoted", and, commas`;
    const why = (i: number) => (i % 3 === 0 ? 'Auditors ask for it every quarter' : '');
    const csvFile = join(work, 'feedback.csv');
    await writeLines(
      csvFile,
      (i) => {
        const p = picks[i]!;
        const c = p.customer < 0 ? '' : quote(customers[p.customer]!.name);
        return `${quote(text(i))},${quote(why(i))},${c},${SOURCES[p.source]}`;
      },
      'Feedback,Why,Customer,Source',
    );
    // The baseline's input: the same rows, customer names already resolved to ids (and their segments).
    const copyFile = join(work, 'feedback-resolved.csv');
    await writeLines(copyFile, (i) => {
      const p = picks[i]!;
      const c = p.customer < 0 ? undefined : customers[p.customer]!;
      return `${orgId},${quote(text(i))},${quote(why(i))},${SOURCES[p.source]},${c?.id ?? ''},${c?.segmentId ?? ''}`;
    });
    console.log(`CSV file: ${(statSync(csvFile).size / 1e6).toFixed(1)} MB`);

    const t0 = performance.now();
    const out = execFileSync(
      process.execPath,
      [
        BIN,
        'import',
        'csv',
        csvFile,
        '--kind',
        'feedback',
        '--org',
        'demo',
        '--json',
        '--database-url',
        cluster.url('sextant_import'),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const ours = (performance.now() - t0) / 1000;
    const report = JSON.parse(out) as { imported: number; errors: unknown[] };
    if (report.imported !== ROWS || report.errors.length > 0) throw new Error(`import: ${out.slice(0, 500)}`);

    const t1 = performance.now();
    execFileSync(
      'psql',
      [
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-d',
        cluster.url('psql_import'),
        '-c',
        `\\copy feedback (org_id, text, why, source, customer_id, segment_id) FROM '${copyFile}' WITH (FORMAT csv)`,
      ],
      { stdio: 'pipe' },
    );
    const copy = (performance.now() - t1) / 1000;

    for (const db of ['sextant_import', 'psql_import']) {
      const c = new pg.Client({ connectionString: cluster.url(db) });
      await c.connect();
      const r = await c.query(
        `SELECT count(*)::int AS n, count(customer_id)::int AS matched FROM feedback WHERE text LIKE 'Request %'`,
      );
      await c.end();
      console.log(`${db}: ${r.rows[0].n} rows, ${r.rows[0].matched} matched to a customer`);
    }
    console.log('\n| what | rows | seconds | rows/s |');
    console.log('|---|---:|---:|---:|');
    const row = (what: string, s: number) =>
      console.log(
        `| ${what} | ${ROWS.toLocaleString('en')} | ${s.toFixed(2)} | ${Math.round(ROWS / s).toLocaleString('en')} |`,
      );
    row('`sextant import csv --kind feedback` (stream, validate, match customers, one transaction)', ours);
    row('baseline: psql `\\copy` of the same rows, customers resolved', copy);
    console.log(`\nsextant import / psql \\copy: ${(ours / copy).toFixed(2)}× (target ≤ 3×)`);
    console.log(
      `load average at end ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

/**
 * API load benchmark: a real `sextant serve` process on PostgreSQL with the demo portfolio at --scale N,
 * autocannon against the read endpoints people open most (dashboard, ranked backlog, feedback search,
 * roadmap, saved scenarios). Baseline measured in the same run: the very SQL each endpoint issues
 * (captured from the service itself, then replayed with a plain pg client), so p50 / SQL p50 shows what
 * Sextant adds over its own queries. The server's RSS is sampled every second to show memory stays flat.
 *
 *   node --import tsx bench/api.ts [--scale 100] [--duration 60] [--connections 50]
 *   node --import tsx bench/api.ts --quick            (--scale 10 --duration 10)
 *   node --import tsx bench/api.ts --database-url postgres://…   (reuse a database that holds the demo)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createToken } from '../src/services/auth/tokens.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { getPortfolioDashboard } from '../src/services/dashboard/portfolioDashboard.ts';
import { DEMO_USERS } from '../src/services/demo/demoCatalog.ts';
import { loadDemo } from '../src/services/demo/loadDemo.ts';
import { listEntities } from '../src/services/entities/entityService.ts';
import { entity } from '../src/services/entities/registry.ts';
import { findOrganization } from '../src/services/organizations.ts';
import { featureRanking } from '../src/services/ranking/featureRanking.ts';
import { getRoadmapPage } from '../src/services/roadmap/roadmapPage.ts';
import {
  getScenario,
  listScenarios,
  saveScenario,
  scenarioExists,
} from '../src/services/scenarios/savedScenarios.ts';
import { openStore } from '../src/store/database.ts';
import { queryRows } from '../src/store/queryRows.ts';
import { memberships, users } from '../src/store/schema.ts';
import { startServer } from '../test/support/cli.ts';
import { startPostgresCluster } from '../test/support/postgresCluster.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('quick');
const SCALE = Number(option('scale') ?? (QUICK ? 10 : 100));
const DURATION = Number(option('duration') ?? (QUICK ? 10 : 60));
const CONNECTIONS = Number(option('connections') ?? 50);
const SQL_SAMPLES = Number(option('sql-samples') ?? (QUICK ? 15 : 40));
const P99_TARGET_MS = 100;

interface Endpoint {
  name: string;
  path: string;
  /** Calls what the route calls (its target and its service), so the SQL it issues can be captured. */
  service: (ctx: ServiceContext) => Promise<unknown>;
}

interface Captured {
  text: string;
  values?: unknown[];
  rowMode?: string;
}

/**
 * Records every query any pg client sends while `fn` runs (the pool's clients are pg.Client
 * instances, transactions included), so nothing a service issues is missed. Nothing else uses the
 * database meanwhile: the load has finished when this runs.
 */
async function captureQueries(fn: () => Promise<unknown>): Promise<Captured[]> {
  const seen: Captured[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args as [string | Record<string, unknown>, unknown];
    if (typeof first === 'string')
      seen.push({ text: first, values: Array.isArray(second) ? second : undefined });
    else
      seen.push({
        text: String(first.text),
        values: (Array.isArray(second) ? second : first.values) as unknown[] | undefined,
        rowMode: first.rowMode as string | undefined,
      });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** p50 over `samples` runs of the endpoint's captured queries, run one after another (summed). */
async function sqlP50(client: pg.Client, queries: Captured[], samples: number): Promise<number> {
  const run = async () => {
    const t0 = performance.now();
    for (const q of queries)
      await client.query({ text: q.text, values: q.values, rowMode: q.rowMode as 'array' });
    return performance.now() - t0;
  };
  await run(); // warm the plan and the buffers as the server's own warm-up does
  const times: number[] = [];
  // At least 5 samples; stop early after 20 s for endpoints whose SQL takes seconds.
  const until = performance.now() + 20_000;
  for (let i = 0; i < samples && (i < 5 || performance.now() < until); i++) times.push(await run());
  return percentile(times, 50);
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

/** CPU seconds of the PostgreSQL server: the postmaster and all its children (backends, writers). */
function postgresCpuSeconds(port: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const isPostmaster = cmd.includes(`-p\0${port}\0`);
      const parent = Number(stat.split(') ')[1]!.split(' ')[1]);
      const parentCmd = isPostmaster ? '' : readFileSync(`/proc/${parent}/cmdline`, 'utf8');
      if (isPostmaster || parentCmd.includes(`-p\0${port}\0`)) total += cpuSeconds(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Each captured query's own time (p50 of 5) and its text, slowest first: where an endpoint's SQL goes. */
async function profileQueries(client: pg.Client, queries: Captured[]) {
  const rows: { ms: number; text: string }[] = [];
  for (const q of queries) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await client.query({ text: q.text, values: q.values, rowMode: q.rowMode as 'array' });
      times.push(performance.now() - t0);
    }
    rows.push({ ms: percentile(times, 50), text: q.text.replace(/\s+/g, ' ').slice(0, 300) });
  }
  for (const r of rows.sort((a, b) => b.ms - a.ms)) console.log(`    ${r.ms.toFixed(1)} ms  ${r.text}`);
}

/**
 * Waits until the server has finished what it is still doing: requests autocannon timed out on keep
 * running on the server (nothing cancels them), and would otherwise be charged to the next endpoint.
 */
async function waitIdle(pid: number, maxMs = 600_000): Promise<void> {
  const until = Date.now() + maxMs;
  let last = cpuSeconds(pid);
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuSeconds(pid);
    if (now - last < 0.05) return;
    last = now;
  }
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function main() {
  const started = new Date();
  console.log(
    `api benchmark: --scale ${SCALE} --duration ${DURATION}s --connections ${CONNECTIONS}, ${cpus().length} cores (${cpus()[0]?.model}), ${started.toISOString()}`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  const given = option('database-url');
  const cluster = given ? undefined : await startPostgresCluster();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // An interrupted run must not leave a PostgreSQL cluster or a server behind.
    process.once(signal, () => {
      server?.stop('SIGKILL');
      cluster?.stop();
      process.exit(130);
    });
  }
  let databaseUrl = given;
  if (cluster) {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE sextant_bench');
    await admin.end();
    databaseUrl = cluster.url('sextant_bench');
  }
  const store = await openStore({ databaseUrl });
  try {
    let org = await findOrganization(store, 'demo');
    if (!org) {
      const t0 = performance.now();
      const r = await loadDemo(store, { scale: SCALE });
      console.log(
        `loaded demo ×${SCALE}: ${r.rows.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
      org = await findOrganization(store, 'demo');
    }
    const orgId = org!.id;
    // Fresh statistics, as autovacuum would have them on a long-running server.
    await queryRows(store.db, sql`ANALYZE`);

    const adminEmail = DEMO_USERS.find((u) => u.role === 'admin')!.email;
    const [admin] = await store.db
      .select({ id: users.id, name: users.name, role: memberships.role })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId)))
      .where(eq(users.email, adminEmail));
    const ctx: ServiceContext = {
      store,
      orgId,
      actor: {
        type: 'user',
        id: admin!.id,
        userId: admin!.id,
        name: admin!.name,
        role: admin!.role as ServiceContext['actor']['role'],
      },
      now: () => new Date(),
    };
    // One saved scenario to read back (the optimizer over the whole portfolio, default constraints).
    const scenario = await saveScenario(ctx, { name: 'bench scenario' });
    const token = (await createToken(store, orgId, admin!.id, { name: 'bench', scope: 'read' })).token;

    // Filter values that exist in the data: the largest segment, a customer with feedback, one source.
    const [pick] = await queryRows<{ segment_id: string; customer_id: string }>(
      store.db,
      sql`SELECT segment_id, customer_id FROM feedback WHERE org_id = ${orgId} AND customer_id IS NOT NULL
          GROUP BY segment_id, customer_id ORDER BY count(*) DESC, customer_id LIMIT 1`,
    );
    const feedbackDef = entity('feedback');
    const searchA = { q: 'auditors', segmentId: pick!.segment_id, source: 'support' };
    const searchB = { q: 'renewal', customerId: pick!.customer_id };
    const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();

    // Cheap reads first: requests the heavy ones leave running after autocannon gives up on them
    // must not be charged to the next endpoint (see waitIdle).
    const endpoints: Endpoint[] = [
      {
        name: 'feedback search q+segment+source',
        path: `/api/v1/feedback?${qs(searchA)}`,
        service: (c) => listEntities(c, feedbackDef, searchA),
      },
      {
        name: 'feedback search q+customer',
        path: `/api/v1/feedback?${qs(searchB)}`,
        service: (c) => listEntities(c, feedbackDef, searchB),
      },
      { name: 'scenarios list', path: '/api/v1/scenarios', service: (c) => listScenarios(c) },
      {
        name: 'scenario get',
        path: `/api/v1/scenarios/${scenario.id}`,
        service: async (c) => {
          await scenarioExists(c, scenario.id);
          return getScenario(c, scenario.id);
        },
      },
      { name: 'dashboard', path: '/api/v1/dashboard/portfolio', service: (c) => getPortfolioDashboard(c) },
      { name: 'backlog (portfolio, ranked)', path: '/api/v1/backlog', service: (c) => featureRanking(c, {}) },
      {
        name: 'roadmap (portfolio, quarters)',
        path: '/api/v1/roadmap',
        service: (c) => getRoadmapPage(c, {}),
      },
    ];

    server = await startServer(['--database-url', databaseUrl!, '--port', '0', '--no-demo'], {
      SEXTANT_PRINT_DEMO_LOGINS: '0',
      // One token drives every connection: the per-caller limit (100/s by default) would measure itself.
      SEXTANT_RATE_LIMIT: 'off',
    });
    const pid = server.pid;
    const pgPort = Number(new URL(databaseUrl!).port);
    const headers = { authorization: `Bearer ${token}` };
    const direct = new pg.Client({ connectionString: databaseUrl });
    await direct.connect();

    const rows: {
      name: string;
      /** The first request: computed from the database (cached reads are served from memory after it). */
      firstMs: number;
      p50: number;
      p99: number;
      rps: number;
      errors: number;
      requests: number;
      sqlP50: number;
      queries: number;
      bytes: number;
      serverCpuMs: number;
      pgCpuMs: number;
      loadCpuMs: number;
      /** Server RSS (KB) during this endpoint's load: 10 s in, at the end, and the highest sample. */
      rssWindow: { in: number; end: number; max: number };
    }[] = [];
    const rss: number[] = [rssKb(pid)];
    const loads: number[] = [];
    const sampler = setInterval(() => {
      rss.push(rssKb(pid));
      loads.push(loadavg()[0]!);
    }, 1000);
    try {
      // --only a,b: the endpoints whose name contains any of the comma-separated parts.
      const only = option('only')?.split(',');
      for (const ep of endpoints.filter((e) => !only || only.some((o) => e.name.includes(o)))) {
        await waitIdle(pid);
        // Warm-up: first requests compile plans and fill caches, as on any running server.
        let firstMs = 0;
        try {
          for (let i = 0; i < 3; i++) {
            const t0 = performance.now();
            const res = await fetch(server.url + ep.path, { headers, signal: AbortSignal.timeout(600_000) });
            if (res.status !== 200) throw new Error(`${ep.path}: ${res.status} ${await res.text()}`);
            await res.arrayBuffer();
            if (i === 0) firstMs = performance.now() - t0;
          }
        } catch (err) {
          // A server still buried under an earlier endpoint's abandoned requests: say so, go on.
          console.log(`  ${ep.name}: not measured (warm-up failed: ${(err as Error).message})`);
          continue;
        }
        const bytes = (
          await (
            await fetch(server.url + ep.path, { headers, signal: AbortSignal.timeout(600_000) })
          ).arrayBuffer()
        ).byteLength;
        const cpu0 = { server: cpuSeconds(pid), pg: postgresCpuSeconds(pgPort), bench: process.cpuUsage() };
        const rssFrom = rss.length;
        const result = await autocannon({
          url: server.url + ep.path,
          connections: CONNECTIONS,
          duration: DURATION,
          headers,
        });
        const window = rss.slice(rssFrom);
        const rssWindow = window.length
          ? {
              in: window[Math.min(10, window.length - 1)]!,
              end: window[window.length - 1]!,
              max: Math.max(...window),
            }
          : { in: Number.NaN, end: Number.NaN, max: Number.NaN };
        const served = Math.max(1, result.requests.total);
        const serverCpuMs = ((cpuSeconds(pid) - cpu0.server) * 1000) / served;
        const pgCpuMs = ((postgresCpuSeconds(pgPort) - cpu0.pg) * 1000) / served;
        const benchCpu = process.cpuUsage(cpu0.bench);
        const loadCpuMs = (benchCpu.user + benchCpu.system) / 1000 / served;
        const queries = await captureQueries(() => ep.service(ctx));
        const base = await sqlP50(direct, queries, SQL_SAMPLES);
        if (flag('profile')) await profileQueries(direct, queries);
        rows.push({
          name: ep.name,
          firstMs,
          p50: result.latency.p50,
          p99: result.latency.p99,
          rps: result.requests.average,
          errors: result.errors + result.timeouts + result.non2xx,
          requests: result.requests.total,
          sqlP50: base,
          queries: queries.length,
          bytes,
          serverCpuMs,
          pgCpuMs,
          loadCpuMs,
          rssWindow,
        });
        const r = rows[rows.length - 1]!;
        console.log(
          `  ${r.name}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps.toFixed(0)} req/s, ${r.errors} errors; SQL p50 ${r.sqlP50.toFixed(1)} ms (${r.queries} queries); CPU per request: server ${r.serverCpuMs.toFixed(1)} ms, PostgreSQL ${r.pgCpuMs.toFixed(1)} ms, autocannon ${r.loadCpuMs.toFixed(1)} ms; RSS ${(rssKb(pid) / 1024).toFixed(0)} MB; load ${loadavg()[0]!.toFixed(2)}`,
        );
      }
    } finally {
      clearInterval(sampler);
      await direct.end();
    }
    rss.push(rssKb(pid));

    console.log(`\nmachine: ${cpus().length} cores, ${cpus()[0]?.model}; Node ${process.version}`);
    console.log(
      `load average (1 min) during the run: min ${Math.min(...loads).toFixed(2)}, median ${percentile(loads, 50).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}; at end ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `\n| endpoint | first request ms | p50 ms | p99 ms | req/s | errors / requests | response KB | SQL p50 ms (queries) | p50 / SQL p50 | CPU ms / request: server + PostgreSQL + autocannon | server RSS MB under load: 10 s in → end (max) | p99 < ${P99_TARGET_MS} ms |`,
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${r.firstMs.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.rps.toFixed(0)} | ${r.errors} / ${r.requests} | ${(r.bytes / 1024).toFixed(1)} | ${r.sqlP50.toFixed(1)} (${r.queries}) | ${(r.p50 / Math.max(r.sqlP50, 0.01)).toFixed(1)}× | ${r.serverCpuMs.toFixed(1)} + ${r.pgCpuMs.toFixed(1)} + ${r.loadCpuMs.toFixed(1)} | ${(r.rssWindow.in / 1024).toFixed(0)} → ${(r.rssWindow.end / 1024).toFixed(0)} (${(r.rssWindow.max / 1024).toFixed(0)}) | ${r.p99 < P99_TARGET_MS ? 'yes' : 'no'} |`,
      );
    }
    const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
    console.log(
      `\nserver RSS: start ${mb(rss[0]!)}, end ${mb(rss[rss.length - 1]!)}, max ${mb(Math.max(...rss))} (${rss.length} samples, one per second)`,
    );
    const errors = rows.reduce((s, r) => s + r.errors, 0);
    console.log(`errors in total: ${errors}`);
  } finally {
    await server?.stop();
    await store.close();
    cluster?.stop();
  }
}

await main();

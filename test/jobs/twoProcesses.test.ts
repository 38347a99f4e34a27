import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/cli.ts';
import {
  call,
  removeServerStores,
  type ServerAuth,
  serverStoreEnv,
  signInTo,
} from '../support/serverProcess.ts';

type Json = Record<string, unknown>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two real `sextant serve` processes against one PostgreSQL: concurrent optimistic updates of the same
 * rows, and a batch of jobs shared between their workers.
 */
describe('two Sextant processes on one PostgreSQL', () => {
  let servers: RunningServer[] = [];
  let auths: ServerAuth[] = [];
  let db: pg.Client;

  beforeAll(async () => {
    const { env, databaseUrl } = await serverStoreEnv('postgres', 'two');
    const common = {
      ...env,
      SEXTANT_JOB_LEASE_SECONDS: '5',
      SEXTANT_JOB_POLL_MS: '100',
      SEXTANT_PRINT_DEMO_LOGINS: '0',
    };
    // The first loads the demo into the empty database; the second joins it.
    const a = await startServer(['--port', '0'], common);
    const b = await startServer(['--port', '0', '--no-demo'], common);
    servers = [a, b];
    auths = [await signInTo(a), await signInTo(b)];
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  }, 240_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all(servers.map((s) => s.stop()));
    removeServerStores();
  });

  /** Request number `i` goes to process i mod 2. */
  const via = (i: number, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    call(servers[i % 2]!, auths[i % 2]!, method, path, body, headers);

  const goal = async (id: string) => {
    const res = await via(0, 'GET', `/api/v1/goals/${id}`);
    return { ...((await res.json()) as { weight: number; version: number }), etag: res.headers.get('etag') };
  };

  it('same-version PATCHes through both processes: exactly one wins per version, the rest get 412', async () => {
    const ids: string[] = [];
    for (let g = 0; g < 4; g++) {
      const res = await via(g, 'POST', '/api/v1/goals', { name: `Race ${g}`, weight: 0 });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const winners = new Map<string, number[]>();
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        ids.map(async (id) => {
          const { version } = await goal(id);
          const attempts = await Promise.all(
            Array.from({ length: 8 }, async (_, k) => {
              const weight = round * 100 + k + 1;
              const res = await via(
                k,
                'PATCH',
                `/api/v1/goals/${id}`,
                { weight },
                { 'if-match': `"${version}"` },
              );
              return { status: res.status, weight };
            }),
          );
          const won = attempts.filter((x) => x.status === 200);
          expect(won, JSON.stringify(attempts)).toHaveLength(1);
          expect(attempts.filter((x) => x.status === 412)).toHaveLength(7);
          winners.set(id, [...(winners.get(id) ?? []), won[0]!.weight]);
          const after = await goal(id);
          expect(after.version).toBe(version + 1);
          expect(after.weight).toBe(won[0]!.weight);
        }),
      );
    }
    for (const id of ids) {
      const audit = await db.query(
        `SELECT after->>'weight' AS weight FROM audit_log WHERE entity_id = $1 AND action = 'update' ORDER BY id`,
        [id],
      );
      // One audit entry per successful update, in order, carrying the winner's value; none for a 412.
      expect(audit.rows.map((r) => Number(r.weight))).toEqual(winners.get(id));
    }
  }, 120_000);

  it('read-modify-write increments from both processes lose no update', async () => {
    const res = await via(0, 'POST', '/api/v1/goals', { name: 'Counter', weight: 0 });
    const { id, version: v0 } = (await res.json()) as { id: string; version: number };
    const perClient = 10;
    let conflicts = 0;
    // Four clients (two per process) each add 1 ten times, retrying on a stale version.
    await Promise.all(
      Array.from({ length: 4 }, async (_, c) => {
        for (let n = 0; n < perClient; n++) {
          for (;;) {
            const current = await call(servers[c % 2]!, auths[c % 2]!, 'GET', `/api/v1/goals/${id}`);
            const { weight, version } = (await current.json()) as { weight: number; version: number };
            const put = await call(
              servers[c % 2]!,
              auths[c % 2]!,
              'PATCH',
              `/api/v1/goals/${id}`,
              { weight: weight + 1 },
              { 'if-match': `"${version}"` },
            );
            if (put.status === 200) break;
            expect(put.status).toBe(412);
            conflicts++;
          }
        }
      }),
    );
    const final = await goal(id);
    expect(final.weight).toBe(4 * perClient);
    expect(final.version).toBe(v0 + 4 * perClient);
    const audit = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'update'`,
      [id],
    );
    expect(audit.rows[0].n).toBe(4 * perClient);
    // The race really happened (otherwise this test proves nothing).
    expect(conflicts).toBeGreaterThan(0);
  }, 120_000);

  it('runs each of a batch of jobs exactly once, shared between the two processes', async () => {
    const rowsPerImport = 40;
    const submitted: { id: string; kind: string; tag: string }[] = [];
    for (let k = 0; k < 12; k++) {
      const tag = `twoproc-${k}`;
      const body =
        k % 2 === 0
          ? {
              kind: 'import.csv',
              input: {
                kind: 'feedback',
                csv: ['Text', ...Array.from({ length: rowsPerImport }, (_, i) => `${tag} row ${i}`)].join(
                  '\n',
                ),
              },
            }
          : { kind: 'simulation', input: { trials: 100_000, seed: k } };
      const res = await via(k, 'POST', '/api/v1/jobs', body);
      expect(res.status).toBe(202);
      submitted.push({ id: ((await res.json()) as { id: string }).id, kind: body.kind, tag });
    }
    const final: Json[] = [];
    for (const [i, s] of submitted.entries()) {
      for (;;) {
        const job = (await (await via(i + 1, 'GET', `/api/v1/jobs/${s.id}`)).json()) as Json;
        if (['succeeded', 'failed', 'cancelled'].includes(job.status as string)) {
          final.push(job);
          break;
        }
        await sleep(100);
      }
    }
    expect(final.map((j) => [j.status, j.attempts])).toEqual(submitted.map(() => ['succeeded', 1]));
    // Executions, counted by what they left: each import's rows exactly once, one import audit entry each.
    for (const s of submitted.filter((x) => x.kind === 'import.csv')) {
      const rows = await db.query(`SELECT count(*)::int AS n FROM feedback WHERE text LIKE $1`, [
        `${s.tag} row %`,
      ]);
      expect(rows.rows[0].n, s.tag).toBe(rowsPerImport);
    }
    const audits = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'import'`);
    expect(audits.rows[0].n).toBe(6);
    for (const j of final.filter((x) => x.kind === 'simulation'))
      expect((j.result as { trials: number }).trials).toBe(100_000);
    const owners = await db.query(
      `SELECT lease_owner, count(*)::int AS n FROM jobs WHERE id = ANY($1) GROUP BY lease_owner`,
      [submitted.map((s) => s.id)],
    );
    const ran = owners.rows.map((r) => r.lease_owner as string);
    // Both processes took part (owner names carry each process's pid).
    expect(ran).toHaveLength(2);
    expect(ran.map((o) => Number(o.split(':')[1])).sort()).toEqual(servers.map((s) => s.pid).sort());
  }, 180_000);
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobWorker, startJobWorker } from '../../src/services/jobs/jobWorker.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type Json = Record<string, unknown>;
interface Job {
  id: string;
  kind: string;
  status: string;
  progress: { done: number; total: number | null; message: string | null };
  result: Json | null;
  error: { code: string; message: string } | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const FINISHED = ['succeeded', 'failed', 'cancelled'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Drops the wall-clock fields, the only ones two runs of the same input may differ in. */
function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['seconds', 'solveSeconds', 'elapsedSeconds', 'timeSeconds'].includes(k))
        .map(([k, v]) => [k, withoutTimings(v)]),
    );
  }
  return value;
}

describe.each(BACKENDS)('background jobs over the API on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let pm: Client;
  let worker: JobWorker | undefined;

  const jobCount = async () =>
    (await queryRows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM jobs`))[0]!.n;

  async function submit(api: Client, body: unknown): Promise<Job> {
    const res = await api.request('POST', '/api/v1/jobs', body);
    const text = await res.text();
    expect(res.status, text).toBe(202);
    return JSON.parse(text) as Job;
  }

  /** Polls the job until it finishes, keeping every progress value seen on the way. */
  async function waitFor(api: Client, id: string, seen: Job['progress'][] = []): Promise<Job> {
    for (let i = 0; i < 1200; i++) {
      const res = await api.request('GET', `/api/v1/jobs/${id}`);
      expect(res.status).toBe(200);
      const job = (await res.json()) as Job;
      const last = seen.at(-1);
      if (!last || last.done !== job.progress.done || last.total !== job.progress.total)
        seen.push(job.progress);
      if (FINISHED.includes(job.status)) return job;
      await sleep(25);
    }
    throw new Error(`job ${id} did not finish`);
  }

  const stopWorker = async () => {
    await worker?.stop();
    worker = undefined;
  };
  const startWorker = async () => {
    await stopWorker();
    worker = startJobWorker(store, { leaseSeconds: 2, pollMs: 25 });
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
    pm = await world.as('portfolio');
  });
  afterAll(async () => {
    await stopWorker();
    await store.close();
  });

  it('an optimizer run as a job gives the synchronous endpoint’s answer', async () => {
    const input = { timeLimitSeconds: 5, budgetShare: 0.5 };
    const sync = await pm.request('POST', '/api/v1/optimizer/run', input);
    expect(sync.status).toBe(200);
    const expected = (await sync.json()) as Json;

    const queued = await submit(pm, { kind: 'optimizer.run', input });
    expect(queued).toMatchObject({
      kind: 'optimizer.run',
      status: 'queued',
      attempts: 0,
      result: null,
      error: null,
      startedAt: null,
      finishedAt: null,
      progress: { done: 0, total: null, message: null },
    });
    expect(Object.keys(queued).sort()).toEqual(
      [
        'attempts',
        'createdAt',
        'error',
        'finishedAt',
        'id',
        'kind',
        'progress',
        'result',
        'startedAt',
        'status',
      ].sort(),
    );
    await startWorker();
    const done = await waitFor(pm, queued.id);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.attempts).toBe(1);
    expect(done.progress).toEqual({ done: 1, total: 1, message: null });
    expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.startedAt!));
    expect(Date.parse(done.startedAt!)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
    const result = done.result as { result: { objective: number; selected: unknown[] }; selection: Json[] };
    expect(result.selection.length).toBeGreaterThan(0);
    expect(withoutTimings(result)).toEqual(withoutTimings(expected));
  });

  it('a frontier job reports the budget levels it has solved and ends with the synchronous curve', async () => {
    const input = { levels: 24, timeLimitSeconds: 8 };
    const sync = (await (await pm.request('POST', '/api/v1/optimizer/frontier', input)).json()) as {
      points: { factor: number; value: number | null; selected: string[] }[];
    };
    expect(sync.points).toHaveLength(24);
    const queued = await submit(pm, { kind: 'optimizer.frontier', input });
    const seen: Job['progress'][] = [];
    const done = await waitFor(pm, queued.id, seen);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.progress).toEqual({ done: 24, total: 24, message: 'budget levels solved' });
    // Levels finish three at a time: every value seen is a multiple of 3 (or the end), rising.
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    for (const d of dones) expect(d % 3 === 0 || d === 24).toBe(true);
    const points = (done.result as typeof sync).points;
    expect(points.map((p) => [p.factor, p.value])).toEqual(sync.points.map((p) => [p.factor, p.value]));
  });

  it('a simulation job gives the same seeded numbers as POST /simulations, with trials as progress', async () => {
    const input = { trials: 20_000, seed: 42, target: 1_000_000 };
    const expected = (await (await pm.request('POST', '/api/v1/simulations', input)).json()) as Json;
    const done = await waitFor(pm, (await submit(pm, { kind: 'simulation', input })).id);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.progress).toEqual({ done: 20_000, total: 20_000, message: 'trials' });
    expect(withoutTimings(done.result)).toEqual(withoutTimings(expected));
  });

  it('a CSV import job imports every row once (as the synchronous import would), with rows as progress', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `Job import note ${i},support`);
    const csv = ['Text,Source', ...rows].join('\n');
    const dry = await pm.request('POST', '/api/v1/imports/csv?kind=feedback&dryRun=true', csv, {
      'content-type': 'text/csv',
    });
    const dryReport = (await dry.json()) as Json;
    expect(dryReport).toMatchObject({ rows: 600, valid: 600, imported: 0, errors: [] });
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          store.db,
          sql`SELECT count(*)::int AS n FROM feedback WHERE org_id = ${world.orgId} AND text LIKE 'Job import note %'`,
        )
      )[0]!.n;
    expect(await count()).toBe(0);
    const done = await waitFor(
      pm,
      (await submit(pm, { kind: 'import.csv', input: { kind: 'feedback', csv } })).id,
    );
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.result).toEqual({ ...dryReport, dryRun: false, imported: 600 });
    expect(done.progress).toEqual({ done: 600, total: 600, message: 'rows' });
    expect(await count()).toBe(600);
    const audit = await queryRows<{ n: number }>(
      store.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE org_id = ${world.orgId} AND action = 'import'
            AND (after->>'rows')::int = 600`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('a CSV import with bad rows fails with the row report and writes nothing', async () => {
    const csv = 'Text,Source\nfine,support\n,support\nalso fine,carrier pigeon\n';
    const before = await queryRows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM feedback`);
    const done = await waitFor(
      pm,
      (await submit(pm, { kind: 'import.csv', input: { kind: 'feedback', csv } })).id,
    );
    expect(done.status).toBe('failed');
    expect(done.attempts).toBe(1); // bad input is not retried
    expect(done.error).toMatchObject({ code: 'unprocessable' });
    expect(
      (done.error as unknown as { details: { errors: { row: number }[] } }).details.errors.map((e) => e.row),
    ).toEqual([2, 3]);
    expect(await queryRows(store.db, sql`SELECT count(*)::int AS n FROM feedback`)).toEqual(before);
  });

  it('refuses bad input at submit time with 4xx and queues nothing', async () => {
    const before = await jobCount();
    const cases: [unknown, number][] = [
      [{ kind: 'optimizer.run', input: { timeLimitSeconds: -1 } }, 400],
      [{ kind: 'optimizer.run', input: { budgetShare: 'lots' } }, 400],
      [{ kind: 'optimizer.frontier', input: { levels: 3 } }, 400],
      [{ kind: 'simulation', input: { trials: 0 } }, 400],
      [{ kind: 'simulation', input: { nonsense: true } }, 400],
      [{ kind: 'import.csv', input: { kind: 'feedback' } }, 400],
      [{ kind: 'import.csv', input: { kind: 'excel', csv: 'a\n1' } }, 400],
      [{ kind: 'import.csv', input: { kind: 'jira', csv: 'Summary\nx', product: 'no-such-product' } }, 404],
      [{ kind: 'mine.bitcoin', input: {} }, 400],
      [{ input: {} }, 400],
      [{ kind: 'simulation', input: {}, extra: 1 }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await pm.request('POST', '/api/v1/jobs', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBeDefined();
    }
    expect(await jobCount()).toBe(before);
  });

  it('submitting needs the synchronous route’s permission; a read-only token may not queue an optimizer run', async () => {
    const viewer = await world.as('viewer');
    const before = await jobCount();
    expect((await viewer.request('POST', '/api/v1/jobs', { kind: 'optimizer.run', input: {} })).status).toBe(
      403,
    );
    expect(
      (
        await viewer.request('POST', '/api/v1/jobs', {
          kind: 'import.csv',
          input: { kind: 'feedback', csv: 'Text\nx' },
        })
      ).status,
    ).toBe(403);
    const admin = await world.as('admin');
    const token = (await (
      await admin.request('POST', '/api/v1/tokens', { name: 'ro', scope: 'read' })
    ).json()) as {
      token: string;
    };
    const res = await world.app.request('/api/v1/jobs', {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'optimizer.run', input: {} }),
    });
    expect(res.status).toBe(403);
    expect(await jobCount()).toBe(before);
  });

  it('cancels a queued job (it never runs) and a running one (its result is dropped)', async () => {
    await stopWorker();
    const queued = await submit(pm, { kind: 'simulation', input: { trials: 1000 } });
    const cancel = await pm.request('POST', `/api/v1/jobs/${queued.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ id: queued.id, status: 'cancelled', attempts: 0 });
    // Cancelling twice is harmless.
    expect((await pm.request('POST', `/api/v1/jobs/${queued.id}/cancel`)).status).toBe(200);

    await startWorker();
    const long = await submit(pm, {
      kind: 'optimizer.frontier',
      input: { levels: 60, timeLimitSeconds: 60 },
    });
    let job: Job;
    do {
      await sleep(20);
      job = (await (await pm.request('GET', `/api/v1/jobs/${long.id}`)).json()) as Job;
    } while (job.status === 'queued');
    expect(job.status).toBe('running');
    const cancelled = (await (await pm.request('POST', `/api/v1/jobs/${long.id}/cancel`)).json()) as Job;
    expect(cancelled.status).toBe('cancelled');
    // The worker notices at its next lease renewal and moves on: a later job runs and the cancelled one
    // stays cancelled, without a result.
    const next = await waitFor(pm, (await submit(pm, { kind: 'simulation', input: { trials: 1000 } })).id);
    expect(next.status).toBe('succeeded');
    const after = (await (await pm.request('GET', `/api/v1/jobs/${long.id}`)).json()) as Job;
    expect(after).toMatchObject({ status: 'cancelled', result: null, attempts: 1 });
    const again = (await (await pm.request('GET', `/api/v1/jobs/${queued.id}`)).json()) as Job;
    expect(again).toMatchObject({ status: 'cancelled', attempts: 0, startedAt: null });
    // A finished job cannot be cancelled.
    const res = await pm.request('POST', `/api/v1/jobs/${next.id}/cancel`);
    expect(res.status).toBe(409);
  });

  it('a worker that shuts down hands its running job back to the queue without counting the attempt', async () => {
    await startWorker();
    const long = await submit(pm, {
      kind: 'optimizer.frontier',
      input: { levels: 60, timeLimitSeconds: 60 },
    });
    let job: Job;
    do {
      await sleep(20);
      job = (await (await pm.request('GET', `/api/v1/jobs/${long.id}`)).json()) as Job;
    } while (job.status === 'queued');
    expect(job).toMatchObject({ status: 'running', attempts: 1 });
    await stopWorker();
    const released = (await (await pm.request('GET', `/api/v1/jobs/${long.id}`)).json()) as Job;
    expect(released).toMatchObject({ status: 'queued', attempts: 0, result: null });
    const [lease] = await queryRows<{ lease_owner: string | null }>(
      store.db,
      sql`SELECT lease_owner FROM jobs WHERE id = ${long.id}`,
    );
    expect(lease!.lease_owner).toBeNull();
    await pm.request('POST', `/api/v1/jobs/${long.id}/cancel`);
  });

  it('a dedupe key returns the unfinished job instead of queuing a second one', async () => {
    await stopWorker();
    const a = await submit(pm, { kind: 'simulation', input: { trials: 500 }, dedupeKey: 'nightly' });
    const b = await submit(pm, { kind: 'simulation', input: { trials: 500 }, dedupeKey: 'nightly' });
    expect(b.id).toBe(a.id);
    await pm.request('POST', `/api/v1/jobs/${a.id}/cancel`);
    const c = await submit(pm, { kind: 'simulation', input: { trials: 500 }, dedupeKey: 'nightly' });
    expect(c.id).not.toBe(a.id);
    await pm.request('POST', `/api/v1/jobs/${c.id}/cancel`);
  });

  it('lists the organization’s jobs newest first, filtered by kind and status, page by page', async () => {
    const all = await queryRows<{ id: string; kind: string; status: string }>(
      store.db,
      sql`SELECT id, kind, status FROM jobs WHERE org_id = ${world.orgId} ORDER BY created_at DESC, id DESC`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await pm.request('GET', `/api/v1/jobs?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await res.json()) as { items: Job[]; nextCursor: string | null };
      seen.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((j) => j.id));
    const res = await pm.request('GET', '/api/v1/jobs?kind=simulation&status=cancelled');
    const items = ((await res.json()) as { items: Job[] }).items;
    expect(items.map((j) => j.id)).toEqual(
      all.filter((j) => j.kind === 'simulation' && j.status === 'cancelled').map((j) => j.id),
    );
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect((await pm.request('GET', '/api/v1/jobs?status=exploded')).status).toBe(400);
  });

  it('another organization sees none of it: 404 on read and cancel, nothing in its list', async () => {
    const [mine] = await queryRows<{ id: string }>(
      store.db,
      sql`SELECT id FROM jobs WHERE org_id = ${world.orgId} AND status = 'succeeded' LIMIT 1`,
    );
    const theirs = await world.as('admin', 'other');
    expect((await theirs.request('GET', `/api/v1/jobs/${mine!.id}`)).status).toBe(404);
    expect((await theirs.request('POST', `/api/v1/jobs/${mine!.id}/cancel`)).status).toBe(404);
    const list = (await (await theirs.request('GET', '/api/v1/jobs')).json()) as { items: Job[] };
    expect(list.items).toEqual([]);
    expect((await pm.request('GET', '/api/v1/jobs/not-a-uuid')).status).toBe(404);
  });
});

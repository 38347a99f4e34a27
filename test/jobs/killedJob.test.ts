import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/cli.ts';
import {
  call,
  removeServerStores,
  type ServerAuth,
  serverStoreEnv,
  signInTo,
} from '../support/serverProcess.ts';

afterAll(removeServerStores);

interface Job {
  id: string;
  status: string;
  attempts: number;
  progress: { done: number; total: number | null };
  result: unknown;
  error: unknown;
  startedAt: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LEASE = '3';

async function jobOf(server: RunningServer, auth: ServerAuth, id: string): Promise<Job> {
  return (await (await call(server, auth, 'GET', `/api/v1/jobs/${id}`)).json()) as Job;
}

async function waitUntil(
  server: RunningServer,
  auth: ServerAuth,
  id: string,
  done: (job: Job) => boolean,
  timeoutMs = 120_000,
): Promise<Job> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    // On PGlite a request may be dropped while a long import holds the store; ask again.
    const job = await jobOf(server, auth, id).catch(() => null);
    if (job && done(job)) return job;
    if (Date.now() > end) throw new Error(`job ${id} stuck at ${JSON.stringify(job).slice(0, 300)}`);
    await sleep(50);
  }
}

async function kill(server: RunningServer) {
  process.kill(server.pid, 'SIGKILL');
  await server.stop();
}

/** Every id and the count of one list route, paged through, as a fingerprint. */
async function fingerprint(server: RunningServer, auth: ServerAuth, path: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await call(server, auth, 'GET', `${path}${sep}limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    const page = (await res.json()) as { items: { id: string | number }[]; nextCursor: string | null };
    ids.push(...page.items.map((x) => String(x.id)));
    cursor = page.nextCursor;
  } while (cursor);
  return { n: ids.length, digest: createHash('sha256').update(ids.sort().join('|')).digest('hex') };
}

/**
 * SIGKILL while a job runs. The queue must notice the dead process by its lapsed lease and run the job
 * again elsewhere (on PostgreSQL a second process; on PGlite the restarted one).
 */
describe.each(['pglite', 'postgres'] as const)('jobs of a killed server on %s', (backend) => {
  it('a killed frontier job is picked up again after the lease and succeeds on attempt 2', async () => {
    const { env } = await serverStoreEnv(backend, 'killjob');
    const settings = { ...env, SEXTANT_JOB_LEASE_SECONDS: LEASE, SEXTANT_PRINT_DEMO_LOGINS: '0' };
    const first = await startServer(['--port', '0'], settings);
    let auth = await signInTo(first);
    const res = await call(first, auth, 'POST', '/api/v1/jobs', {
      kind: 'optimizer.frontier',
      input: { levels: 60, timeLimitSeconds: 60 },
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as Job;
    const running = await waitUntil(first, auth, id, (j) => j.status !== 'queued');
    expect(running).toMatchObject({ status: 'running', attempts: 1 });
    await sleep(300);
    await kill(first);

    const killedAt = Date.now();
    const second = await startServer(['--port', '0', '--no-demo'], settings);
    try {
      auth = await signInTo(second);
      // Until the lease runs out the job still looks like it is running on the dead process.
      const done = await waitUntil(second, auth, id, (j) => j.status !== 'running' || j.attempts > 1);
      expect(Date.now() - killedAt).toBeGreaterThanOrEqual(Number(LEASE) * 1000 - 500);
      const finished = await waitUntil(second, auth, id, (j) => j.status !== 'running');
      expect(finished.status, JSON.stringify(finished.error)).toBe('succeeded');
      expect(finished.attempts).toBe(2);
      expect(Date.parse(finished.startedAt!)).toBeGreaterThan(Date.parse(running.startedAt!));
      expect((finished.result as { points: unknown[] }).points).toHaveLength(60);
      expect(finished.progress).toMatchObject({ done: 60, total: 60 });
      expect(done.attempts).toBe(2);
    } finally {
      await second.stop();
    }
  }, 300_000);

  it('a killed CSV import leaves nothing behind and is run again, once, after the lease', async () => {
    const { env } = await serverStoreEnv(backend, 'killimport');
    const settings = { ...env, SEXTANT_JOB_LEASE_SECONDS: LEASE, SEXTANT_PRINT_DEMO_LOGINS: '0' };
    let server = await startServer(['--port', '0'], settings);
    let auth = await signInTo(server);
    const before = await fingerprint(server, auth, '/api/v1/feedback');
    const auditBefore = await fingerprint(server, auth, '/api/v1/audit?action=import');
    // Big enough that the kill lands inside the import (PGlite imports several times slower).
    const rows = backend === 'postgres' ? 25_000 : 10_000;
    const csv = [
      'Text,Source',
      ...Array.from({ length: rows }, (_, i) => `Killed import ${String(i).padStart(5, '0')},support`),
    ].join('\n');
    const res = await call(server, auth, 'POST', '/api/v1/jobs', {
      kind: 'import.csv',
      input: { kind: 'feedback', csv },
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as Job;
    if (backend === 'postgres') {
      await waitUntil(server, auth, id, (j) => j.status !== 'queued');
      // PostgreSQL shows the progress of the open import transaction: kill once rows are going in.
      await waitUntil(server, auth, id, (j) => j.progress.done >= 1000 || j.status !== 'running');
    } else {
      // PGlite runs in the server's own thread on one connection: while the import's transaction is
      // open, other requests wait (or their idle keep-alive socket is dropped). A status request that
      // gets no answer within 400 ms therefore means the import is under way.
      for (;;) {
        const answer = await fetch(`${server.url}/api/v1/jobs/${id}`, {
          headers: { cookie: auth.cookie },
          signal: AbortSignal.timeout(400),
        }).catch(() => null);
        if (!answer || !['queued', 'running'].includes(((await answer.json()) as Job).status)) break;
        await sleep(20);
      }
    }
    await kill(server);

    // A process that runs no jobs: the store as the kill left it.
    server = await startServer(['--port', '0', '--job-concurrency', '0'], settings);
    try {
      auth = await signInTo(server);
      const stale = await jobOf(server, auth, id);
      expect(stale, 'the kill came after the import had finished').toMatchObject({
        status: 'running',
        attempts: 1,
      });
      expect(await fingerprint(server, auth, '/api/v1/feedback')).toEqual(before);
      expect(await fingerprint(server, auth, '/api/v1/audit?action=import')).toEqual(auditBefore);
    } finally {
      await server.stop();
    }

    server = await startServer(['--port', '0'], settings);
    try {
      auth = await signInTo(server);
      const done = await waitUntil(server, auth, id, (j) => j.status !== 'running');
      expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
      expect(done.attempts).toBe(2);
      expect(done.result).toMatchObject({ rows, valid: rows, imported: rows, errors: [] });
      const after = await fingerprint(server, auth, '/api/v1/feedback');
      expect(after.n).toBe(before.n + rows);
      expect((await fingerprint(server, auth, '/api/v1/audit?action=import')).n).toBe(auditBefore.n + 1);
    } finally {
      await server.stop();
    }
  }, 300_000);
});

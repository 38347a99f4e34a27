import { sql } from 'drizzle-orm';
import type { Db } from '../../store/db.ts';
import { queryRows } from '../../store/queryRows.ts';
import type { Actor } from '../context.ts';

/**
 * The queue's SQL: claiming, renewing and settling leases on the `jobs` table. The same statements run
 * on PGlite and on PostgreSQL. Every write made on behalf of a running job is guarded by
 * `lease_owner = <this worker> AND status = 'running'`, so a worker that lost its lease (it stalled past
 * the lease, another process took the job over, or the job was cancelled) can change nothing.
 */

export interface JobProgress {
  done: number;
  total: number | null;
  message: string | null;
}

/** A job as a worker claims it. */
export interface ClaimedJob {
  id: string;
  orgId: string;
  kind: string;
  input: unknown;
  actor: Actor;
  attempts: number;
  maxAttempts: number;
}

export interface JobError {
  code: string;
  message: string;
  details: unknown;
}

const leaseEnd = (leaseSeconds: number) => sql`now() + (${leaseSeconds} * interval '1 second')`;

/**
 * Fails the jobs whose lease ran out on their last attempt: their process died (or stalled) as many
 * times as the job may be tried, so running it again would most likely kill the next process too.
 */
export async function failExhaustedJobs(db: Db): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE jobs SET status = 'failed', finished_at = now(), updated_at = now(),
          lease_owner = NULL, lease_expires_at = NULL,
          error = jsonb_build_object('code', 'lease_expired', 'details', NULL, 'message',
            'the process running this job stopped before it finished, ' || attempts || ' time(s); giving up')
        WHERE status = 'running' AND lease_expires_at < now() AND attempts >= max_attempts
        RETURNING id`,
  );
  return rows.length;
}

/**
 * Claims the oldest due job for `owner`: a queued one whose time has come, or a running one whose lease
 * expired (its process died). SKIP LOCKED lets several processes claim at once without waiting on, or
 * taking, each other's row; the attempt counter goes up with every claim.
 */
export async function claimJob(db: Db, owner: string, leaseSeconds: number): Promise<ClaimedJob | null> {
  const rows = await queryRows<ClaimedJob>(
    db,
    sql`WITH next AS (
          SELECT id FROM jobs
          WHERE (status = 'queued' AND run_after <= now())
             OR (status = 'running' AND lease_expires_at < now() AND attempts < max_attempts)
          ORDER BY run_after, created_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        )
        UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, lease_owner = ${owner},
          lease_expires_at = ${leaseEnd(leaseSeconds)}, started_at = now(), updated_at = now()
        FROM next WHERE j.id = next.id
        RETURNING j.id, j.org_id AS "orgId", j.kind, j.input, j.actor, j.attempts,
          j.max_attempts AS "maxAttempts"`,
  );
  return rows[0] ?? null;
}

/**
 * Renews the lease (the heartbeat) and stores the progress when given. False when the worker no longer
 * holds the job: it must stop working on it.
 */
export async function renewLease(
  db: Db,
  id: string,
  owner: string,
  leaseSeconds: number,
  progress?: JobProgress,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE jobs SET lease_expires_at = ${leaseEnd(leaseSeconds)}, updated_at = now(),
          progress = COALESCE(${progress ? JSON.stringify(progress) : null}::jsonb, progress)
        WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'
        RETURNING id`,
  );
  return rows.length > 0;
}

/**
 * Records the result; false when the worker no longer held the job (the result is dropped). A finished
 * job keeps `lease_owner`: it then names the worker that ran it.
 */
export async function completeJob(
  db: Db,
  id: string,
  owner: string,
  result: unknown,
  progress: JobProgress,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE jobs SET status = 'succeeded', result = ${JSON.stringify(result ?? null)}::jsonb, error = NULL,
          progress = ${JSON.stringify(progress)}::jsonb, finished_at = now(), updated_at = now(),
          lease_expires_at = NULL
        WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'
        RETURNING id`,
  );
  return rows.length > 0;
}

/** The job failed for good (bad input found while running, or its last attempt). */
export async function failJob(db: Db, id: string, owner: string, error: JobError): Promise<void> {
  await db.execute(
    sql`UPDATE jobs SET status = 'failed', error = ${JSON.stringify(error)}::jsonb, finished_at = now(),
          updated_at = now(), lease_expires_at = NULL
        WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'`,
  );
}

/** Queues the job again after an unexpected failure, to be tried after `delaySeconds`. */
export async function retryJob(
  db: Db,
  id: string,
  owner: string,
  error: JobError,
  delaySeconds: number,
): Promise<void> {
  await db.execute(
    sql`UPDATE jobs SET status = 'queued', error = ${JSON.stringify(error)}::jsonb, updated_at = now(),
          run_after = now() + (${delaySeconds} * interval '1 second'), lease_owner = NULL, lease_expires_at = NULL
        WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'`,
  );
}

/**
 * Hands a job back at shutdown: queued again at once, without counting the interrupted attempt, so
 * another process takes it without waiting for the lease to run out.
 */
export async function releaseJob(db: Db, id: string, owner: string): Promise<void> {
  await db.execute(
    sql`UPDATE jobs SET status = 'queued', attempts = GREATEST(attempts - 1, 0), updated_at = now(),
          lease_owner = NULL, lease_expires_at = NULL
        WHERE id = ${id} AND lease_owner = ${owner} AND status = 'running'`,
  );
}

import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { queryRows } from '../../store/queryRows.ts';
import { jobs } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { inTransaction } from '../transaction.ts';
import {
  isJobKind,
  JOB_KIND_DEFINITIONS,
  JOB_KINDS,
  type JobAuthorization,
  type JobKind,
} from './jobKinds.ts';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

/** The body of POST /jobs. */
export const JobSubmission = z.strictObject({
  kind: z.enum(JOB_KINDS),
  /** The body the synchronous endpoint of this kind takes. */
  input: z.unknown().optional(),
  /** While a job with this key is queued or running in the organization, submitting returns that job. */
  dedupeKey: z.string().min(1).max(200).optional(),
});

/** A job as the API shows it. */
export interface JobView {
  id: string;
  kind: string;
  status: string;
  progress: { done: number; total: number | null; message: string | null };
  result: unknown;
  error: { code: string; message: string; details: unknown } | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type JobRow = typeof jobs.$inferSelect;

function present(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    result: row.result ?? null,
    error: row.error ?? null,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Who may submit `body`: the action of the kind's synchronous route (and, for feature imports, the
 * product). A body that names no known kind needs only 'read': submitting it fails validation anyway.
 */
export async function jobSubmissionAuthorization(
  ctx: ServiceContext,
  body: unknown,
): Promise<JobAuthorization> {
  const kind = (body as { kind?: unknown } | null)?.kind;
  if (!isJobKind(kind)) return { action: 'read', productIds: [] };
  return JOB_KIND_DEFINITIONS[kind].authorization(ctx, (body as { input?: unknown }).input);
}

async function findJob(db: Db, ctx: ServiceContext, id: string): Promise<JobRow> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, ctx.orgId), eq(jobs.id, id)));
  if (!row) throw notFound('job', id);
  return row;
}

/** Who may cancel a job: whoever may submit one like it. */
export async function jobCancelAuthorization(ctx: ServiceContext, id: string): Promise<JobAuthorization> {
  const row = await findJob(ctx.store.db, ctx, id);
  return jobSubmissionAuthorization(ctx, { kind: row.kind, input: row.input });
}

/**
 * Queues a job after checking its input with the schema of the kind's synchronous endpoint (nothing is
 * queued when it is invalid). With a dedupe key an unfinished job of the same key is returned instead.
 */
export async function submitJob(ctx: ServiceContext, raw: unknown): Promise<JobView> {
  const body = parseInput(JobSubmission, raw ?? {}, 'job');
  const kind: JobKind = body.kind;
  JOB_KIND_DEFINITIONS[kind].validate(body.input);
  return inTransaction(ctx, async (tx) => {
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO jobs (org_id, kind, input, max_attempts, dedupe_key, created_by, actor)
          VALUES (${ctx.orgId}, ${kind}, ${JSON.stringify(body.input ?? {})}::jsonb,
                  ${JOB_KIND_DEFINITIONS[kind].maxAttempts}, ${body.dedupeKey ?? null}, ${ctx.actor.userId},
                  ${JSON.stringify(ctx.actor)}::jsonb)
          ON CONFLICT (org_id, dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running')
          DO NOTHING
          RETURNING id`,
    );
    if (inserted[0]) {
      const row = await findJob(tx, ctx, inserted[0].id);
      await writeAudit(tx, ctx, 'create', 'jobs', row.id, null, { kind, dedupeKey: body.dedupeKey ?? null });
      return present(row);
    }
    const [existing] = await tx
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.orgId, ctx.orgId),
          eq(jobs.dedupeKey, body.dedupeKey!),
          or(eq(jobs.status, 'queued'), eq(jobs.status, 'running')),
        ),
      );
    if (!existing)
      throw new DomainError('conflict', 'a job with this dedupe key just finished; submit again');
    return present(existing);
  });
}

export async function getJob(ctx: ServiceContext, id: string): Promise<JobView> {
  return present(await findJob(ctx.store.db, ctx, id));
}

const ListQuery = z.object({
  kind: z.enum(JOB_KINDS).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(date.getTime())) {
    throw new DomainError(
      'invalid_input',
      'the cursor is not one this API returned; start again without it',
      {
        issues: [{ path: ['cursor'], message: 'malformed cursor' }],
      },
    );
  }
  return { at: date, id };
}

/** The organization's jobs, newest first, optionally of one kind and status. */
export async function listJobs(ctx: ServiceContext, params: Record<string, string>) {
  const q = parseInput(ListQuery, params, 'job list query');
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await ctx.store.db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.orgId, ctx.orgId),
        q.kind ? eq(jobs.kind, q.kind) : undefined,
        q.status ? eq(jobs.status, q.status) : undefined,
        after
          ? or(lt(jobs.createdAt, after.at), and(eq(jobs.createdAt, after.at), lt(jobs.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor:
      more && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

/**
 * Cancels a queued or running job. A running job's worker notices at its next lease renewal, stops
 * its work and can no longer record a result (every write of a worker requires status 'running').
 * Cancelling a cancelled job is a no-op; a finished one is a conflict.
 */
export async function cancelJob(ctx: ServiceContext, id: string): Promise<JobView> {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.orgId, ctx.orgId), eq(jobs.id, id)))
      .for('update');
    if (!row) throw notFound('job', id);
    if (row.status === 'cancelled') return present(row);
    if (row.status !== 'queued' && row.status !== 'running') {
      throw new DomainError('conflict', `the job has already ${row.status}`, { status: row.status });
    }
    const [updated] = await tx
      .update(jobs)
      .set({
        status: 'cancelled',
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
        leaseOwner: null,
        leaseExpiresAt: null,
      })
      .where(eq(jobs.id, id))
      .returning();
    await writeAudit(tx, ctx, 'cancel', 'jobs', id, { status: row.status }, { status: 'cancelled' });
    return present(updated!);
  });
}

import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import os from 'node:os';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import type { Db } from '../../store/db.ts';
import type { ServiceContext } from '../context.ts';
import { type PollingLoop, startPollingLoop } from '../pollingLoop.ts';
import { isJobKind, JOB_KIND_DEFINITIONS } from './jobKinds.ts';
import {
  type ClaimedJob,
  claimJob,
  completeJob,
  failExhaustedJobs,
  failJob,
  type JobError,
  type JobProgress,
  releaseJob,
  renewLease,
  retryJob,
} from './jobQueue.ts';

export interface JobWorkerOptions {
  /** Jobs this process runs at once (default 1; 0 runs none). */
  concurrency?: number;
  /** How long a claim holds without renewal: a dead process's job is taken over after this (seconds). */
  leaseSeconds?: number;
  /** Pause between looks at an empty queue (ms). */
  pollMs?: number;
  /** Name of this worker in `lease_owner` (default host:pid:random). */
  owner?: string;
}

export const DEFAULT_JOB_CONCURRENCY = 1;
export const DEFAULT_LEASE_SECONDS = 30;
export const DEFAULT_JOB_POLL_MS = 1000;
// Progress is written at most this often; a heartbeat renews the lease at a third of its length.
const PROGRESS_FLUSH_MS = 250;
const RETRY_DELAY_SECONDS = 5;

export interface JobWorker {
  readonly owner: string;
  /** Stops claiming, interrupts the running jobs and hands them back to the queue. */
  stop(): Promise<void>;
}

/** The ServiceContext a job runs in: its organization, acting as the member who submitted it. */
function jobContext(store: Store, job: ClaimedJob): ServiceContext {
  return { store, orgId: job.orgId, actor: job.actor, now: () => new Date() };
}

function errorOf(err: unknown): JobError {
  if (err instanceof DomainError) return { code: err.code, message: err.message, details: err.details };
  return {
    code: 'internal_error',
    message: (err as Error)?.message?.slice(0, 500) ?? String(err),
    details: null,
  };
}

/** One claimed job, run to its end with its lease renewed and its progress stored meanwhile. */
class JobRun {
  private readonly controller = new AbortController();
  private progress: JobProgress = { done: 0, total: null, message: null };
  private progressDirty = false;
  private writing: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private settledInTransaction = false;
  private held = true;
  released = false;

  constructor(
    private readonly store: Store,
    private readonly job: ClaimedJob,
    private readonly owner: string,
    private readonly leaseSeconds: number,
  ) {
    // Every worker-thread task of the job (a frontier has one per run of levels) listens to the signal.
    setMaxListeners(100, this.controller.signal);
  }

  /** Renews the lease (with the latest progress); stops the work when the job is no longer ours. */
  private touch(): Promise<void> {
    const progress = this.progressDirty ? this.progress : undefined;
    this.progressDirty = false;
    this.writing = this.writing
      .then(() => renewLease(this.store.db, this.job.id, this.owner, this.leaseSeconds, progress))
      .then((held) => {
        if (!held && this.held) {
          this.held = false;
          this.controller.abort(new Error('the job was cancelled or taken over by another process'));
        }
      })
      .catch((err) => {
        process.stderr.write(`job ${this.job.id}: lease renewal failed: ${err.message}\n`);
      });
    return this.writing;
  }

  private scheduleHeartbeat() {
    this.heartbeat = setTimeout(
      async () => {
        await this.touch();
        if (this.held) this.scheduleHeartbeat();
      },
      Math.max(200, (this.leaseSeconds * 1000) / 3),
    );
  }

  /** Interrupts the work at shutdown; the job goes back to the queue once the work has stopped. */
  release() {
    this.released = true;
    this.controller.abort(new Error('the server is shutting down'));
  }

  async run(): Promise<void> {
    const { job, store, owner } = this;
    const kind = isJobKind(job.kind) ? JOB_KIND_DEFINITIONS[job.kind] : undefined;
    this.scheduleHeartbeat();
    try {
      if (!kind) throw new DomainError('invalid_input', `no such job kind: ${job.kind}`);
      const result = await kind.run(jobContext(store, job), job.input, {
        signal: this.controller.signal,
        progress: (done, total, message) => {
          this.progress = { done, total, message: message ?? null };
          this.progressDirty = true;
          this.flushTimer ??= setTimeout(() => {
            this.flushTimer = undefined;
            void this.touch();
          }, PROGRESS_FLUSH_MS);
        },
        succeedIn: async (tx: Db, value: unknown) => {
          if (!(await completeJob(tx, job.id, owner, value, this.progress))) {
            throw new DomainError('conflict', 'the job was cancelled or taken over by another process');
          }
          this.settledInTransaction = true;
        },
      });
      if (!this.settledInTransaction) await completeJob(store.db, job.id, owner, result, this.progress);
    } catch (err) {
      await this.settleFailure(err, kind?.maxAttempts ?? job.maxAttempts);
    } finally {
      clearTimeout(this.heartbeat);
      clearTimeout(this.flushTimer);
      this.held = false;
      await this.writing;
    }
  }

  private async settleFailure(err: unknown, maxAttempts: number) {
    const { job, store, owner } = this;
    if (this.released) return releaseJob(store.db, job.id, owner);
    // Cancelled or taken over: whoever holds the job now settles it.
    if (!this.held) return;
    const error = errorOf(err);
    // A domain error is the input's fault (an unknown initiative, bad CSV rows): trying again gives the
    // same answer. Anything else (a worker crash, a lost connection) may pass on another attempt.
    if (err instanceof DomainError || job.attempts >= Math.min(maxAttempts, job.maxAttempts))
      return failJob(store.db, job.id, owner, error);
    process.stderr.write(`job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${error.message}\n`);
    return retryJob(store.db, job.id, owner, error, RETRY_DELAY_SECONDS * 2 ** (job.attempts - 1));
  }
}

/**
 * Runs queued jobs in this process: `concurrency` loops, each claiming one job at a time (the heavy
 * work itself runs on the worker-thread pool). Any number of processes may run a worker against one
 * PostgreSQL; with PGlite the one process that holds the data dir does.
 */
export function startJobWorker(store: Store, options: JobWorkerOptions = {}): JobWorker {
  const concurrency = options.concurrency ?? DEFAULT_JOB_CONCURRENCY;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const running = new Set<JobRun>();
  let stopping = false;
  const pass = async (): Promise<boolean> => {
    await failExhaustedJobs(store.db);
    const job = stopping ? null : await claimJob(store.db, owner, leaseSeconds);
    if (!job) return false;
    const run = new JobRun(store, job, owner, leaseSeconds);
    running.add(run);
    // A claim made while stop() was under way is handed straight back.
    if (stopping) run.release();
    try {
      await run.run();
    } finally {
      running.delete(run);
    }
    return !stopping;
  };
  const loops: PollingLoop[] = Array.from({ length: Math.max(0, concurrency) }, () =>
    startPollingLoop(pass, { pollMs: options.pollMs ?? DEFAULT_JOB_POLL_MS, name: 'job worker' }),
  );
  return {
    owner,
    async stop() {
      stopping = true;
      for (const run of running) run.release();
      await Promise.all(loops.map((l) => l.stop()));
    },
  };
}

import { ApiError, type Issue, request } from './client.ts';
import type { ConstraintsBody, PortfolioFrontier, PortfolioRun } from './optimizer.ts';

/** Where a long optimizer call stands, as the page shows it beside the spinner. */
export interface JobProgress {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  /** Work done out of total (levels of a frontier, …) when the server reports it. */
  done?: number;
  total?: number;
  message: string;
}

export type OnProgress = (p: JobProgress) => void;

type JobKind = 'optimizer.run' | 'optimizer.frontier';

/** A job as GET /api/v1/jobs/:id answers it (only what the page reads). */
interface JobView<T> {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { done: number; total: number; message?: string } | null;
  result: T | null;
  error: { code: string; message: string; details: { issues?: Issue[] } | null } | null;
}

const POLL_MS = 400;

function wait(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new DOMException('cancelled', 'AbortError'));
    });
  });
}

/**
 * Runs one long optimizer call as a server job (POST /api/v1/jobs, then GET /api/v1/jobs/:id until it
 * ends), so any server process may run it and the page can show how far it got. Cancelling the signal
 * cancels the job on the server too. The only place that knows how; callers see a promise and progress.
 */
async function runJob<T>(kind: JobKind, input: unknown, onProgress: OnProgress, signal?: AbortSignal) {
  onProgress({ status: 'queued', message: 'Queued' });
  // Invalid constraints are refused here, with issue paths relative to the input (as the sync route).
  let job = await request<JobView<T>>('POST', '/api/v1/jobs', { kind, input }, { signal });
  try {
    while (job.status === 'queued' || job.status === 'running') {
      const p = job.progress;
      onProgress({
        status: job.status,
        done: p?.done,
        total: p?.total,
        message:
          job.status === 'queued' ? 'Waiting for a free worker' : (p?.message ?? 'Solving on the server'),
      });
      await wait(POLL_MS, signal);
      job = await request<JobView<T>>('GET', `/api/v1/jobs/${job.id}`, undefined, { signal });
    }
  } catch (err) {
    if (signal?.aborted) void request('POST', `/api/v1/jobs/${job.id}/cancel`).catch(() => undefined);
    onProgress({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    throw err;
  }
  if (job.status === 'succeeded' && job.result !== null) {
    onProgress({ status: 'succeeded', message: 'Done' });
    return job.result;
  }
  const e = job.error ?? { code: 'cancelled', message: 'the job was cancelled', details: null };
  onProgress({ status: 'failed', message: e.message });
  throw new ApiError(422, e.code, e.message, e.details?.issues ?? []);
}

/** Chooses which initiatives to fund under the constraints (writes nothing). */
export function runOptimizer(body: ConstraintsBody, onProgress: OnProgress, signal?: AbortSignal) {
  return runJob<PortfolioRun>('optimizer.run', body, onProgress, signal);
}

/** The efficient frontier: best value per budget level beside score ranking. */
export function runFrontier(
  body: ConstraintsBody & { levels?: number; from?: number; to?: number },
  onProgress: OnProgress,
  signal?: AbortSignal,
) {
  return runJob<PortfolioFrontier>('optimizer.frontier', body, onProgress, signal);
}

import { request } from './client.ts';
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

const SYNC_PATHS: Record<JobKind, string> = {
  'optimizer.run': '/api/v1/optimizer/run',
  'optimizer.frontier': '/api/v1/optimizer/frontier',
};

/**
 * Runs one long optimizer call and reports its progress. The only place that knows how: today the
 * synchronous POST (progress is "running" until it answers); with a job API this becomes
 * `POST /api/v1/jobs {kind, input}` and polling `GET /api/v1/jobs/:id` for {status, progress, result},
 * and no caller changes.
 */
async function runJob<T>(kind: JobKind, input: unknown, onProgress: OnProgress, signal?: AbortSignal) {
  onProgress({ status: 'running', message: 'Solving on the server' });
  try {
    const result = await request<T>('POST', SYNC_PATHS[kind], input, { signal });
    onProgress({ status: 'succeeded', message: 'Done' });
    return result;
  } catch (err) {
    onProgress({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    throw err;
  }
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

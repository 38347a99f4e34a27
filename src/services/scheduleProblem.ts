import type { ScheduleObjective, ScheduleProblem, ScheduleResult } from '../domain/scheduleProblem.ts';
import { ScheduleInputError } from '../engine/schedule/scheduleInputError.ts';
import { runInWorker } from './workerPool.ts';
import type { ScheduleWorkerInput, ScheduleWorkerOutput } from './workers/scheduleWorker.ts';

export { ScheduleInputError };

export interface ScheduleRunOptions {
  objective?: ScheduleObjective;
  /** Seconds the improvement search may run (default 2). */
  timeLimitSeconds?: number;
  /** Cap on decoded schedules, for reproducible runs (default none). */
  maxSchedules?: number;
  seed?: number;
  signal?: AbortSignal;
}

const workerUrl = new URL('./workers/scheduleWorker.ts', import.meta.url);

/**
 * Schedules a roadmap problem on a worker thread (the search is CPU-bound for up to the time limit).
 * Never throws for an infeasible problem (see `result.status` and `result.message`); throws
 * ScheduleInputError for input the schema would reject (unknown ids, cycles).
 */
export async function scheduleProblem(
  problem: ScheduleProblem,
  options: ScheduleRunOptions = {},
): Promise<ScheduleResult> {
  const out = await runInWorker<ScheduleWorkerInput, ScheduleWorkerOutput>(
    workerUrl,
    {
      problem,
      options: {
        objective: options.objective ?? 'makespan',
        timeLimitMs: (options.timeLimitSeconds ?? 2) * 1000,
        maxSchedules: options.maxSchedules,
        seed: options.seed,
      },
    },
    options.signal,
  );
  if (!out.ok) throw new ScheduleInputError(out.inputError);
  return out.result;
}

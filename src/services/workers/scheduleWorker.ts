import type { ScheduleProblem, ScheduleResult } from '../../domain/scheduleProblem.ts';
import { ScheduleInputError } from '../../engine/schedule/scheduleInputError.ts';
import { type ScheduleOptions, solveSchedule } from '../../engine/schedule/solveSchedule.ts';

export interface ScheduleWorkerInput {
  problem: ScheduleProblem;
  options: Omit<ScheduleOptions, 'now'>;
}

/** The result, or the input error's message (error classes do not survive the thread boundary). */
export type ScheduleWorkerOutput = { ok: true; result: ScheduleResult } | { ok: false; inputError: string };

/** Worker entry: schedules one problem. */
export default function scheduleWorker(input: ScheduleWorkerInput): ScheduleWorkerOutput {
  try {
    return { ok: true, result: solveSchedule(input.problem, input.options) };
  } catch (err) {
    if (err instanceof ScheduleInputError) return { ok: false, inputError: err.message };
    throw err;
  }
}

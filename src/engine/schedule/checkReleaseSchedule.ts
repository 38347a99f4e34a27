import type { LateItem, ScheduleItem, ScheduleResource } from '../../domain/scheduleProblem.ts';
import { solveSchedule } from './solveSchedule.ts';

export interface ReleaseScheduleInput {
  /** First period work can happen in. */
  fromPeriod: number;
  /** Last period of work before the release date (inclusive): every item must end by lastPeriod + 1. */
  lastPeriod: number;
  /** Scope items with duration, demand per role per period, dependencies and priority (deadline is set here). */
  scope: Omit<ScheduleItem, 'deadline'>[];
  /** Capacity per role: one number or one per period from period 0 (the last value repeats). */
  resources: ScheduleResource[];
  /** Search budget in milliseconds (default 200). */
  timeLimitMs?: number;
}

export interface ReleaseScheduleCheck {
  fits: boolean;
  /** Period the last scope item ends (null if some item can never run). */
  end: number | null;
  /** Items that would end after the release, why, and by how many periods. */
  late: LateItem[];
  starts: Record<string, number>;
  message?: string;
}

/**
 * The sequencing half of a release check: schedules the scope from `fromPeriod` with every item due at
 * the release (priority objective, so the lower-priority items are the ones that slip) and says whether
 * everything ends in time, and if not which items slip, by how much and because of which role and period.
 */
export function checkReleaseSchedule(input: ReleaseScheduleInput): ReleaseScheduleCheck {
  const due = input.lastPeriod + 1;
  const result = solveSchedule(
    {
      resources: input.resources,
      items: input.scope.map((it) => ({
        ...it,
        earliest: Math.max(it.earliest ?? 0, input.fromPeriod),
        deadline: due,
      })),
    },
    { objective: 'priority', timeLimitMs: input.timeLimitMs ?? 200 },
  );
  return {
    fits: result.status !== 'infeasible' && result.late.length === 0,
    end: result.makespan,
    late: result.late,
    starts: result.starts,
    message: result.message,
  };
}

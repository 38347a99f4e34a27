import { DomainError } from '../../domain/errors.ts';
import { periodAt, periodIndex, periodRange } from '../../domain/periods.ts';
import type { ServiceContext } from '../context.ts';
import { loadPlanningSettings } from '../finance/planningSettings.ts';

/** The quarters a capacity view or roadmap covers, and the organization's planning start they hang off. */
export interface PlanningFrame {
  /** Labels of the periods shown, e.g. ['2027Q1', …]; period t of every series is periods[t]. */
  periods: string[];
  /** periodIndex(periods[0]). */
  firstIndex: number;
  /** The organization's planning start (settings.planningStart, default the quarter after now). */
  planningStart: string;
  planningStartIndex: number;
}

const QUARTER = /^\d{4}Q[1-4]$/;

/**
 * The organization's planning quarters (settings.planningStart, planningPeriods — default 8 quarters from
 * the next one), optionally moved by `from` (a quarter like 2027Q1) and resized by `periods` (1–40).
 */
export async function loadPlanningFrame(
  ctx: ServiceContext,
  query: { from?: string; periods?: string | number } = {},
): Promise<PlanningFrame> {
  const settings = await loadPlanningSettings(ctx);
  if (query.from !== undefined && !QUARTER.test(query.from))
    throw new DomainError('invalid_input', 'from: must be a quarter like 2027Q1', {
      issues: [{ path: ['from'], message: 'must be a quarter like 2027Q1' }],
    });
  const count =
    query.periods === undefined || query.periods === '' ? settings.planningPeriods : Number(query.periods);
  if (!Number.isInteger(count) || count < 1 || count > 40)
    throw new DomainError('invalid_input', 'periods: must be a whole number from 1 to 40', {
      issues: [{ path: ['periods'], message: 'must be 1–40' }],
    });
  const start = query.from ?? settings.planningStart;
  return {
    periods: periodRange(start, count),
    firstIndex: periodIndex(start),
    planningStart: settings.planningStart,
    planningStartIndex: periodIndex(settings.planningStart),
  };
}

/** Label of period t of a frame. */
export function frameLabel(frame: PlanningFrame, t: number): string {
  return periodAt(frame.firstIndex + t);
}

import { eq } from 'drizzle-orm';
import { periodAt, periodIndex, periodOf } from '../../domain/periods.ts';
import { organizations } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

/** The organization's planning frame: discount rate per quarter and the planning quarters. */
export interface PlanningSettings {
  discountRate: number;
  planningStart: string;
  planningPeriods: number;
  /** Segment attractiveness factor weights, if the organization tuned them. */
  segmentFactorWeights: Record<string, number>;
}

export const DEFAULT_DISCOUNT_RATE = 0.02;
export const DEFAULT_PLANNING_PERIODS = 8;

const QUARTER = /^\d{4}Q[1-4]$/;

/**
 * Reads the organization's settings with the documented defaults: 2 % per quarter, planning from the
 * quarter after "now" over 8 quarters.
 */
export async function loadPlanningSettings(ctx: ServiceContext): Promise<PlanningSettings> {
  const [row] = await ctx.store.db
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId));
  const s = (row?.settings ?? {}) as Record<string, unknown>;
  const start =
    typeof s.planningStart === 'string' && QUARTER.test(s.planningStart)
      ? s.planningStart
      : periodAt(periodIndex(periodOf(ctx.now())) + 1);
  return {
    discountRate: typeof s.discountRate === 'number' ? s.discountRate : DEFAULT_DISCOUNT_RATE,
    planningStart: start,
    planningPeriods:
      typeof s.planningPeriods === 'number' && s.planningPeriods > 0
        ? s.planningPeriods
        : DEFAULT_PLANNING_PERIODS,
    segmentFactorWeights:
      s.segmentFactorWeights && typeof s.segmentFactorWeights === 'object'
        ? (s.segmentFactorWeights as Record<string, number>)
        : {},
  };
}

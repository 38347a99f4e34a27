import type { PortfolioSettings } from '../../domain/optimizeProblem.ts';
import { budgetResourceId, roleResourceId } from '../../engine/optimize/buildPortfolioProblem.ts';

/** What a plan adds up to: the figures shown side by side when scenarios are compared. */
export interface PlanTotals {
  value: number | null;
  count: number;
  costPerPeriod: { period: string; cost: number; budget: number }[];
  utilizationPerRole: {
    roleId: string;
    name: string;
    periods: { period: string; demand: number; capacity: number; utilization: number | null }[];
  }[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Totals of a selection from its resource usage: cost against budget per period, and demand against
 * capacity (utilization = demand ÷ capacity, null where there is no capacity) per role and period.
 */
export function planTotals(
  settings: Pick<PortfolioSettings, 'periods' | 'budgetPerPeriod' | 'capacityPerRolePerPeriod'>,
  usage: Record<string, number>,
  value: number | null,
  count: number,
  names: Record<string, string>,
): PlanTotals {
  return {
    value,
    count,
    costPerPeriod: settings.periods.map((period, t) => ({
      period,
      cost: round(usage[budgetResourceId(period)] ?? 0),
      budget: settings.budgetPerPeriod[t] ?? 0,
    })),
    utilizationPerRole: Object.entries(settings.capacityPerRolePerPeriod).map(([roleId, caps]) => ({
      roleId,
      name: names[roleId] ?? roleId,
      periods: settings.periods.map((period, t) => {
        const demand = round(usage[roleResourceId(roleId, period)] ?? 0);
        const capacity = caps[t] ?? 0;
        return { period, demand, capacity, utilization: capacity > 0 ? round(demand / capacity) : null };
      }),
    })),
  };
}

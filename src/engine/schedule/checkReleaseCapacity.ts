import { ScheduleInputError } from './scheduleInputError.ts';

export interface ReleaseCheckInput {
  /** First period work can happen in (usually the current one). */
  fromPeriod: number;
  /** Last period of work before the release date (inclusive). */
  lastPeriod: number;
  /** The release's scope: each item's remaining effort per role, in FTE-periods. */
  scope: { id: string; name?: string; effort: Record<string, number> }[];
  /** The team's capacity per role, FTE per period: one number, or one per period from period 0 (last value repeats). */
  capacity: Record<string, number | number[]>;
  /** FTE per role per period already committed elsewhere (same indexing as capacity). */
  committed?: Record<string, number[]>;
}

export interface ReleaseRoleCheck {
  roleId: string;
  demand: number;
  capacity: number;
  /** demand − capacity when positive, else 0. */
  over: number;
  /** capacity − demand when positive, else 0. */
  spare: number;
  /** 100 × demand / capacity; null without capacity. */
  utilization: number | null;
  /** Scope items by their effort on this role, largest first. */
  items: { id: string; amount: number }[];
}

export interface ReleaseCheck {
  fits: boolean;
  periods: number;
  roles: ReleaseRoleCheck[];
}

/**
 * Does a release's scope fit the team's capacity before its date? Sums the effort per role and the
 * capacity per role over [fromPeriod, lastPeriod] (less what is already committed) and says, per role,
 * whether it fits or by how much it is over. An aggregate check: sequencing is the scheduler's job.
 */
export function checkReleaseCapacity(input: ReleaseCheckInput): ReleaseCheck {
  const { fromPeriod, lastPeriod } = input;
  if (!Number.isInteger(fromPeriod) || !Number.isInteger(lastPeriod) || fromPeriod < 0)
    throw new ScheduleInputError('release check periods must be whole numbers ≥ 0');
  const periods = Math.max(0, lastPeriod - fromPeriod + 1);
  const demand = new Map<string, { total: number; items: { id: string; amount: number }[] }>();
  for (const item of input.scope)
    for (const [role, amount] of Object.entries(item.effort)) {
      if (!Number.isFinite(amount) || amount < 0)
        throw new ScheduleInputError(
          `scope item "${item.id}" has effort ${amount} for "${role}": must be ≥ 0`,
        );
      if (amount === 0) continue;
      const d = demand.get(role) ?? { total: 0, items: [] };
      d.total += amount;
      d.items.push({ id: item.id, amount });
      demand.set(role, d);
    }
  const roles = new Set([...demand.keys(), ...Object.keys(input.capacity)]);
  const out: ReleaseRoleCheck[] = [];
  for (const roleId of [...roles].sort()) {
    const cap = input.capacity[roleId] ?? 0;
    const at = (series: number | number[], t: number) =>
      typeof series === 'number' ? series : series.length === 0 ? 0 : series[Math.min(t, series.length - 1)];
    let capacity = 0;
    for (let t = fromPeriod; t <= lastPeriod; t++)
      capacity += Math.max(0, at(cap, t) - (input.committed?.[roleId]?.[t] ?? 0));
    const d = demand.get(roleId) ?? { total: 0, items: [] };
    out.push({
      roleId,
      demand: d.total,
      capacity,
      over: Math.max(0, d.total - capacity),
      spare: Math.max(0, capacity - d.total),
      utilization: capacity > 1e-9 ? (100 * d.total) / capacity : null,
      items: d.items.sort((a, b) => b.amount - a.amount),
    });
  }
  return { fits: out.every((r) => r.over <= 1e-9), periods, roles: out };
}

import { DomainError } from '../../domain/errors.ts';
import {
  type CapacityCell,
  type CapacityLevel,
  type CapacityView,
  capacityView,
} from '../../engine/schedule/capacityView.ts';
import { ScheduleInputError } from '../../engine/schedule/scheduleInputError.ts';
import type { ServiceContext } from '../context.ts';
import { loadPlanningFrame } from './planningFrame.ts';
import { loadCapacityInput } from './storedCapacityInput.ts';

export const CAPACITY_LEVELS = ['person', 'team', 'role'] as const;

/** A capacity view limited to one level (or all), every cell carrying the name of its person, team or role. */
export interface NamedCapacityView {
  level: CapacityLevel | 'all';
  periods: string[];
  cells: (CapacityCell & { name: string })[];
  alerts: (CapacityView['alerts'][number] & { name: string })[];
  underUsed: (CapacityView['underUsed'][number] & { name: string })[];
}

/** Parses the `level` parameter: person, team or role (default team); `all` keeps every level. */
export function parseLevel(raw: string | undefined, fallback: CapacityLevel | 'all'): CapacityLevel | 'all' {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'all' || (CAPACITY_LEVELS as readonly string[]).includes(raw))
    return raw as CapacityLevel | 'all';
  throw new DomainError('invalid_input', 'level: must be person, team, role or all', {
    issues: [{ path: ['level'], message: 'must be person, team, role or all' }],
  });
}

/** Keeps one level of a view and names its rows. */
export function nameView(
  view: CapacityView,
  level: CapacityLevel | 'all',
  names: Map<string, string>,
): NamedCapacityView {
  const keep = <T extends CapacityCell>(cells: T[]) =>
    cells
      .filter((c) => level === 'all' || c.level === level)
      .map((c) => ({ ...c, name: names.get(c.key) ?? c.key }));
  return {
    level,
    periods: view.periods,
    cells: keep(view.cells),
    alerts: keep(view.alerts),
    underUsed: keep(view.underUsed),
  };
}

/** Engine input errors are the caller's to fix: a 400 with the engine's message. */
export function asDomainError(err: unknown): never {
  if (err instanceof ScheduleInputError) throw new DomainError('invalid_input', err.message);
  throw err;
}

/**
 * Capacity against demand per person, team or role and quarter over the stored organization
 * (see loadCapacityInput for what counts as capacity and demand): utilization, over-allocation alerts
 * naming the initiatives, features and allocations behind them, and under-used capacity.
 */
export async function getCapacityView(
  ctx: ServiceContext,
  query: Record<string, string>,
): Promise<NamedCapacityView> {
  const level = parseLevel(query.level, 'team');
  const underUsedBelow = query.underUsedBelow === undefined ? undefined : Number(query.underUsedBelow);
  if (underUsedBelow !== undefined && !(underUsedBelow >= 0 && underUsedBelow <= 100))
    throw new DomainError('invalid_input', 'underUsedBelow: must be a percentage 0–100', {
      issues: [{ path: ['underUsedBelow'], message: 'must be 0–100' }],
    });
  const frame = await loadPlanningFrame(ctx, { from: query.from, periods: query.periods });
  const stored = await loadCapacityInput(ctx, frame);
  try {
    return nameView(capacityView(stored.input, { underUsedBelow }), level, stored.names);
  } catch (err) {
    return asDomainError(err);
  }
}

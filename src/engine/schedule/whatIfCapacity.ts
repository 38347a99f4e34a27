import {
  type CapacityCell,
  type CapacityInput,
  type CapacityOptions,
  type CapacityPerson,
  type CapacityView,
  capacityView,
} from './capacityView.ts';
import { ScheduleInputError } from './scheduleInputError.ts';

export type CapacityChange =
  | { kind: 'addPerson'; person: CapacityPerson }
  /** The person's own demand stays, moved to their team and role: the work still needs doing. */
  | { kind: 'removePerson'; personId: string }
  /** Shifts the initiative's demand `periods` later (negative: earlier); what falls off the horizon is reported. */
  | { kind: 'delayInitiative'; id: string; periods: number }
  | { kind: 'dropInitiative'; id: string };

export interface CapacityDelta {
  level: CapacityCell['level'];
  key: string;
  period: number;
  periodLabel: string;
  capacityBefore: number;
  capacityAfter: number;
  demandBefore: number;
  demandAfter: number;
  utilizationBefore: number | null;
  utilizationAfter: number | null;
}

export interface AlertRef {
  level: CapacityCell['level'];
  key: string;
  period: number;
  periodLabel: string;
}

export interface WhatIfResult {
  input: CapacityInput;
  before: CapacityView;
  after: CapacityView;
  /** Cells whose capacity or demand changed. */
  deltas: CapacityDelta[];
  newAlerts: AlertRef[];
  resolvedAlerts: AlertRef[];
  /** FTE-periods of delayed initiatives pushed past the last period. */
  beyondHorizon: { sourceId: string; amount: number }[];
}

/**
 * Applies what-if changes to a copy of the capacity inputs (the input is never modified), so a planner
 * can see the effect of hiring, leaving, delaying or dropping before anything is saved.
 */
export function applyCapacityChanges(
  input: CapacityInput,
  changes: readonly CapacityChange[],
): { input: CapacityInput; beyondHorizon: { sourceId: string; amount: number }[] } {
  let people = input.people.map((p) => ({ ...p, timeOff: p.timeOff && [...p.timeOff] }));
  let demands = input.demands.map((d) => ({ ...d, perPeriod: [...d.perPeriod] }));
  const teams = new Set(input.teams ?? []);
  const roles = new Set(input.roles ?? []);
  const beyond = new Map<string, number>();
  const P = input.periods.length;
  for (const ch of changes) {
    switch (ch.kind) {
      case 'addPerson':
        if (people.some((p) => p.id === ch.person.id))
          throw new ScheduleInputError(`what-if adds person "${ch.person.id}", who already exists`);
        people.push({ ...ch.person, timeOff: ch.person.timeOff && [...ch.person.timeOff] });
        break;
      case 'removePerson': {
        const gone = people.find((p) => p.id === ch.personId);
        if (!gone) throw new ScheduleInputError(`what-if removes unknown person "${ch.personId}"`);
        people = people.filter((p) => p !== gone);
        teams.add(gone.teamId);
        roles.add(gone.roleId);
        demands = demands.map((d) =>
          d.personId === gone.id
            ? { ...d, personId: undefined, teamId: gone.teamId, roleId: gone.roleId }
            : d,
        );
        break;
      }
      case 'delayInitiative': {
        if (!Number.isInteger(ch.periods))
          throw new ScheduleInputError('what-if delay must be a whole number of periods');
        const mine = demands.filter((d) => d.sourceKind === 'initiative' && d.sourceId === ch.id);
        if (mine.length === 0)
          throw new ScheduleInputError(`what-if delays initiative "${ch.id}", which has no demand`);
        for (const d of mine) {
          const shifted = new Array<number>(P).fill(0);
          d.perPeriod.forEach((v, t) => {
            const to = t + ch.periods;
            if (to >= 0 && to < P) shifted[to] += v;
            else beyond.set(ch.id, (beyond.get(ch.id) ?? 0) + v);
          });
          d.perPeriod = shifted;
        }
        break;
      }
      case 'dropInitiative': {
        const before = demands.length;
        demands = demands.filter((d) => !(d.sourceKind === 'initiative' && d.sourceId === ch.id));
        if (demands.length === before)
          throw new ScheduleInputError(`what-if drops initiative "${ch.id}", which has no demand`);
        break;
      }
    }
  }
  return {
    input: { ...input, periods: [...input.periods], people, demands, teams: [...teams], roles: [...roles] },
    beyondHorizon: [...beyond].map(([sourceId, amount]) => ({ sourceId, amount })),
  };
}

/** Capacity views before and after the changes, the cells that moved and the alerts that appear or go. */
export function whatIfCapacity(
  input: CapacityInput,
  changes: readonly CapacityChange[],
  options: CapacityOptions = {},
): WhatIfResult {
  const before = capacityView(input, options);
  const applied = applyCapacityChanges(input, changes);
  const after = capacityView(applied.input, options);
  const key = (c: { level: string; key: string; period: number }) =>
    `${c.level}\u0000${c.key}\u0000${c.period}`;
  const beforeCells = new Map(before.cells.map((c) => [key(c), c]));
  const afterCells = new Map(after.cells.map((c) => [key(c), c]));
  const deltas: CapacityDelta[] = [];
  for (const k of new Set([...beforeCells.keys(), ...afterCells.keys()])) {
    const b = beforeCells.get(k);
    const a = afterCells.get(k);
    const cell = (a ?? b)!;
    const capacityBefore = b?.capacity ?? 0;
    const capacityAfter = a?.capacity ?? 0;
    const demandBefore = b?.demand ?? 0;
    const demandAfter = a?.demand ?? 0;
    if (Math.abs(capacityBefore - capacityAfter) < 1e-9 && Math.abs(demandBefore - demandAfter) < 1e-9)
      continue;
    deltas.push({
      level: cell.level,
      key: cell.key,
      period: cell.period,
      periodLabel: cell.periodLabel,
      capacityBefore,
      capacityAfter,
      demandBefore,
      demandAfter,
      utilizationBefore: b?.utilization ?? null,
      utilizationAfter: a?.utilization ?? null,
    });
  }
  const ref = (c: AlertRef): AlertRef => ({
    level: c.level,
    key: c.key,
    period: c.period,
    periodLabel: c.periodLabel,
  });
  const beforeAlerts = new Set(before.alerts.map(key));
  const afterAlerts = new Set(after.alerts.map(key));
  return {
    input: applied.input,
    before,
    after,
    deltas,
    newAlerts: after.alerts.filter((a) => !beforeAlerts.has(key(a))).map(ref),
    resolvedAlerts: before.alerts.filter((a) => !afterAlerts.has(key(a))).map(ref),
    beyondHorizon: applied.beyondHorizon,
  };
}

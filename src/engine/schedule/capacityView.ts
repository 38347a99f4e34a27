import { ScheduleInputError } from './scheduleInputError.ts';

export type DemandSourceKind = 'initiative' | 'feature' | 'allocation';
export type CapacityLevel = 'person' | 'team' | 'role';

export interface CapacityPerson {
  id: string;
  name?: string;
  teamId: string;
  roleId: string;
  /** Full-time equivalents (1 = full time). */
  fte: number;
  /** FTE lost per period (holidays, leave); capacity = max(0, fte − timeOff). */
  timeOff?: number[];
}

/** Demand in FTE per period from an approved initiative, a planned feature or an explicit allocation. */
export interface CapacityDemand {
  sourceKind: DemandSourceKind;
  sourceId: string;
  sourceName: string;
  /** Target: one person, or a team and/or a role (e.g. a feature's effort for a role in a team). */
  personId?: string;
  teamId?: string;
  roleId?: string;
  perPeriod: number[];
}

export interface CapacityInput {
  /** Labels of the periods, e.g. ['2027Q1', '2027Q2']; perPeriod arrays follow this order. */
  periods: string[];
  people: CapacityPerson[];
  demands: CapacityDemand[];
  /** Teams and roles that exist even with nobody in them (so demand on them shows as over-allocation). */
  teams?: string[];
  roles?: string[];
}

export interface CapacityOptions {
  /** Utilization % below which capacity counts as under-used (default 60). */
  underUsedBelow?: number;
}

export interface CapacityCell {
  level: CapacityLevel;
  key: string;
  period: number;
  periodLabel: string;
  capacity: number;
  demand: number;
  /** 100 × demand / capacity; null when there is no capacity. */
  utilization: number | null;
}

export interface DemandCause {
  sourceKind: DemandSourceKind;
  sourceId: string;
  sourceName: string;
  amount: number;
}

export interface OverAllocationAlert extends CapacityCell {
  /** demand − capacity, in FTE. */
  over: number;
  /** What the demand is made of, largest first. */
  causes: DemandCause[];
}

export interface UnderUsedEntry extends CapacityCell {
  /** capacity − demand, in FTE. */
  spare: number;
}

export interface CapacityView {
  periods: string[];
  cells: CapacityCell[];
  alerts: OverAllocationAlert[];
  underUsed: UnderUsedEntry[];
}

const EPS = 1e-9;

/**
 * Capacity against demand per person, team and role, per period. A person's capacity counts for the
 * person, their team and their role; demand on a person counts for all three, demand on a team (or
 * role) counts for that team (or role). Cells over 100 % become alerts naming the items that cause
 * them; cells under `underUsedBelow` % are reported as under-used. Throws ScheduleInputError on
 * unknown people, teams or roles, negative numbers or arrays longer than the periods.
 */
export function capacityView(input: CapacityInput, options: CapacityOptions = {}): CapacityView {
  const P = input.periods.length;
  const underBelow = options.underUsedBelow ?? 60;
  const rows = new Map<
    string,
    { level: CapacityLevel; key: string; capacity: Float64Array; demand: Float64Array; sources: number[] }
  >();
  const row = (level: CapacityLevel, key: string) => {
    const k = `${level}\u0000${key}`;
    let r = rows.get(k);
    if (!r) {
      r = { level, key, capacity: new Float64Array(P), demand: new Float64Array(P), sources: [] };
      rows.set(k, r);
    }
    return r;
  };
  const checkSeries = (what: string, values: number[] | undefined) => {
    if (!values) return;
    if (values.length > P)
      throw new ScheduleInputError(`${what} has ${values.length} values for ${P} periods`);
    if (values.some((v) => !Number.isFinite(v) || v < 0))
      throw new ScheduleInputError(`${what} must hold finite numbers ≥ 0`);
  };
  const people = new Map<string, CapacityPerson>();
  for (const t of input.teams ?? []) row('team', t);
  for (const r of input.roles ?? []) row('role', r);
  for (const p of input.people) {
    if (people.has(p.id)) throw new ScheduleInputError(`duplicate person id "${p.id}"`);
    if (!Number.isFinite(p.fte) || p.fte < 0) throw new ScheduleInputError(`person "${p.id}" needs fte ≥ 0`);
    checkSeries(`timeOff of person "${p.id}"`, p.timeOff);
    people.set(p.id, p);
    const targets = [row('person', p.id), row('team', p.teamId), row('role', p.roleId)];
    for (let t = 0; t < P; t++) {
      const c = Math.max(0, p.fte - (p.timeOff?.[t] ?? 0));
      for (const r of targets) r.capacity[t] += c;
    }
  }
  input.demands.forEach((d, index) => {
    const what = `demand of ${d.sourceKind} "${d.sourceId}"`;
    checkSeries(`${what} perPeriod`, d.perPeriod);
    const targets: ReturnType<typeof row>[] = [];
    if (d.personId !== undefined) {
      const p = people.get(d.personId);
      if (!p) throw new ScheduleInputError(`${what} targets unknown person "${d.personId}"`);
      targets.push(row('person', p.id), row('team', p.teamId), row('role', p.roleId));
    } else {
      if (d.teamId === undefined && d.roleId === undefined)
        throw new ScheduleInputError(`${what} targets nobody: give personId, teamId or roleId`);
      if (d.teamId !== undefined) {
        if (!rows.has(`team\u0000${d.teamId}`))
          throw new ScheduleInputError(`${what} targets unknown team "${d.teamId}"`);
        targets.push(row('team', d.teamId));
      }
      if (d.roleId !== undefined) {
        if (!rows.has(`role\u0000${d.roleId}`))
          throw new ScheduleInputError(`${what} targets unknown role "${d.roleId}"`);
        targets.push(row('role', d.roleId));
      }
    }
    for (const r of targets) {
      r.sources.push(index);
      for (let t = 0; t < d.perPeriod.length; t++) r.demand[t] += d.perPeriod[t];
    }
  });

  const cells: CapacityCell[] = [];
  const alerts: OverAllocationAlert[] = [];
  const underUsed: UnderUsedEntry[] = [];
  for (const r of rows.values()) {
    for (let t = 0; t < P; t++) {
      const capacity = r.capacity[t];
      const demand = r.demand[t];
      const cell: CapacityCell = {
        level: r.level,
        key: r.key,
        period: t,
        periodLabel: input.periods[t],
        capacity,
        demand,
        utilization: capacity > EPS ? (100 * demand) / capacity : null,
      };
      cells.push(cell);
      if (demand > capacity + EPS)
        alerts.push({ ...cell, over: demand - capacity, causes: causesOf(input, r.sources, t) });
      else if (capacity > EPS && cell.utilization! < underBelow)
        underUsed.push({ ...cell, spare: capacity - demand });
    }
  }
  alerts.sort((a, b) => b.over - a.over || a.period - b.period);
  underUsed.sort((a, b) => b.spare - a.spare || a.period - b.period);
  return { periods: [...input.periods], cells, alerts, underUsed };
}

/** Demand of one cell grouped by source (same kind and id summed), largest first. */
function causesOf(input: CapacityInput, sources: number[], t: number): DemandCause[] {
  const bySource = new Map<string, DemandCause>();
  for (const i of sources) {
    const d = input.demands[i];
    const amount = d.perPeriod[t] ?? 0;
    if (amount <= 0) continue;
    const k = `${d.sourceKind}\u0000${d.sourceId}`;
    const c = bySource.get(k);
    if (c) c.amount += amount;
    else
      bySource.set(k, { sourceKind: d.sourceKind, sourceId: d.sourceId, sourceName: d.sourceName, amount });
  }
  return [...bySource.values()].sort((a, b) => b.amount - a.amount || (a.sourceId < b.sourceId ? -1 : 1));
}

import { and, eq, inArray } from 'drizzle-orm';
import { periodIndex, periodOf } from '../../domain/periods.ts';
import type { CapacityDemand, CapacityInput } from '../../engine/schedule/capacityView.ts';
import { allocations, features, initiatives, products, releases } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { fteQuarters } from './effortUnits.ts';
import type { PlanningFrame } from './planningFrame.ts';
import { loadStoredResources, type StoredResources, soleTeamOf } from './storedResources.ts';

/** Initiative stages whose demand counts (funded work). */
export const DEMAND_STAGES = ['approved', 'active'] as const;
/** Feature statuses whose effort counts as demand. */
export const PLANNED_STATUSES = ['planned', 'in_progress'] as const;

/** Keys for people with no team or no role, so their capacity still shows somewhere. */
export const NO_TEAM = 'no-team';
export const NO_ROLE = 'no-role';

export interface StoredCapacity {
  input: CapacityInput;
  /** Name of every person, team, role and source id in the view. */
  names: Map<string, string>;
  resources: StoredResources;
  /** Approved or active initiatives in the view (what-if may delay or drop these). */
  initiativeIds: Set<string>;
}

/**
 * The capacity-view input of the stored organization over a planning frame:
 * - capacity: every person, `fte − timeOff[quarter]` (FTE lost), for the person, their team and role;
 * - explicit allocations: on the person, each allocation row one source named "person → target";
 * - approved/active initiatives: `demand[].perPeriod` FTE of a role from the initiative's start quarter,
 *   less what people of that role are already allocated to the initiative in that quarter (staffed work
 *   is counted once, on the people); on the role, and on the product's team when it has exactly one;
 * - planned/in-progress features: effort per role in person-weeks ÷ 13 = FTE-quarters, spread evenly over
 *   the quarters from the planning start to the quarter of the release's planned date (inclusive); without
 *   a dated release, or with a release before the planning start, all in the planning start quarter.
 */
export async function loadCapacityInput(ctx: ServiceContext, frame: PlanningFrame): Promise<StoredCapacity> {
  const db = ctx.store.db;
  const P = frame.periods.length;
  const [resources, initiativeRows, featureRows, allocationRows, productRows] = await Promise.all([
    loadStoredResources(ctx),
    db
      .select({
        id: initiatives.id,
        name: initiatives.name,
        productId: initiatives.productId,
        startPeriod: initiatives.startPeriod,
        demand: initiatives.demand,
      })
      .from(initiatives)
      .where(and(eq(initiatives.orgId, ctx.orgId), inArray(initiatives.stage, [...DEMAND_STAGES])))
      .orderBy(initiatives.name, initiatives.id),
    db
      .select({
        id: features.id,
        title: features.title,
        productId: features.productId,
        effortByRole: features.effortByRole,
        plannedDate: releases.plannedDate,
      })
      .from(features)
      .leftJoin(releases, eq(releases.id, features.releaseId))
      .where(and(eq(features.orgId, ctx.orgId), inArray(features.status, [...PLANNED_STATUSES])))
      .orderBy(features.title, features.id),
    db
      .select({
        id: allocations.id,
        personId: allocations.personId,
        productId: allocations.productId,
        initiativeId: allocations.initiativeId,
        period: allocations.period,
        fte: allocations.fte,
      })
      .from(allocations)
      .where(and(eq(allocations.orgId, ctx.orgId), inArray(allocations.period, frame.periods)))
      .orderBy(allocations.period, allocations.id),
    db.select({ id: products.id, name: products.name }).from(products).where(eq(products.orgId, ctx.orgId)),
  ]);
  const allInitiativeNames = await db
    .select({ id: initiatives.id, name: initiatives.name })
    .from(initiatives)
    .where(eq(initiatives.orgId, ctx.orgId));

  const names = new Map<string, string>([
    [NO_TEAM, 'No team'],
    [NO_ROLE, 'No role'],
  ]);
  for (const x of [...resources.teams, ...resources.roles, ...resources.people, ...productRows])
    names.set(x.id, x.name);
  for (const x of allInitiativeNames) names.set(x.id, x.name);
  const roleIds = new Set(resources.roles.map((r) => r.id));
  const personById = new Map(resources.people.map((p) => [p.id, p]));
  const slot = (label: string) => periodIndex(label) - frame.firstIndex;

  const input: CapacityInput = {
    periods: [...frame.periods],
    people: resources.people.map((p) => ({
      id: p.id,
      name: p.name,
      teamId: p.teamId ?? NO_TEAM,
      roleId: p.roleId ?? NO_ROLE,
      fte: p.fte,
      timeOff: frame.periods.map((q) => p.timeOff[q] ?? 0),
    })),
    demands: [],
    teams: resources.teams.map((t) => t.id),
    roles: resources.roles.map((r) => r.id),
  };

  // Allocations: on the person. Those to an initiative also reduce its unstaffed role demand.
  const staffed = new Map<string, number>(); // initiative, role, slot → FTE allocated
  for (const a of allocationRows) {
    const t = slot(a.period);
    const person = personById.get(a.personId);
    if (t < 0 || t >= P || !person) continue;
    const perPeriod = new Array<number>(P).fill(0);
    perPeriod[t] = a.fte;
    const target = a.initiativeId ?? a.productId ?? '';
    input.demands.push({
      sourceKind: 'allocation',
      sourceId: a.id,
      sourceName: `${person.name} → ${names.get(target) ?? target}`,
      personId: a.personId,
      perPeriod,
    });
    if (a.initiativeId && person.roleId) {
      const k = `${a.initiativeId}|${person.roleId}|${t}`;
      staffed.set(k, (staffed.get(k) ?? 0) + a.fte);
    }
  }

  const initiativeIds = new Set<string>();
  for (const i of initiativeRows) {
    initiativeIds.add(i.id);
    const teamId = soleTeamOf(resources, i.productId);
    for (const d of i.demand) {
      if (!roleIds.has(d.roleId)) continue;
      const perPeriod = new Array<number>(P).fill(0);
      const start = slot(i.startPeriod);
      d.perPeriod.forEach((v, k) => {
        const t = start + k;
        if (t < 0 || t >= P) return;
        perPeriod[t] = Math.max(0, v - (staffed.get(`${i.id}|${d.roleId}|${t}`) ?? 0));
      });
      const demand: CapacityDemand = {
        sourceKind: 'initiative',
        sourceId: i.id,
        sourceName: i.name,
        roleId: d.roleId,
        perPeriod,
      };
      if (teamId) demand.teamId = teamId;
      input.demands.push(demand);
    }
  }

  for (const f of featureRows) {
    names.set(f.id, f.title);
    const teamId = soleTeamOf(resources, f.productId);
    const releaseIndex = f.plannedDate ? periodIndex(periodOf(new Date(f.plannedDate))) : undefined;
    const first = frame.planningStartIndex;
    const last = releaseIndex !== undefined && releaseIndex >= first ? releaseIndex : first;
    const quarters = last - first + 1;
    for (const [roleId, weeks] of Object.entries(f.effortByRole)) {
      if (!roleIds.has(roleId) || !(weeks > 0)) continue;
      const perPeriod = new Array<number>(P).fill(0);
      const each = fteQuarters(weeks) / quarters;
      for (let q = first; q <= last; q++) {
        const t = q - frame.firstIndex;
        if (t >= 0 && t < P) perPeriod[t] = each;
      }
      const demand: CapacityDemand = {
        sourceKind: 'feature',
        sourceId: f.id,
        sourceName: f.title,
        roleId,
        perPeriod,
      };
      if (teamId) demand.teamId = teamId;
      input.demands.push(demand);
    }
  }
  return { input, names, resources, initiativeIds };
}

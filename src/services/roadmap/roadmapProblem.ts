import { and, eq, inArray } from 'drizzle-orm';
import { periodIndex, periodOf } from '../../domain/periods.ts';
import type { ScheduleItem, ScheduleProblem } from '../../domain/scheduleProblem.ts';
import { features, initiatives, products, releases } from '../../store/schema.ts';
import { loadPlanningFrame, type PlanningFrame } from '../capacity/planningFrame.ts';
import { DEMAND_STAGES, PLANNED_STATUSES } from '../capacity/storedCapacityInput.ts';
import { loadStoredResources } from '../capacity/storedResources.ts';
import type { ServiceContext } from '../context.ts';
import { loadSegmentPriorities } from '../finance/segmentPriorities.ts';
import { featureWork } from './featureWork.ts';
import { featurePriority, initiativePriority, mainSegment, portfolioScores } from './itemPriority.ts';
import { roleCapacity, teamsOf } from './roleCapacity.ts';

/** A feature or initiative on the roadmap, with what the scheduler needs and what the roadmap shows. */
export interface RoadmapWork {
  id: string;
  kind: 'feature' | 'initiative';
  name: string;
  productId: string | null;
  segmentId: string | null;
  priority: number;
  releaseId: string | null;
  /** Total effort per role in FTE-quarters (features: person-weeks ÷ 13). */
  effort: Record<string, number>;
  item: ScheduleItem;
}

export interface RoadmapRelease {
  id: string;
  name: string;
  productId: string;
  plannedDate: string;
  /** Quarter of the planned date, relative to the planning start (period 0). */
  period: number;
}

export interface RoadmapProblem {
  frame: PlanningFrame;
  problem: ScheduleProblem;
  work: RoadmapWork[];
  /** Items that can never be scheduled with these people, and why. */
  unschedulable: { id: string; kind: 'feature' | 'initiative'; name: string; reason: string }[];
  /** Feature ideas: not scheduled, shown as "later". */
  ideas: { id: string; name: string; productId: string; segmentId: string | null; priority: number }[];
  releases: RoadmapRelease[];
  names: Map<string, string>;
}

/**
 * The scheduling problem of a product (its teams' people, features and initiatives) or of the portfolio
 * (everyone, everything), over the organization's planning quarters with period 0 = the planning start:
 * - resources: one per role, capacity per quarter = Σ (fte − time off) of the people concerned;
 * - features (planned, in progress): see featureWork for duration and demand; earliest 0; due at the end
 *   of their release's quarter; priority WSJF;
 * - initiatives (approved, active): the rest of their plan from the planning start — duration = what is
 *   left of max(cost periods, demand periods), demand per role = the peak FTE of what is left (reserved
 *   in every quarter it runs); earliest = their start quarter; due at their planned end; after = the
 *   initiatives they `require` that are on the roadmap;
 * - an item needing a role with no sustained capacity (or more than it has) is unschedulable, and so is
 *   anything that waits for it.
 */
export async function loadRoadmapProblem(ctx: ServiceContext, productId?: string): Promise<RoadmapProblem> {
  const db = ctx.store.db;
  const frame = await loadPlanningFrame(ctx);
  const start = frame.firstIndex;
  const [resources, openFeatures, initiativeRows, releaseRows, productRows, segments, scores] =
    await Promise.all([
      loadStoredResources(ctx),
      // Planned work and ideas in one read; ideas are listed, not scheduled.
      db
        .select({
          id: features.id,
          title: features.title,
          status: features.status,
          productId: features.productId,
          releaseId: features.releaseId,
          effort: features.effort,
          effortByRole: features.effortByRole,
          businessValue: features.businessValue,
          timeCriticality: features.timeCriticality,
          riskReduction: features.riskReduction,
          segmentImpacts: features.segmentImpacts,
        })
        .from(features)
        .where(
          and(
            eq(features.orgId, ctx.orgId),
            inArray(features.status, [...PLANNED_STATUSES, 'idea']),
            productId ? eq(features.productId, productId) : undefined,
          ),
        )
        .orderBy(features.title, features.id),
      db
        .select({
          id: initiatives.id,
          name: initiatives.name,
          productId: initiatives.productId,
          segmentId: initiatives.segmentId,
          startPeriod: initiatives.startPeriod,
          costPerPeriod: initiatives.costPerPeriod,
          demand: initiatives.demand,
          requires: initiatives.requires,
          mandatory: initiatives.mandatory,
        })
        .from(initiatives)
        .where(
          and(
            eq(initiatives.orgId, ctx.orgId),
            inArray(initiatives.stage, [...DEMAND_STAGES]),
            productId ? eq(initiatives.productId, productId) : undefined,
          ),
        )
        .orderBy(initiatives.name, initiatives.id),
      db
        .select({
          id: releases.id,
          name: releases.name,
          productId: releases.productId,
          plannedDate: releases.plannedDate,
          status: releases.status,
        })
        .from(releases)
        .where(and(eq(releases.orgId, ctx.orgId), productId ? eq(releases.productId, productId) : undefined))
        .orderBy(releases.plannedDate, releases.id),
      db.select({ id: products.id, name: products.name }).from(products).where(eq(products.orgId, ctx.orgId)),
      loadSegmentPriorities(ctx),
      portfolioScores(ctx, productId),
    ]);
  const featureRows = openFeatures.filter((f) => f.status !== 'idea');
  const ideaRows = openFeatures.filter((f) => f.status === 'idea');

  const names = new Map<string, string>();
  for (const x of [...resources.roles, ...resources.teams, ...productRows]) names.set(x.id, x.name);
  for (const s of segments.segments) names.set(s.id, s.name);
  const capacity = roleCapacity(resources, frame.periods, teamsOf(resources, productId));
  const sustained = (roleId: string) => capacity.get(roleId)?.at(-1);
  const roleName = (roleId: string) => names.get(roleId) ?? roleId;

  const releaseList: RoadmapRelease[] = [];
  const releasePeriod = new Map<string, number>();
  for (const r of releaseRows) {
    names.set(r.id, r.name);
    if (!r.plannedDate) continue;
    const period = periodIndex(periodOf(new Date(r.plannedDate))) - start;
    releasePeriod.set(r.id, period);
    if (r.status === 'planned' || r.status === 'in_progress')
      releaseList.push({
        id: r.id,
        name: r.name,
        productId: r.productId,
        plannedDate: r.plannedDate,
        period,
      });
  }

  const work: RoadmapWork[] = [];
  const unschedulable: RoadmapProblem['unschedulable'] = [];
  for (const f of featureRows) {
    names.set(f.id, f.title);
    const w = featureWork(f.effortByRole, sustained, roleName);
    if (!w.ok) {
      unschedulable.push({ id: f.id, kind: 'feature', name: f.title, reason: w.reason });
      continue;
    }
    const due = f.releaseId ? releasePeriod.get(f.releaseId) : undefined;
    work.push({
      id: f.id,
      kind: 'feature',
      name: f.title,
      productId: f.productId,
      segmentId: mainSegment(f.segmentImpacts),
      priority: featurePriority(f, scores.get(f.id)),
      releaseId: f.releaseId,
      effort: w.effort,
      item: {
        id: f.id,
        name: f.title,
        duration: w.duration,
        demand: w.demand,
        after: [],
        priority: featurePriority(f, scores.get(f.id)),
        earliest: 0,
        ...(due !== undefined ? { deadline: Math.max(0, due + 1) } : {}),
      },
    });
  }
  const topFeature = Math.max(0, ...work.map((w) => w.priority));

  const onRoadmap = new Set(initiativeRows.map((i) => i.id));
  const blocked = new Map<string, string>();
  for (const i of initiativeRows) {
    names.set(i.id, i.name);
    const offset = periodIndex(i.startPeriod) - start;
    const elapsed = Math.max(0, -offset);
    const planned = Math.max(1, i.costPerPeriod.length, ...i.demand.map((d) => d.perPeriod.length));
    const duration = Math.max(1, planned - elapsed);
    const demand: Record<string, number> = {};
    const effort: Record<string, number> = {};
    for (const d of i.demand) {
      if (!capacity.has(d.roleId)) continue;
      const rest = d.perPeriod.slice(elapsed);
      const peak = Math.max(0, ...rest);
      if (peak <= 0) continue;
      demand[d.roleId] = (demand[d.roleId] ?? 0) + peak;
      effort[d.roleId] = (effort[d.roleId] ?? 0) + rest.reduce((a, b) => a + b, 0);
    }
    for (const [roleId, amount] of Object.entries(demand)) {
      const c = sustained(roleId) ?? 0;
      if (amount > c + 1e-9 && !blocked.has(i.id))
        blocked.set(
          i.id,
          `needs ${amount} FTE of ${roleName(roleId)} per quarter and the people concerned have ${c}`,
        );
    }
    const priority = initiativePriority(
      {
        mandatory: i.mandatory,
        segmentWeight: i.segmentId ? (segments.byId.get(i.segmentId)?.priority ?? 0) : 0,
      },
      topFeature,
    );
    work.push({
      id: i.id,
      kind: 'initiative',
      name: i.name,
      productId: i.productId,
      segmentId: i.segmentId,
      priority,
      releaseId: null,
      effort,
      item: {
        id: i.id,
        name: i.name,
        duration,
        demand,
        after: i.requires.filter((r) => onRoadmap.has(r)),
        priority,
        earliest: Math.max(0, offset),
        deadline: Math.max(0, offset + planned),
      },
    });
  }
  // Whatever waits for an unschedulable initiative cannot be scheduled either (to a fixed point).
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of work) {
      if (blocked.has(w.id)) continue;
      const waitsFor = w.item.after.find((a) => blocked.has(a));
      if (waitsFor) {
        blocked.set(w.id, `waits for ${names.get(waitsFor) ?? waitsFor}, which cannot be scheduled`);
        changed = true;
      }
    }
  }
  for (const [id, reason] of blocked) {
    const w = work.find((x) => x.id === id)!;
    unschedulable.push({ id, kind: w.kind, name: w.name, reason });
  }
  const scheduled = work.filter((w) => !blocked.has(w.id));

  return {
    frame,
    problem: {
      resources: [...capacity].map(([id, series]) => ({ id, name: roleName(id), capacity: series })),
      items: scheduled.map((w) => w.item),
    },
    work: scheduled,
    unschedulable,
    ideas: ideaRows.map((f) => ({
      id: f.id,
      name: f.title,
      productId: f.productId,
      segmentId: mainSegment(f.segmentImpacts),
      priority: featurePriority(f, scores.get(f.id)),
    })),
    releases: releaseList,
    names,
  };
}

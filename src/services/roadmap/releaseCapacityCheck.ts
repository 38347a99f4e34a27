import { and, eq, notInArray } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import { periodAt, periodIndex, periodOf, periodRange } from '../../domain/periods.ts';
import type { ScheduleItem } from '../../domain/scheduleProblem.ts';
import { checkReleaseCapacity, type ReleaseRoleCheck } from '../../engine/schedule/checkReleaseCapacity.ts';
import { features } from '../../store/schema.ts';
import { asDomainError } from '../capacity/capacityReport.ts';
import { loadPlanningFrame } from '../capacity/planningFrame.ts';
import { loadStoredResources } from '../capacity/storedResources.ts';
import type { ServiceContext } from '../context.ts';
import { getEntity } from '../entities/entityService.ts';
import { entity } from '../entities/registry.ts';
import { scheduleProblem } from '../scheduleProblem.ts';
import { featureWork } from './featureWork.ts';
import { featurePriority, portfolioScores } from './itemPriority.ts';
import { type LatenessCause, latenessCause } from './latenessCause.ts';
import { roleCapacity, teamsOf } from './roleCapacity.ts';

/** Features in these statuses are no longer work for the release. */
const NOT_WORK = ['shipped', 'rejected', 'parking_lot'];

export interface ReleaseCapacityCheck {
  release: { id: string; name: string; productId: string; plannedDate: string; period: string };
  /** Quarters of work before the release: from the planning start to the release's quarter, inclusive. */
  window: { from: string; to: string; periods: number };
  /** Effort and capacity are in FTE-quarters (1 = one person full time for a quarter = 13 person-weeks). */
  unit: 'FTE-quarter';
  fits: boolean;
  capacity: {
    fits: boolean;
    roles: (Omit<ReleaseRoleCheck, 'items'> & {
      roleName: string;
      items: { id: string; name: string; amount: number }[];
    })[];
  };
  schedule: {
    fits: boolean;
    /** Last quarter of work, if everything can be scheduled. */
    endPeriod: string | null;
    late: { id: string; name: string; slip: number; endPeriod: string; cause: LatenessCause }[];
    /** Scope items needing a role the team has none of: they cannot make the release at all. */
    unschedulable: { id: string; name: string; reason: string }[];
    starts: Record<string, string>;
    message?: string;
  };
}

/**
 * Does a release's scope (its features not yet shipped, rejected or parked) fit the product team's
 * capacity before the release? The aggregate half (checkReleaseCapacity): per role, the scope's effort
 * (person-weeks ÷ 13) against Σ (fte − time off) of the product's teams' people over the quarters from
 * the planning start to the release's quarter, with by how much it is over and which features weigh most.
 * The sequencing half (checkReleaseSchedule's problem, solved on the worker pool): schedules the scope
 * with every feature due at the end of the release's quarter, higher WSJF first, and says who slips, by
 * how many quarters and because of which role in which quarter.
 */
export async function getReleaseCapacityCheck(
  ctx: ServiceContext,
  releaseId: string,
): Promise<ReleaseCapacityCheck> {
  const release = await getEntity(ctx, entity('releases'), releaseId);
  const plannedDate = release.plannedDate as string | null;
  if (!plannedDate)
    throw new DomainError('unprocessable', `release ${release.name} has no planned date to check against`);
  const productId = String(release.productId);
  const [frame, resources, scores, scopeRows] = await Promise.all([
    loadPlanningFrame(ctx),
    loadStoredResources(ctx),
    portfolioScores(ctx, productId),
    ctx.store.db
      .select({
        id: features.id,
        title: features.title,
        effort: features.effort,
        effortByRole: features.effortByRole,
        businessValue: features.businessValue,
        timeCriticality: features.timeCriticality,
        riskReduction: features.riskReduction,
      })
      .from(features)
      .where(
        and(
          eq(features.orgId, ctx.orgId),
          eq(features.releaseId, releaseId),
          notInArray(features.status, NOT_WORK),
        ),
      )
      .orderBy(features.title, features.id),
  ]);
  const start = frame.planningStartIndex;
  const releaseQuarter = periodOf(new Date(plannedDate));
  const lastPeriod = periodIndex(releaseQuarter) - start;
  const label = (t: number) => periodAt(start + t);
  const periods = periodRange(frame.planningStart, Math.max(1, lastPeriod + 1));
  const capacity = roleCapacity(resources, periods, teamsOf(resources, productId));
  const names = new Map<string, string>(resources.roles.map((r) => [r.id, r.name]));
  for (const f of scopeRows) names.set(f.id, f.title);
  const nameOf = (id: string) => names.get(id) ?? id;

  const work = scopeRows.map((f) => ({
    f,
    w: featureWork(f.effortByRole, (r) => capacity.get(r)?.at(-1), nameOf),
  }));
  let aggregate: ReturnType<typeof checkReleaseCapacity>;
  try {
    aggregate = checkReleaseCapacity({
      fromPeriod: 0,
      lastPeriod,
      scope: work.map(({ f, w }) => ({ id: f.id, name: f.title, effort: w.effort })),
      capacity: Object.fromEntries(capacity),
    });
  } catch (err) {
    return asDomainError(err);
  }

  const unschedulable = work.flatMap(({ f, w }) =>
    w.ok ? [] : [{ id: f.id, name: f.title, reason: w.reason }],
  );
  const items: ScheduleItem[] = work.flatMap(({ f, w }) =>
    w.ok
      ? [
          {
            id: f.id,
            name: f.title,
            duration: w.duration,
            demand: w.demand,
            after: [],
            priority: featurePriority(f, scores.get(f.id)),
            earliest: 0,
            deadline: Math.max(0, lastPeriod + 1),
          },
        ]
      : [],
  );
  const result = await scheduleProblem(
    {
      resources: [...capacity].map(([id, series]) => ({ id, name: nameOf(id), capacity: series })),
      items,
    },
    { objective: 'priority', timeLimitSeconds: 0.2, seed: 1 },
  ).catch(asDomainError);
  const late = result.late.map((l) => ({
    id: l.id,
    name: nameOf(l.id),
    slip: l.slip,
    endPeriod: label(l.end - 1),
    cause: latenessCause(l.cause, nameOf, label),
  }));
  const scheduleFits =
    result.status !== 'infeasible' && late.length === 0 && unschedulable.length === 0 && lastPeriod >= 0;
  return {
    release: { id: releaseId, name: String(release.name), productId, plannedDate, period: releaseQuarter },
    window: { from: frame.planningStart, to: releaseQuarter, periods: aggregate.periods },
    unit: 'FTE-quarter',
    fits: aggregate.fits && scheduleFits,
    capacity: {
      fits: aggregate.fits,
      roles: aggregate.roles
        .filter((r) => r.demand > 0 || r.capacity > 0)
        .map((r) => ({
          ...r,
          roleName: nameOf(r.roleId),
          items: r.items.map((i) => ({ ...i, name: nameOf(i.id) })),
        })),
    },
    schedule: {
      fits: scheduleFits,
      endPeriod: result.makespan !== null && result.makespan > 0 ? label(result.makespan - 1) : null,
      late,
      unschedulable,
      starts: Object.fromEntries(Object.entries(result.starts).map(([id, s]) => [id, label(s)])),
      ...(result.message ? { message: result.message } : {}),
    },
  };
}

import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { PortfolioInitiative, PortfolioSettings } from '../../domain/optimizeProblem.ts';
import { periodIndex, periodRange } from '../../domain/periods.ts';
import { riskExposure } from '../../engine/finance/riskExposure.ts';
import { goals, initiatives, segments } from '../../store/schema.ts';
import { loadStoredResources } from '../capacity/storedResources.ts';
import type { ServiceContext } from '../context.ts';
import { loadPlanningSettings } from '../finance/planningSettings.ts';
import { loadRisks } from '../finance/storedRisks.ts';
import { roleCapacity } from '../roadmap/roleCapacity.ts';
import type { OptimizerConstraints } from './optimizerConstraints.ts';

/** A candidate initiative as stored, with what a commit and the presentation need. */
export interface Candidate {
  id: string;
  name: string;
  stage: string;
  version: number;
  productId: string | null;
  startPeriod: string;
  /** Index of the initiative's first period inside the plan (0 when it started before the plan). */
  earliestStart: number;
  /** Periods of its own timeline already behind the plan's start (cut off). */
  elapsed: number;
  demand: { roleId: string; perPeriod: number[] }[];
}

/** Stored initiatives and plan settings, in the optimizer's terms. */
export interface PortfolioInput {
  initiatives: PortfolioInitiative[];
  settings: PortfolioSettings;
  candidates: Candidate[];
  /** Version of every candidate at load time (a commit refuses a scenario whose initiatives changed). */
  versions: Record<string, number>;
  /** Names of initiatives, roles, goals and segments by id. */
  names: Record<string, string>;
  warnings: string[];
}

const invalid = (path: string[], message: string) =>
  new DomainError('invalid_input', `${path.join('.')}: ${message}`, { issues: [{ path, message }] });

const unknown = (path: string[], message: string) =>
  new DomainError('unknown_reference', message, { issues: [{ path, message }] });

/** One figure → every period; a list must have one value per period. */
function perPeriod(value: number | number[], periods: number, path: string[]): number[] {
  if (typeof value === 'number') return new Array<number>(periods).fill(value);
  if (value.length !== periods)
    throw invalid(path, `needs one value per planning period (${periods}), got ${value.length}`);
  return [...value];
}

/**
 * Reads the organization's candidate initiatives, goals, people and open risks and turns them into
 * `PortfolioInitiative[]` and `PortfolioSettings`:
 * - periods: the organization's planning quarters (planningStart, planningPeriods); discount rate per quarter;
 * - each candidate starts at its stored startPeriod; work begun before the plan keeps only its remaining
 *   periods (and, when active, cannot be moved); work starting after the plan is left out (warning);
 * - goal weights: goals.weight; risk exposure: Σ probability × impact of its open/mitigating risks;
 * - budget: the request's, or budgetShare (60 %) × the candidates' total cost in each period;
 * - capacity: the request's per role, or Σ (fte − time off) of the role's people per period.
 */
export async function loadPortfolioInput(
  ctx: ServiceContext,
  c: OptimizerConstraints,
): Promise<PortfolioInput> {
  const db = ctx.store.db;
  const plan = await loadPlanningSettings(ctx);
  const periods = periodRange(plan.planningStart, plan.planningPeriods);
  const P = periods.length;
  const first = periodIndex(plan.planningStart);
  const [rows, goalRows, segmentRows, resources, risks, allNames] = await Promise.all([
    db
      .select({
        id: initiatives.id,
        name: initiatives.name,
        stage: initiatives.stage,
        version: initiatives.version,
        productId: initiatives.productId,
        segmentId: initiatives.segmentId,
        startPeriod: initiatives.startPeriod,
        costPerPeriod: initiatives.costPerPeriod,
        benefitPerPeriod: initiatives.benefitPerPeriod,
        probability: initiatives.probability,
        demand: initiatives.demand,
        alignment: initiatives.alignment,
        requires: initiatives.requires,
        excludes: initiatives.excludes,
        mandatory: initiatives.mandatory,
      })
      .from(initiatives)
      .where(and(eq(initiatives.orgId, ctx.orgId), inArray(initiatives.stage, c.stages)))
      .orderBy(initiatives.name, initiatives.id),
    db
      .select({ id: goals.id, name: goals.name, weight: goals.weight })
      .from(goals)
      .where(eq(goals.orgId, ctx.orgId)),
    db.select({ id: segments.id, name: segments.name }).from(segments).where(eq(segments.orgId, ctx.orgId)),
    loadStoredResources(ctx),
    loadRisks(db, ctx.orgId),
    // Every initiative's name, so warnings about non-candidates read by name too.
    db
      .select({ id: initiatives.id, name: initiatives.name })
      .from(initiatives)
      .where(eq(initiatives.orgId, ctx.orgId)),
  ]);
  const names: Record<string, string> = {};
  for (const x of [...goalRows, ...segmentRows, ...resources.roles, ...allNames]) names[x.id] = x.name;
  const warnings: string[] = [];

  const exposure = riskExposure(risks).byInitiative;
  const included = new Set(c.include);
  const excluded = new Set(c.exclude);
  const candidates: Candidate[] = [];
  const list: PortfolioInitiative[] = [];
  for (const r of rows) {
    names[r.id] = r.name;
    const offset = periodIndex(r.startPeriod) - first;
    if (offset >= P) {
      warnings.push(`${r.name} starts in ${r.startPeriod}, after the plan ends: not a candidate`);
      continue;
    }
    const elapsed = Math.max(0, -offset);
    const earliestStart = Math.max(0, offset);
    const demand = r.demand.map((d) => ({ roleId: d.roleId, perPeriod: d.perPeriod.slice(elapsed) }));
    const cost = r.costPerPeriod.slice(elapsed);
    const length = Math.max(cost.length, ...demand.map((d) => d.perPeriod.length));
    const underway = elapsed > 0 || r.stage === 'active';
    candidates.push({
      id: r.id,
      name: r.name,
      stage: r.stage,
      version: r.version,
      productId: r.productId,
      startPeriod: r.startPeriod,
      earliestStart,
      elapsed,
      demand,
    });
    list.push({
      id: r.id,
      name: r.name,
      costPerPeriod: cost,
      benefitPerPeriod: r.benefitPerPeriod.slice(elapsed),
      probability: r.probability,
      alignment: r.alignment,
      demandPerRolePerPeriod: Object.fromEntries(demand.map((d) => [d.roleId, d.perPeriod])),
      requires: r.requires,
      excludes: r.excludes,
      mandatory: r.mandatory || included.has(r.id),
      forbidden: excluded.has(r.id),
      segmentId: r.segmentId,
      riskExposure: exposure[r.id] ?? 0,
      durationPeriods: Math.max(1, length),
      earliestStart,
      // Work already under way keeps its schedule; only its funding is in question.
      ...(underway ? { latestStart: earliestStart } : {}),
    });
  }

  const known = new Set(candidates.map((x) => x.id));
  for (const key of ['include', 'exclude'] as const)
    c[key].forEach((id, i) => {
      if (!known.has(id))
        throw unknown([key, String(i)], `no candidate initiative ${id} (stages ${c.stages.join(', ')})`);
    });
  const goalIds = new Set(goalRows.map((g) => g.id));
  const segmentIds = new Set(segmentRows.map((s) => s.id));
  c.goalBounds?.forEach((b, i) => {
    if (!goalIds.has(b.goalId)) throw unknown(['goalBounds', String(i)], `no goal ${b.goalId}`);
  });
  c.segmentBounds?.forEach((b, i) => {
    if (!segmentIds.has(b.segmentId))
      throw unknown(['segmentBounds', String(i)], `no segment ${b.segmentId}`);
  });

  let budgetPerPeriod: number[];
  if (c.budgetPerPeriod !== undefined) {
    budgetPerPeriod = perPeriod(c.budgetPerPeriod, P, ['budgetPerPeriod']);
  } else {
    const total = new Array<number>(P).fill(0);
    for (const it of list)
      it.costPerPeriod.forEach((v, t) => {
        const at = (it.earliestStart ?? 0) + t;
        if (at < P) total[at] += v;
      });
    budgetPerPeriod = total.map((v) => Math.round(v * c.budgetShare));
  }

  const capacity = roleCapacity(resources, periods);
  const capacityPerRolePerPeriod: Record<string, number[]> = {};
  for (const [roleId, series] of capacity) capacityPerRolePerPeriod[roleId] = series.map(round3);
  for (const [roleId, v] of Object.entries(c.capacityPerRolePerPeriod ?? {})) {
    if (!capacity.has(roleId))
      throw unknown(['capacityPerRolePerPeriod', roleId], `no role ${roleId} in this organization`);
    capacityPerRolePerPeriod[roleId] = perPeriod(v, P, ['capacityPerRolePerPeriod', roleId]);
  }

  const settings: PortfolioSettings = {
    objective: c.objective,
    goalWeights: Object.fromEntries(goalRows.map((g) => [g.id, Math.max(0, g.weight)])),
    discountRate: plan.discountRate,
    periods,
    budgetPerPeriod,
    capacityPerRolePerPeriod,
    ...(c.segmentBounds ? { segmentBounds: c.segmentBounds } : {}),
    ...(c.goalBounds ? { goalBounds: c.goalBounds } : {}),
    ...(c.riskCap !== undefined ? { riskCap: c.riskCap } : {}),
    timePhased: c.timePhased,
    ...(c.maxDelay !== undefined ? { maxDelay: c.maxDelay } : {}),
  };
  return {
    initiatives: list,
    settings,
    candidates,
    versions: Object.fromEntries(candidates.map((x) => [x.id, x.version])),
    names,
    warnings,
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

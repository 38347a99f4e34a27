import { DomainError } from '../../domain/errors.ts';
import { periodAt, periodIndex, periodOf } from '../../domain/periods.ts';
import type { LateCause, ScheduleProblem, ScheduleStatus } from '../../domain/scheduleProblem.ts';
import { buildRoadmap, type RoadmapEntry } from '../../engine/schedule/buildRoadmap.ts';
import { asDomainError } from '../capacity/capacityReport.ts';
import type { ServiceContext } from '../context.ts';
import { getEntity } from '../entities/entityService.ts';
import { entity } from '../entities/registry.ts';
import { scheduleProblem } from '../scheduleProblem.ts';
import { type LatenessCause, latenessCause } from './latenessCause.ts';
import { loadRoadmapProblem, type RoadmapProblem } from './roadmapProblem.ts';

export const ROADMAP_VIEWS = ['quarter', 'release', 'horizon'] as const;
export type RoadmapView = (typeof ROADMAP_VIEWS)[number];

/** One scheduled feature or initiative. */
export interface RoadmapItem {
  id: string;
  kind: 'feature' | 'initiative' | 'milestone';
  name: string;
  link: { type: 'feature' | 'initiative' | 'release'; id: string };
  productId: string | null;
  productName: string | null;
  segment: { id: string; name: string } | null;
  priority: number | null;
  releaseId: string | null;
  /** Periods relative to the planning start (0); end is exclusive. */
  start: number;
  end: number;
  startPeriod: string;
  /** The last quarter the item runs in (the quarter itself for a milestone). */
  endPeriod: string;
  duration: number;
  /** FTE of each role used in every quarter the item runs. */
  demand: Record<string, number>;
  deadline: number | null;
  deadlinePeriod: string | null;
  late: { slip: number; cause: LatenessCause } | null;
}

export interface RoadmapGroupOut {
  key: string;
  name: string;
  /** Scheduled features and initiatives only, in the view's order (start, then higher priority first). */
  items: RoadmapItem[];
}

export interface RoadmapIdea {
  id: string;
  name: string;
  link: { type: 'feature'; id: string };
  segment: { id: string; name: string } | null;
  priority: number;
}

/**
 * Everything the roadmap of a scope holds, in every view: the whole computation that pages are cut
 * from (see roadmapPage.ts). Unbounded: at the portfolio level of a large organization it is tens of MB.
 */
export interface FullRoadmap {
  scope: { productId: string | null; name: string };
  planningStart: string;
  periods: string[];
  /** The quarter counted as "now" (the current quarter, or the planning start if that is later). */
  currentPeriod: string;
  items: RoadmapItem[];
  /** The groups of each view in display order; releases with nothing scheduled into them included. */
  views: Record<RoadmapView, RoadmapGroupOut[]>;
  /** The releases, by date. */
  milestones: RoadmapItem[];
  /** Feature ideas: not scheduled; on the roadmap as "later". Highest priority first. */
  ideas: RoadmapIdea[];
  unschedulable: RoadmapProblem['unschedulable'];
  /** Late items, the largest slip first. */
  late: RoadmapItem[];
  schedule: {
    status: ScheduleStatus;
    makespan: number | null;
    lowerBound: number;
    message?: string;
    /** The exact problem solved (resources = roles) and the starts found, so anyone can re-check them. */
    problem: ScheduleProblem;
    starts: Record<string, number>;
  };
}

/** The `view` query parameter: quarter (default), release or horizon; anything else is a 400. */
export function parseView(raw: string | undefined): RoadmapView {
  if (raw === undefined || raw === '') return 'quarter';
  if ((ROADMAP_VIEWS as readonly string[]).includes(raw)) return raw as RoadmapView;
  throw new DomainError('invalid_input', 'view: must be quarter, release or horizon', {
    issues: [{ path: ['view'], message: 'must be quarter, release or horizon' }],
  });
}

/** The name of a product of the organization (404 for anything else), checked before any caching. */
export async function roadmapScopeName(ctx: ServiceContext, productId: string | undefined): Promise<string> {
  if (!productId) return 'Portfolio';
  if (!/^[0-9a-f-]{36}$/i.test(productId))
    throw new DomainError('not_found', `product ${productId} does not exist in this organization`, {
      id: productId,
    });
  return String((await getEntity(ctx, entity('products'), productId.toLowerCase())).name);
}

/**
 * The roadmap of a product (`productId`) or of the portfolio: schedules its planned and in-progress
 * features and approved and active initiatives against its people's capacity per role (on the worker
 * pool, priority objective: the higher-priority items are placed first and the lower ones slip), then
 * groups the result by quarter, by release or as now / next / later, with the releases as milestones.
 * Each item links to its feature or initiative and shows its segment and priority; late items say by how
 * much and why (a role short in a quarter, a predecessor, or their own earliest start). `productId` is
 * lower-case and checked (roadmapScopeName).
 */
export async function computeRoadmap(
  ctx: ServiceContext,
  productId: string | undefined,
  scopeName: string,
): Promise<FullRoadmap> {
  const rp = await loadRoadmapProblem(ctx, productId);
  const result = await scheduleProblem(rp.problem, {
    objective: 'priority',
    timeLimitSeconds: 1,
    seed: 1,
  }).catch(asDomainError);
  const start = rp.frame.firstIndex;
  const label = (t: number) => periodAt(start + t);
  const name = (id: string | null) => (id ? (rp.names.get(id) ?? id) : null);
  const segmentOf = (id: string | null) => (id ? { id, name: name(id)! } : null);
  const lateById = new Map(result.late.map((l) => [l.id, l]));
  const cause = (c: LateCause) => latenessCause(c, (id) => name(id)!, label);

  const items: RoadmapItem[] = rp.work
    .filter((w) => result.starts[w.id] !== undefined)
    .map((w) => {
      const s = result.starts[w.id]!;
      const end = s + w.item.duration;
      const l = lateById.get(w.id);
      return {
        id: w.id,
        kind: w.kind,
        name: w.name,
        link: { type: w.kind, id: w.id },
        productId: w.productId,
        productName: name(w.productId),
        segment: segmentOf(w.segmentId),
        priority: w.priority,
        releaseId: w.releaseId,
        start: s,
        end,
        startPeriod: label(s),
        endPeriod: label(Math.max(s, end - 1)),
        duration: w.item.duration,
        demand: w.item.demand,
        deadline: w.item.deadline ?? null,
        deadlinePeriod: w.item.deadline !== undefined ? label(Math.max(0, w.item.deadline - 1)) : null,
        late: l ? { slip: l.slip, cause: cause(l.cause) } : null,
      };
    });
  const milestones: RoadmapItem[] = rp.releases.map((r) => ({
    id: r.id,
    kind: 'milestone',
    name: r.name,
    link: { type: 'release', id: r.id },
    productId: r.productId,
    productName: name(r.productId),
    segment: null,
    priority: null,
    releaseId: r.id,
    start: r.period,
    end: r.period,
    startPeriod: label(r.period),
    endPeriod: label(r.period),
    duration: 0,
    demand: {},
    deadline: null,
    deadlinePeriod: null,
    late: null,
  }));
  const all = [...items, ...milestones];
  const byId = new Map(all.map((i) => [i.id, i]));
  const entries: RoadmapEntry[] = all.map((i) => ({
    id: i.id,
    kind: i.kind,
    name: i.name,
    productId: i.productId ?? undefined,
    segmentId: i.segment?.id,
    priority: i.priority ?? undefined,
    start: i.start,
    end: i.end,
    releaseId: i.releaseId ?? undefined,
  }));
  const currentPeriod = Math.max(0, periodIndex(periodOf(ctx.now())) - start);
  const roadmap = buildRoadmap(entries, {
    currentPeriod,
    quarterOf: label,
    releases: rp.releases.map((r) => ({ id: r.id, name: r.name, period: r.period })),
  });
  // Milestones head their release group and the quarter header; the rows are the scheduled work.
  const rich = (list: RoadmapEntry[]) =>
    list.filter((e) => e.kind !== 'milestone').map((e) => byId.get(e.id)!);
  const groupsOf = (gs: typeof roadmap.byQuarter): RoadmapGroupOut[] =>
    gs.map((g) => ({ key: g.key, name: g.name, items: rich(g.items) }));
  const horizons = (['now', 'next', 'later', 'done'] as const).map((h) => ({
    key: h,
    name: h[0]!.toUpperCase() + h.slice(1),
    items: rich(roadmap.horizons[h]),
  }));
  return {
    scope: { productId: productId ?? null, name: scopeName },
    planningStart: rp.frame.planningStart,
    periods: rp.frame.periods,
    currentPeriod: label(currentPeriod),
    items,
    views: {
      quarter: groupsOf(roadmap.byQuarter).filter((g) => g.items.length > 0),
      release: groupsOf(roadmap.byRelease),
      horizon: horizons,
    },
    milestones: roadmap.milestones.map((e) => byId.get(e.id)!),
    ideas: rp.ideas
      .map((f) => ({
        id: f.id,
        name: f.name,
        link: { type: 'feature' as const, id: f.id },
        segment: segmentOf(f.segmentId),
        priority: f.priority,
      }))
      .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1)),
    unschedulable: rp.unschedulable,
    late: items.filter((i) => i.late).sort((a, b) => b.late!.slip - a.late!.slip),
    schedule: {
      status: result.status,
      makespan: result.makespan,
      lowerBound: result.lowerBound,
      ...(result.message ? { message: result.message } : {}),
      problem: rp.problem,
      starts: result.starts,
    },
  };
}

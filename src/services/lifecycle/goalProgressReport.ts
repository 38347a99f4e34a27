import { eq, sql } from 'drizzle-orm';
import { periodAt, periodIndex } from '../../domain/periods.ts';
import { goalProgress, keyResultProgress } from '../../engine/lifecycle/goalProgress.ts';
import { queryRows } from '../../store/queryRows.ts';
import { goals } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadPlanningSettings, type PlanningSettings } from '../finance/planningSettings.ts';

/** Alignment above which an initiative counts as linked to a goal. */
export const LINK_THRESHOLD = 0.5;

/** How far an initiative is, by stage (a stage-gate view: only done work is complete). */
export const STAGE_PROGRESS: Readonly<Record<string, number>> = {
  proposed: 0,
  approved: 0.1,
  on_hold: 0.25,
  active: 0.5,
  done: 1,
};

/** How far a committed feature is: shipped 1, in progress ½, planned 0. */
export const FEATURE_PROGRESS = { shipped: 1, in_progress: 0.5, planned: 0 } as const;

export interface GoalProgressRow {
  goalId: string;
  name: string;
  weight: number;
  progress: number;
  keyResultsProgress: number | null;
  linkedItemsProgress: number | null;
  expectedProgress: number;
  offTrack: boolean;
  /** The goal's time frame: the key results' earliest start to latest due quarter (else the plan). */
  startPeriod: string;
  duePeriod: string;
  keyResults: {
    id: string;
    name: string;
    kpiId: string | null;
    start: number;
    target: number;
    current: number | null;
    currentPeriod: string | null;
    weight: number;
    progress: number;
  }[];
  linkedInitiatives: { id: string; name: string; stage: string; alignment: number; progress: number }[];
  /** Committed features of the linked initiatives' products, one roll-up per product. */
  linkedFeatures: { productId: string; featureCount: number; effort: number; progress: number }[];
}

interface KeyResultRow {
  id: string;
  goal_id: string;
  kpi_id: string | null;
  name: string;
  start: number;
  target: number;
  weight: number;
  start_period: string | null;
  due_period: string | null;
  current: number | null;
  current_period: string | null;
}

interface LinkRow {
  id: string;
  name: string;
  stage: string;
  goal_id: string;
  alignment: number;
}

interface FeatureRollupRow {
  goal_id: string;
  product_id: string;
  feature_count: number;
  effort: number;
  done: number;
}

/** First instant of a quarter (UTC). */
const quarterStart = (period: string) => {
  const i = periodIndex(period);
  return Date.UTC(Math.floor(i / 4), (i % 4) * 3, 1);
};

/**
 * Progress of every strategic goal: its key results (current = the KPI's latest measurement) blended 50/50
 * with its linked work — initiatives whose alignment with the goal is above 0.5 (progress by stage, weighted
 * by alignment) and the committed features (planned, in progress, shipped; effort-weighted) of those
 * initiatives' products, one item per product. Off track when behind the elapsed share of the goal's time
 * frame by more than 0.1. Four queries, whatever the number of goals.
 */
export async function getGoalProgress(
  ctx: ServiceContext,
  preloaded?: { settings?: PlanningSettings },
): Promise<GoalProgressRow[]> {
  const db = ctx.store.db;
  const org = ctx.orgId;
  const [settings, goalRows, krRows, linkRows, featureRows] = await Promise.all([
    preloaded?.settings ?? loadPlanningSettings(ctx),
    db
      .select({ id: goals.id, name: goals.name, weight: goals.weight })
      .from(goals)
      .where(eq(goals.orgId, org))
      .orderBy(goals.name, goals.id),
    queryRows<KeyResultRow>(
      db,
      sql`SELECT kr.id, kr.goal_id, kr.kpi_id, kr.name, kr.start, kr.target, kr.weight, kr.start_period,
                 kr.due_period, m.value AS current, m.period AS current_period
          FROM key_results kr
          LEFT JOIN LATERAL (
            SELECT value, period FROM kpi_measurements m
            WHERE m.org_id = kr.org_id AND m.kpi_id = kr.kpi_id
            ORDER BY period DESC LIMIT 1
          ) m ON true
          WHERE kr.org_id = ${org}
          ORDER BY kr.name, kr.id`,
    ),
    queryRows<LinkRow>(
      db,
      sql`SELECT i.id, i.name, i.stage, a.key AS goal_id, a.value::float8 AS alignment
          FROM initiatives i, jsonb_each_text(i.alignment) a
          WHERE i.org_id = ${org} AND i.stage <> 'cancelled' AND a.value::float8 > ${LINK_THRESHOLD}
          ORDER BY i.name, i.id`,
    ),
    queryRows<FeatureRollupRow>(
      db,
      sql`WITH linked AS (
            SELECT DISTINCT a.key AS goal_id, i.product_id
            FROM initiatives i, jsonb_each_text(i.alignment) a
            WHERE i.org_id = ${org} AND i.stage <> 'cancelled' AND i.product_id IS NOT NULL
              AND a.value::float8 > ${LINK_THRESHOLD}
          )
          SELECT l.goal_id, l.product_id, count(*)::int AS feature_count, sum(f.effort)::float8 AS effort,
                 sum(f.effort * CASE f.status WHEN 'shipped' THEN ${FEATURE_PROGRESS.shipped}::float8
                                              WHEN 'in_progress' THEN ${FEATURE_PROGRESS.in_progress}::float8
                                              ELSE ${FEATURE_PROGRESS.planned}::float8 END)::float8 AS done
          FROM linked l
          JOIN features f ON f.org_id = ${org} AND f.product_id = l.product_id
          WHERE f.status IN ('planned', 'in_progress', 'shipped')
          GROUP BY l.goal_id, l.product_id
          ORDER BY l.product_id`,
    ),
  ]);
  const group = <T extends { goal_id: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.goal_id);
      if (list) list.push(r);
      else m.set(r.goal_id, [r]);
    }
    return m;
  };
  const krs = group(krRows);
  const links = group(linkRows);
  const feats = group(featureRows);
  const planEnd = periodAt(periodIndex(settings.planningStart) + settings.planningPeriods - 1);
  const now = ctx.now();
  return goalRows.map((g) => {
    const keyResults = (krs.get(g.id) ?? []).map((k) => ({
      id: k.id,
      name: k.name,
      kpiId: k.kpi_id,
      start: Number(k.start),
      target: Number(k.target),
      current: k.current === null ? null : Number(k.current),
      currentPeriod: k.current_period,
      weight: Number(k.weight),
    }));
    const starts = (krs.get(g.id) ?? []).flatMap((k) => (k.start_period ? [k.start_period] : []));
    const dues = (krs.get(g.id) ?? []).flatMap((k) => (k.due_period ? [k.due_period] : []));
    // Quarters like 2027Q1 sort as text in time order.
    const startPeriod = starts.length ? [...starts].sort()[0]! : settings.planningStart;
    const duePeriod = dues.length ? [...dues].sort().at(-1)! : planEnd;
    const linkedInitiatives = (links.get(g.id) ?? []).map((l) => ({
      id: l.id,
      name: l.name,
      stage: l.stage,
      alignment: Number(l.alignment),
      progress: STAGE_PROGRESS[l.stage] ?? 0,
    }));
    const linkedFeatures = (feats.get(g.id) ?? []).map((f) => ({
      productId: f.product_id,
      featureCount: Number(f.feature_count),
      effort: Number(f.effort),
      progress: Number(f.effort) > 0 ? Number(f.done) / Number(f.effort) : 0,
    }));
    const result = goalProgress(
      {
        id: g.id,
        keyResults,
        linkedItems: [
          ...linkedInitiatives.map((i) => ({ id: i.id, progress: i.progress, weight: i.alignment })),
          ...linkedFeatures.map((f) => ({ id: `features:${f.productId}`, progress: f.progress, weight: 1 })),
        ],
        periodStart: quarterStart(startPeriod),
        periodEnd: quarterStart(periodAt(periodIndex(duePeriod) + 1)),
      },
      { now },
    );
    return {
      goalId: g.id,
      name: g.name,
      weight: g.weight,
      progress: result.progress,
      keyResultsProgress: result.keyResultsProgress,
      linkedItemsProgress: result.linkedItemsProgress,
      expectedProgress: result.expectedProgress,
      offTrack: result.offTrack,
      startPeriod,
      duePeriod,
      keyResults: keyResults.map((k) => ({ ...k, progress: keyResultProgress(k) })),
      linkedInitiatives,
      linkedFeatures,
    };
  });
}

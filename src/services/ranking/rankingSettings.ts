import { eq, sql } from 'drizzle-orm';
import type { PriorityOptions } from '../../engine/scoring/portfolioPriority.ts';
import { FACTOR_NAMES, type FactorWeights } from '../../engine/segments/segmentRanking.ts';
import type { Db } from '../../store/db.ts';
import { organizations } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

/** An organization-defined score formula as stored in the organization's settings. */
export interface StoredFormula {
  key: string;
  name: string;
  expression: string;
  inputs?: Record<string, { normalize?: 'minmax' | 'none'; weight?: number }>;
}

/** The last pairwise comparison of the goals, kept for the UI to show and edit. */
export interface StoredGoalPairwise {
  goalIds: string[];
  matrix: number[][];
  consistencyRatio: number;
  savedAt: string;
}

/** What ranking reads from the organization's settings, with the engine defaults where unset. */
export interface RankingSettings {
  /** Only the known factors; empty when unset (the engine's defaults apply). */
  factorWeights: Partial<FactorWeights>;
  /** Raw factor settings, as the shared segment-priority loader takes them. */
  factorSettings: Record<string, number>;
  priority: Pick<PriorityOptions, 'topSegments' | 'parkThreshold' | 'segmentBoost'>;
  formulas: StoredFormula[];
  goalPairwise: StoredGoalPairwise | null;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Reads the ranking settings of the organization (one query). */
export async function loadRankingSettings(
  ctx: ServiceContext,
  db: Db = ctx.store.db,
): Promise<RankingSettings> {
  const [row] = await db
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId));
  const s = (row?.settings ?? {}) as Record<string, unknown>;
  const factorSettings: Record<string, number> = {};
  const factorWeights: Partial<FactorWeights> = {};
  const raw = (s.segmentFactorWeights ?? {}) as Record<string, unknown>;
  for (const name of FACTOR_NAMES) {
    const w = num(raw[name]);
    if (w !== undefined && w >= 0) {
      factorSettings[name] = w;
      factorWeights[name] = w;
    }
  }
  const priority: RankingSettings['priority'] = {};
  const top = num(s.parkingTopSegments);
  if (top !== undefined && top >= 0) priority.topSegments = Math.floor(top);
  // The settings accept up to 100, the engine's impact scale is 0..3: clamp rather than fail every ranking.
  const threshold = num(s.parkingThreshold);
  if (threshold !== undefined) priority.parkThreshold = Math.min(3, Math.max(0, threshold));
  const boost = num(s.segmentSpecificBoost);
  if (boost !== undefined && boost >= 0) priority.segmentBoost = boost;
  return {
    factorWeights: Object.values(factorWeights).some((w) => w > 0) ? factorWeights : {},
    factorSettings,
    priority,
    formulas: Array.isArray(s.formulas) ? (s.formulas as StoredFormula[]) : [],
    goalPairwise: (s.goalPairwise as StoredGoalPairwise | undefined) ?? null,
  };
}

/**
 * Merges `patch` into the organization's settings inside the caller's transaction (other keys are kept),
 * returning the settings before and after for the audit entry.
 */
export async function patchOrgSettings(
  tx: Db,
  ctx: ServiceContext,
  patch: Record<string, unknown>,
): Promise<{ before: Record<string, unknown>; after: Record<string, unknown> }> {
  const [row] = await tx
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId))
    .for('update');
  const before = (row?.settings ?? {}) as Record<string, unknown>;
  const after = { ...before, ...patch };
  await tx
    .update(organizations)
    .set({ settings: after, version: sql`${organizations.version} + 1` })
    .where(eq(organizations.id, ctx.orgId));
  return { before, after };
}

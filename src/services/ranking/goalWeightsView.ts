import { asc, eq } from 'drizzle-orm';
import { goals } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadRankingSettings, type StoredGoalPairwise } from './rankingSettings.ts';

export interface GoalWeightsView {
  goals: { goalId: string; name: string; weight: number }[];
  /** The last accepted pairwise comparison (null when the weights were set directly or never). */
  pairwise: StoredGoalPairwise | null;
}

/**
 * GET /goals/weights: the goals' current weights and the last accepted pairwise matrix, so the settings
 * page can show and edit the comparison that produced them. A stored matrix naming a goal that no longer
 * exists (or missing a new one) no longer describes the weights and is left out.
 */
export async function getGoalWeights(ctx: ServiceContext): Promise<GoalWeightsView> {
  const rows = await ctx.store.db
    .select({ id: goals.id, name: goals.name, weight: goals.weight })
    .from(goals)
    .where(eq(goals.orgId, ctx.orgId))
    .orderBy(asc(goals.name), asc(goals.id));
  const { goalPairwise } = await loadRankingSettings(ctx);
  const ids = new Set(rows.map((g) => g.id));
  const matches =
    goalPairwise !== null &&
    goalPairwise.goalIds.length === ids.size &&
    goalPairwise.goalIds.every((id) => ids.has(id));
  return {
    goals: rows.map((g) => ({ goalId: g.id, name: g.name, weight: g.weight })),
    pairwise: matches ? goalPairwise : null,
  };
}

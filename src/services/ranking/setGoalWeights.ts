import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ahpJudgmentSchema } from '../../domain/ahpProblem.ts';
import { DomainError } from '../../domain/errors.ts';
import { AhpMatrixError } from '../../engine/scoring/ahp.ts';
import { goalWeights, InconsistentJudgmentsError } from '../../engine/scoring/goalWeights.ts';
import { goals } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { patchOrgSettings } from './rankingSettings.ts';

const GoalId = z.uuid({ error: 'must be a goal id' });

export const GoalWeightsInput = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('direct'),
    /** Goal id → weight ≥ 0 for every goal of the organization; stored divided by their sum. */
    weights: z.record(GoalId, z.number().min(0).max(1e9)),
  }),
  z.strictObject({
    method: z.literal('pairwise'),
    /** Every goal of the organization, in the order of the matrix rows. */
    goalIds: z.array(GoalId).min(1).max(15),
    /** matrix[i][j]: how many times goal i is more important than goal j (Saaty's 1–9 scale, "1/3" allowed). */
    matrix: z.array(z.array(ahpJudgmentSchema).max(15)).max(15),
  }),
]);

export interface GoalWeightsOutcome {
  method: 'direct' | 'pairwise';
  goals: { goalId: string; name: string; weight: number }[];
  consistencyRatio?: number;
  lambdaMax?: number;
}

/**
 * Sets the strategic goals' weights directly or from pairwise comparisons (AHP). Either way the stored
 * weights are normalized to sum 1 and every goal of the organization must be named. A matrix with
 * consistency ratio above 0.1 is refused (unprocessable) naming the most inconsistent pair; an accepted
 * matrix is kept in the organization's settings for the UI. One transaction, audited per goal.
 */
export async function setGoalWeights(ctx: ServiceContext, raw: unknown): Promise<GoalWeightsOutcome> {
  const input = parseInput(GoalWeightsInput, raw, 'goal weights');
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.select().from(goals).where(eq(goals.orgId, ctx.orgId)).for('update');
    const byId = new Map(rows.map((g) => [g.id, g]));
    const named = input.method === 'direct' ? Object.keys(input.weights) : input.goalIds;
    const path = input.method === 'direct' ? 'weights' : 'goalIds';
    const unknown = named.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      const message = `no goal ${unknown[0]} in this organization`;
      throw new DomainError('unknown_reference', message, { issues: [{ path: [path], message }] });
    }
    if (new Set(named).size !== named.length) {
      throw new DomainError('invalid_input', `${path}: a goal appears twice`, {
        issues: [{ path: [path], message: 'duplicate goal' }],
      });
    }
    const missing = rows.filter((g) => !named.includes(g.id));
    if (missing.length > 0) {
      const message = `every goal needs a weight; missing: ${missing.map((g) => g.name).join(', ')}`;
      throw new DomainError('invalid_input', message, { issues: [{ path: [path], message }] });
    }
    let result: ReturnType<typeof goalWeights>;
    try {
      result =
        input.method === 'direct'
          ? goalWeights({
              method: 'direct',
              goals: named.map((id) => ({ id, name: byId.get(id)!.name, weight: input.weights[id]! })),
            })
          : goalWeights({
              method: 'pairwise',
              goals: named.map((id) => ({ id, name: byId.get(id)!.name })),
              matrix: input.matrix,
            });
    } catch (err) {
      throw translateAhpError(err, input.method === 'pairwise' ? input.goalIds : []);
    }
    const out: GoalWeightsOutcome['goals'] = [];
    for (const id of named) {
      const weight = result.weights[id]!;
      const [after] = await tx
        .update(goals)
        .set({ weight, version: sql`${goals.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(goals.orgId, ctx.orgId), eq(goals.id, id)))
        .returning();
      await writeAudit(tx, ctx, 'update', 'goals', id, present(byId.get(id)!), present(after!));
      out.push({ goalId: id, name: after!.name, weight });
    }
    const pairwise =
      input.method === 'pairwise'
        ? {
            goalIds: input.goalIds,
            matrix: input.matrix,
            consistencyRatio: result.ahp!.consistencyRatio,
            savedAt: ctx.now().toISOString(),
          }
        : null;
    const settings = await patchOrgSettings(tx, ctx, { goalPairwise: pairwise });
    await writeAudit(
      tx,
      ctx,
      'update',
      'organizations',
      ctx.orgId,
      { goalPairwise: settings.before.goalPairwise ?? null },
      { goalPairwise: pairwise },
    );
    return {
      method: input.method,
      goals: out,
      ...(result.ahp
        ? { consistencyRatio: result.ahp.consistencyRatio, lambdaMax: result.ahp.lambdaMax }
        : {}),
    };
  });
}

/** Engine refusals as domain errors: inconsistent judgments are unprocessable, a malformed matrix invalid. */
function translateAhpError(err: unknown, goalIds: readonly string[]): unknown {
  if (err instanceof InconsistentJudgmentsError) {
    return new DomainError('unprocessable', err.message, {
      consistencyRatio: err.ahp.consistencyRatio,
      lambdaMax: err.ahp.lambdaMax,
      pair: { ...err.pair, goalIdI: goalIds[err.pair.i], goalIdJ: goalIds[err.pair.j] },
    });
  }
  if (err instanceof AhpMatrixError) {
    return new DomainError('invalid_input', `matrix: ${err.message}`, {
      issues: [{ path: ['matrix', ...err.path.map(String)], message: err.message }],
    });
  }
  if (err instanceof RangeError) {
    return new DomainError('invalid_input', err.message, {
      issues: [{ path: ['matrix'], message: err.message }],
    });
  }
  return err;
}

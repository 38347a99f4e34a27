import { z } from 'zod';
import { notFound } from '../../domain/errors.ts';
import { findRowForUpdate, updateRow } from '../../store/entityRepository.ts';
import { features } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { recordDecision } from '../decisionLog.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';

type FeatureRow = typeof features.$inferSelect;

export const RerankInput = z.strictObject({
  /** The feature's place in its product's backlog (1 = first); null removes the manual rank. */
  rank: z.number().int().min(1).max(1_000_000).nullable(),
  rationale: z.string().trim().min(1, 'a manual rank needs a rationale').max(4000),
});

/**
 * Sets (or removes) a feature's manual rank in its product's backlog, with the rationale; the change lands
 * in the decision log (kind rank_override). The ranked backlog of the product places it there.
 */
export async function rerankFeature(ctx: ServiceContext, featureId: string, raw: unknown) {
  const input = parseInput(RerankInput, raw, 'manual rank');
  return inTransaction(ctx, async (tx) => {
    const before = (await findRowForUpdate(tx, features, ctx.orgId, featureId)) as FeatureRow | undefined;
    if (!before) throw notFound('feature', featureId);
    const after = await updateRow(tx, features, ctx.orgId, featureId, {
      manualRank: input.rank,
      rankRationale: input.rank === null ? null : input.rationale,
    });
    const out = present(after);
    await writeAudit(tx, ctx, 'rerank', 'features', featureId, present(before), out);
    const decision = await recordDecision(tx, ctx, {
      kind: 'rank_override',
      title:
        input.rank === null
          ? `Removed the manual rank of feature ${before.title}`
          : `Ranked feature ${before.title} at ${input.rank} in its product's backlog`,
      rationale: input.rationale,
      subjectType: 'feature',
      subjectId: featureId,
      data: { from: before.manualRank, to: input.rank },
    });
    return { feature: out, decision };
  });
}

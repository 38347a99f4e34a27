import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors.ts';
import { findRowForUpdate, updateRow } from '../../store/entityRepository.ts';
import { features } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { recordDecision } from '../decisionLog.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';

type FeatureRow = typeof features.$inferSelect;

export const PullBackInput = z.strictObject({
  rationale: z.string().trim().min(1, 'a pull-back needs a rationale').max(4000),
});

/**
 * A product manager pulls a feature back from the parking lot: it goes back to 'planned' when it has a
 * release, else to 'idea', and is marked pulled back so the engine no longer parks it. The rationale lands
 * in the decision log (kind parking_lot).
 */
export async function pullBack(ctx: ServiceContext, featureId: string, raw: unknown) {
  const { rationale } = parseInput(PullBackInput, raw, 'pull-back');
  return inTransaction(ctx, async (tx) => {
    const before = (await findRowForUpdate(tx, features, ctx.orgId, featureId)) as FeatureRow | undefined;
    if (!before) throw notFound('feature', featureId);
    if (before.status !== 'parking_lot') {
      throw new DomainError(
        'conflict',
        `feature "${before.title}" is not in the parking lot (its status is ${before.status})`,
        { status: before.status },
      );
    }
    const status = before.releaseId ? 'planned' : 'idea';
    const after = await updateRow(tx, features, ctx.orgId, featureId, {
      status,
      parkedReason: null,
      pulledBackRationale: rationale,
    });
    const out = present(after);
    await writeAudit(tx, ctx, 'pull_back', 'features', featureId, present(before), out);
    const decision = await recordDecision(tx, ctx, {
      kind: 'parking_lot',
      title: `Pulled feature ${before.title} back from the parking lot`,
      rationale,
      subjectType: 'feature',
      subjectId: featureId,
      data: { parkedReason: before.parkedReason, status },
    });
    return { feature: out, decision };
  });
}

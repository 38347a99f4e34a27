import { DomainError } from '../../domain/errors.ts';
import { insertRow } from '../../store/entityRepository.ts';
import { initiatives } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { loadPlanningSettings } from '../finance/planningSettings.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { findGap, GapProposalRequest } from './segmentGaps.ts';

/**
 * One click on a gap: creates the proposed initiative (build, buy or partner, as the gap analysis proposes)
 * for the segment, in one transaction with its audit entry. Refused (409) when the requirement is no longer
 * a gap. The initiative starts in the planning start quarter, aligned with the goals as the segment is
 * (its goal fit), with no cost or benefit yet: those are estimated next.
 */
export async function proposeInitiativeForGap(
  ctx: ServiceContext,
  segmentId: string,
  requirementId: string,
  raw: unknown,
): Promise<Record<string, unknown>> {
  const input = parseInput(GapProposalRequest, raw ?? {}, 'gap proposal');
  const settings = await loadPlanningSettings(ctx);
  return inTransaction(ctx, async (tx) => {
    // Every read goes through the transaction (PGlite has one connection: a read beside it would wait).
    const txCtx: ServiceContext = { ...ctx, store: { ...ctx.store, db: tx } };
    const { gap, priorities } = await findGap(txCtx, segmentId, requirementId);
    if (!gap) {
      throw new DomainError(
        'conflict',
        'this requirement is already covered fully by a product or a planned feature; there is no gap to close',
        { requirementId },
      );
    }
    const segment = priorities.inputs.find((s) => s.id === segmentId)!;
    const p = gap.proposal;
    const row = await insertRow(tx, initiatives, {
      orgId: ctx.orgId,
      name: input.name ?? p.name,
      description:
        `${p.rationale}\n\nApproach: ${p.approach}. Requirement of ${gap.segmentName}: ${gap.text}` +
        (gap.why ? `\nWhy: ${gap.why}` : ''),
      kind: p.kind,
      stage: 'proposed',
      productId: gap.partialProductId,
      segmentId,
      startPeriod: input.startPeriod ?? settings.planningStart,
      alignment: segment.goalFit,
      custom: {},
    });
    const out = present(row);
    await writeAudit(tx, ctx, 'create', 'initiatives', String(row.id), null, {
      ...out,
      source: { gap: { segmentId, requirementId, approach: p.approach, score: gap.score } },
    });
    return out;
  });
}

import { and, eq, isNull } from 'drizzle-orm';
import { PositioningUpdate } from '../../domain/entities/positioning.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { findRow, insertRow, updateRow } from '../../store/entityRepository.ts';
import { productPositioning, products, segments } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { recordDecision } from '../decisionLog.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';

/** A product's positioning rows (overall first, then per segment), each with its history. */
export async function getProductPositioning(ctx: ServiceContext, productId: string) {
  const product = await findRow(ctx.store.db, products, ctx.orgId, productId);
  if (!product) throw notFound('product', productId);
  const rows = await ctx.store.db
    .select()
    .from(productPositioning)
    .where(and(eq(productPositioning.orgId, ctx.orgId), eq(productPositioning.productId, productId)))
    .orderBy(productPositioning.createdAt);
  return { productId, items: rows.map((r) => present(r)) };
}

/**
 * Sets the positioning and pricing of a product overall or in one segment. The version it replaces goes to
 * the history, and the change is recorded as a 'pricing' decision with its rationale.
 */
export async function setProductPositioning(ctx: ServiceContext, productId: string, raw: unknown) {
  const input = parseInput(PositioningUpdate, raw, 'positioning');
  return inTransaction(ctx, async (tx) => {
    const product = await findRow(tx, products, ctx.orgId, productId);
    if (!product) throw notFound('product', productId);
    let segmentName: string | null = null;
    if (input.segmentId) {
      const seg = await findRow(tx, segments, ctx.orgId, input.segmentId);
      if (!seg) {
        throw new DomainError('unknown_reference', `no segment ${input.segmentId} in this organization`, {
          issues: [{ path: ['segmentId'], message: 'no such segment' }],
        });
      }
      segmentName = String(seg.name);
    }
    const [before] = await tx
      .select()
      .from(productPositioning)
      .where(
        and(
          eq(productPositioning.orgId, ctx.orgId),
          eq(productPositioning.productId, productId),
          input.segmentId
            ? eq(productPositioning.segmentId, input.segmentId)
            : isNull(productPositioning.segmentId),
        ),
      )
      .for('update');
    const values = {
      statement: input.statement,
      valueProposition: input.valueProposition,
      plans: input.plans,
    };
    const where = segmentName ? ` in ${segmentName}` : '';
    const decision = await recordDecision(tx, ctx, {
      kind: 'pricing',
      title: `Positioning and pricing of ${String(product.name)}${where}`,
      rationale: input.rationale,
      subjectType: 'product',
      subjectId: productId,
      links: input.segmentId ? [{ type: 'segment', id: input.segmentId }] : [],
      data: {
        segmentId: input.segmentId,
        from: before
          ? { statement: before.statement, valueProposition: before.valueProposition, plans: before.plans }
          : null,
        to: values,
      },
    });
    const entry = {
      ...values,
      rationale: input.rationale,
      decisionId: decision.id,
      actorName: ctx.actor.name,
      at: ctx.now().toISOString(),
    };
    const row = before
      ? await updateRow(tx, productPositioning, ctx.orgId, String(before.id), {
          ...values,
          history: [...(before.history as Record<string, unknown>[]), entry],
        })
      : await insertRow(tx, productPositioning, {
          orgId: ctx.orgId,
          productId,
          segmentId: input.segmentId,
          ...values,
          history: [entry],
        });
    const out = present(row);
    await writeAudit(
      tx,
      ctx,
      before ? 'update' : 'create',
      'product_positioning',
      String(row.id),
      before ? present(before) : null,
      out,
    );
    return out;
  });
}

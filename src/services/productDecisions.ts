import { and, eq } from 'drizzle-orm';
import { ProductDecision, ProductOwner } from '../domain/entities/product.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { findRowForUpdate, updateRow } from '../store/entityRepository.ts';
import { memberships, products } from '../store/schema.ts';
import { writeAudit } from './auditTrail.ts';
import type { ServiceContext } from './context.ts';
import { recordDecision } from './decisionLog.ts';
import { parseInput } from './entities/entityService.ts';
import { present } from './present.ts';
import { inTransaction } from './transaction.ts';

/** Records an invest / maintain / retire decision on a product, with its rationale, in the decision log. */
export async function decideProductInvestment(ctx: ServiceContext, productId: string, raw: unknown) {
  const input = parseInput(ProductDecision, raw, 'investment decision');
  return inTransaction(ctx, async (tx) => {
    const before = await findRowForUpdate(tx, products, ctx.orgId, productId);
    if (!before) throw notFound('product', productId);
    const row = await updateRow(tx, products, ctx.orgId, productId, {
      investmentDecision: input.decision,
      decisionRationale: input.rationale,
    });
    const after = present(row);
    await writeAudit(tx, ctx, 'decide', 'products', productId, present(before), after);
    await recordDecision(tx, ctx, {
      kind: 'investment',
      title: `${input.decision[0]!.toUpperCase()}${input.decision.slice(1)} ${String(row.name)}`,
      rationale: input.rationale,
      subjectType: 'product',
      subjectId: productId,
      data: { from: before.investmentDecision ?? null, to: input.decision },
    });
    return after;
  });
}

/** Hands a product to another owner (a member of the organization) or to nobody. */
export async function setProductOwner(ctx: ServiceContext, productId: string, raw: unknown) {
  const input = parseInput(ProductOwner, raw, 'product owner');
  return inTransaction(ctx, async (tx) => {
    const before = await findRowForUpdate(tx, products, ctx.orgId, productId);
    if (!before) throw notFound('product', productId);
    if (input.ownerId) {
      const [m] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, input.ownerId)));
      if (!m) {
        throw new DomainError('unknown_reference', `no member ${input.ownerId} in this organization`, {
          issues: [{ path: ['ownerId'], message: 'not a member' }],
        });
      }
    }
    const row = await updateRow(tx, products, ctx.orgId, productId, { ownerId: input.ownerId });
    const after = present(row);
    await writeAudit(tx, ctx, 'update', 'products', productId, present(before), after);
    return after;
  });
}

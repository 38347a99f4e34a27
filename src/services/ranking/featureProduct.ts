import { and, eq } from 'drizzle-orm';
import { notFound } from '../../domain/errors.ts';
import { features } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

/** The product of the organization's feature `id` (for product managers' ownership); not_found otherwise. */
export async function featureProduct(ctx: ServiceContext, id: string): Promise<string> {
  const [row] = await ctx.store.db
    .select({ productId: features.productId })
    .from(features)
    .where(and(eq(features.orgId, ctx.orgId), eq(features.id, id)))
    .limit(1);
  if (!row) throw notFound('feature', id);
  return row.productId;
}

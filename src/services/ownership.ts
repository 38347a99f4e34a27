import { and, eq, inArray } from 'drizzle-orm';
import { products } from '../store/schema.ts';
import type { ServiceContext } from './context.ts';

/** Whether the acting user owns every one of `productIds` (false for an empty list). */
export async function ownsProducts(ctx: ServiceContext, productIds: string[]): Promise<boolean> {
  const userId = ctx.actor.userId;
  if (!userId || productIds.length === 0) return false;
  const unique = [...new Set(productIds)];
  const rows = await ctx.store.db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.orgId, ctx.orgId), eq(products.ownerId, userId), inArray(products.id, unique)));
  return rows.length === unique.length;
}

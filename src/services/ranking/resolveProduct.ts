import { and, eq } from 'drizzle-orm';
import { notFound } from '../../domain/errors.ts';
import { products } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of the organization's product named by id or slug; not_found outside the organization. */
export async function resolveProduct(ctx: ServiceContext, idOrSlug: string): Promise<string> {
  const isId = UUID.test(idOrSlug);
  const [row] = await ctx.store.db
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        eq(products.orgId, ctx.orgId),
        isId ? eq(products.id, idOrSlug.toLowerCase()) : eq(products.slug, idOrSlug),
      ),
    )
    .limit(1);
  if (!row) throw notFound('product', idOrSlug);
  return row.id;
}

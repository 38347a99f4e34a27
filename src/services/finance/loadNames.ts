import { and, eq, inArray } from 'drizzle-orm';
import { initiatives, products, segments } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

const TABLES = {
  products: { table: products, id: products.id, org: products.orgId, name: products.name },
  segments: { table: segments, id: segments.id, org: segments.orgId, name: segments.name },
  initiatives: { table: initiatives, id: initiatives.id, org: initiatives.orgId, name: initiatives.name },
} as const;

/** Names of the given rows in one query (for labelling figures keyed by id). */
export async function loadNames(
  ctx: ServiceContext,
  kind: keyof typeof TABLES,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const t = TABLES[kind];
  const rows = await ctx.store.db
    .select({ id: t.id, name: t.name })
    .from(t.table)
    .where(and(eq(t.org, ctx.orgId), inArray(t.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

import { eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  type CustomerDemand,
  demandView,
  type FeatureDemand,
  type SegmentDemand,
} from '../../engine/scoring/demandView.ts';
import { queryRows } from '../../store/queryRows.ts';
import { customers } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { resolveProduct } from './resolveProduct.ts';

export const DemandQuery = z.strictObject({
  by: z.enum(['feature', 'segment', 'customer']).default('feature'),
  productId: z.string().min(1).max(200).optional(),
});

export type DemandReport =
  | { by: 'feature'; productId: string | null; items: (FeatureDemand & { title: string })[] }
  | { by: 'segment'; productId: string | null; items: (SegmentDemand & { name: string })[] }
  | { by: 'customer'; productId: string | null; items: (CustomerDemand & { name: string })[] };

interface LinkRow {
  feedbackId: string;
  featureId: string;
  importance: number;
  createdAt: number;
  customerId: string | null;
  segmentId: string | null;
  why: string;
  source: string;
}

/** Feedback links with their feedback item, optionally of one product's features or one feature. */
async function loadLinks(ctx: ServiceContext, filter: SQL): Promise<LinkRow[]> {
  return queryRows<LinkRow>(
    ctx.store.db,
    sql`SELECT l.feedback_id AS "feedbackId", l.feature_id AS "featureId", l.importance::int AS importance,
               (extract(epoch FROM l.created_at) * 1000)::float8 AS "createdAt",
               fb.customer_id AS "customerId", fb.segment_id AS "segmentId", fb.why, fb.source
        FROM feedback_links l
        JOIN feedback fb ON fb.id = l.feedback_id
        JOIN features f ON f.id = l.feature_id
        WHERE l.org_id = ${ctx.orgId} ${filter}
        ORDER BY l.created_at, l.id`,
  );
}

async function view(ctx: ServiceContext, filter: SQL) {
  const [links, customerRows] = await Promise.all([
    loadLinks(ctx, filter),
    ctx.store.db
      .select({
        id: customers.id,
        name: customers.name,
        segmentId: customers.segmentId,
        annualRevenue: customers.annualRevenue,
      })
      .from(customers)
      .where(eq(customers.orgId, ctx.orgId)),
  ]);
  const feedback = new Map(
    links.map((l) => [
      l.feedbackId,
      { id: l.feedbackId, customerId: l.customerId, segmentId: l.segmentId, why: l.why, source: l.source },
    ]),
  );
  const result = demandView(
    links.map((l) => ({
      feedbackId: l.feedbackId,
      featureId: l.featureId,
      importance: Number(l.importance),
      createdAt: Number(l.createdAt),
    })),
    [...feedback.values()],
    customerRows,
  );
  return { result, customerRows };
}

async function names(ctx: ServiceContext, table: 'segments' | 'features'): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name: string }>(
    ctx.store.db,
    table === 'segments'
      ? sql`SELECT id, name FROM segments WHERE org_id = ${ctx.orgId}`
      : sql`SELECT id, title AS name FROM features WHERE org_id = ${ctx.orgId}`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The demand view of the organization (or of one product's features): feedback aggregated per feature,
 * per segment or per customer, each customer counted once per feature at their latest importance, with
 * the "why" statements grouped.
 */
export async function demand(ctx: ServiceContext, query: unknown): Promise<DemandReport> {
  const q = parseInput(DemandQuery, query, 'demand query');
  const productId = q.productId ? await resolveProduct(ctx, q.productId) : null;
  const { result, customerRows } = await view(ctx, productId ? sql`AND f.product_id = ${productId}` : sql``);
  if (q.by === 'segment') {
    const segmentNames = await names(ctx, 'segments');
    return {
      by: 'segment',
      productId,
      items: result.bySegment.map((s) => ({ ...s, name: segmentNames.get(s.segmentId) ?? s.segmentId })),
    };
  }
  if (q.by === 'customer') {
    const customerNames = new Map(customerRows.map((c) => [c.id, c.name]));
    return {
      by: 'customer',
      productId,
      items: result.byCustomer.map((c) => ({ ...c, name: customerNames.get(c.customerId) ?? c.customerId })),
    };
  }
  const titles = await names(ctx, 'features');
  return {
    by: 'feature',
    productId,
    items: result.byFeature.map((f) => ({ ...f, title: titles.get(f.featureId) ?? f.featureId })),
  };
}

/** The demand behind one feature (links, customers, segments, sources and grouped whys). */
export async function featureDemand(ctx: ServiceContext, featureId: string): Promise<FeatureDemand> {
  const { result } = await view(ctx, sql`AND l.feature_id = ${featureId}`);
  return (
    result.byFeature[0] ?? {
      featureId,
      links: 0,
      customers: 0,
      anonymous: 0,
      importance: 0,
      revenue: 0,
      bySegment: {},
      bySource: {},
      whys: [],
    }
  );
}

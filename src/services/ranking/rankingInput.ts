import { and, eq, notInArray, type SQL, sql } from 'drizzle-orm';
import type {
  FeatureRankingInput,
  PriorityFeatureInput,
  PrioritySegmentInput,
} from '../../engine/scoring/rankFeatures.ts';
import { queryRows } from '../../store/queryRows.ts';
import { customers, features } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadSegmentPriorities } from '../finance/segmentPriorities.ts';
import { loadRankingSettings, type RankingSettings } from './rankingSettings.ts';

/** Statuses that are out of the backlog: done or decided against. */
export const CLOSED_STATUSES = ['shipped', 'rejected'] as const;

/** What the backlog shows beside the engine's result, per feature (same order as `input.features`). */
export interface FeatureMeta {
  status: string;
  releaseId: string | null;
  manualRank: number | null;
  rankRationale: string | null;
}

export interface StoredRankingInput {
  input: FeatureRankingInput;
  meta: FeatureMeta[];
  settings: RankingSettings;
}

/**
 * The engine's input read straight from the stored organization: the pecking order (segment weights),
 * the open features (not shipped or rejected) ordered by id — so ties rank by id — with their segment
 * impacts, every customer, and every feedback link with its customer and time. `productId` restricts the
 * features and links to one product's backlog. Four queries.
 */
export async function loadRankingInput(
  ctx: ServiceContext,
  scope: { productId?: string } = {},
): Promise<StoredRankingInput> {
  const db = ctx.store.db;
  const settings = await loadRankingSettings(ctx);
  const featureWhere = and(
    eq(features.orgId, ctx.orgId),
    notInArray(features.status, [...CLOSED_STATUSES]),
    scope.productId ? eq(features.productId, scope.productId) : undefined,
  );
  const linkScope: SQL = scope.productId ? sql`AND f.product_id = ${scope.productId}` : sql``;
  const [priorities, featureRows, customerRows, linkRows] = await Promise.all([
    loadSegmentPriorities(ctx, settings.factorSettings),
    db
      .select({
        id: features.id,
        productId: features.productId,
        title: features.title,
        scope: features.scope,
        segmentImpacts: features.segmentImpacts,
        pulledBackRationale: features.pulledBackRationale,
        status: features.status,
        releaseId: features.releaseId,
        manualRank: features.manualRank,
        rankRationale: features.rankRationale,
      })
      .from(features)
      .where(featureWhere)
      .orderBy(features.id),
    db
      .select({ id: customers.id, segmentId: customers.segmentId, annualRevenue: customers.annualRevenue })
      .from(customers)
      .where(eq(customers.orgId, ctx.orgId)),
    queryRows<{ featureId: string; customerId: string | null; importance: number; createdAt: number }>(
      db,
      sql`SELECT l.feature_id AS "featureId", fb.customer_id AS "customerId", l.importance::int AS importance,
                 (extract(epoch FROM l.created_at) * 1000)::float8 AS "createdAt"
          FROM feedback_links l
          JOIN feedback fb ON fb.id = l.feedback_id
          JOIN features f ON f.id = l.feature_id
          WHERE l.org_id = ${ctx.orgId} AND f.status NOT IN ('shipped', 'rejected') ${linkScope}`,
    ),
  ]);
  const segments: PrioritySegmentInput[] = priorities.segments.map((s) => ({
    segmentId: s.id,
    name: s.name,
    rank: s.rank,
    weight: s.priority,
  }));
  const featureInputs: PriorityFeatureInput[] = featureRows.map((f) => ({
    id: f.id,
    productId: f.productId,
    title: f.title,
    scope: f.scope === 'base' ? 'base' : 'segment_specific',
    targetSegmentIds: f.segmentImpacts.map((s) => s.segmentId),
    // Only the three impacts: the engine checks every value it is given is on the 0..3 scale.
    impactBySegment: Object.fromEntries(
      f.segmentImpacts.map((s) => [
        s.segmentId,
        { revenue: s.revenue, retention: s.retention, adoption: s.adoption },
      ]),
    ),
    pulledBack: f.pulledBackRationale ? { rationale: f.pulledBackRationale } : null,
  }));
  return {
    input: {
      segments,
      features: featureInputs,
      customers: customerRows,
      links: linkRows.map((l) => ({
        ...l,
        importance: Number(l.importance),
        createdAt: Number(l.createdAt),
      })),
    },
    meta: featureRows.map((f) => ({
      status: f.status,
      releaseId: f.releaseId,
      manualRank: f.manualRank,
      rankRationale: f.rankRationale,
    })),
    settings,
  };
}

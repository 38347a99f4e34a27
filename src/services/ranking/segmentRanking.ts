import { eq } from 'drizzle-orm';
import { type GePlacement, placeProducts, placeSegments } from '../../engine/segments/geMcKinsey.ts';
import { type SegmentRanking as EngineRanking, rankSegments } from '../../engine/segments/segmentRanking.ts';
import { products } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadSegmentPriorities } from '../finance/segmentPriorities.ts';
import { loadRankingSettings } from './rankingSettings.ts';

/** The stored organization's pecking order, with GE-McKinsey placements of its segments and products. */
export interface SegmentRankingReport extends EngineRanking {
  /** Goal id → normalized weight (sum 1) used for goal fit. */
  goalWeights: Record<string, number>;
  placements: {
    segments: (GePlacement & { name: string })[];
    products: (GePlacement & { name: string; slug: string })[];
  };
}

/**
 * Ranks the organization's segments (engine `rankSegments` over the stored segments, the goals' weights
 * and the organization's factor weights, overrides included) and places segments and products on the
 * GE-McKinsey grid. Read-only: overrides are written — and logged as decisions — by PATCH /segments/:id.
 */
export async function segmentRanking(ctx: ServiceContext): Promise<SegmentRankingReport> {
  const settings = await loadRankingSettings(ctx);
  const [priorities, productRows] = await Promise.all([
    loadSegmentPriorities(ctx, settings.factorSettings),
    ctx.store.db
      .select({ id: products.id, name: products.name, slug: products.slug, segments: products.segments })
      .from(products)
      .where(eq(products.orgId, ctx.orgId))
      .orderBy(products.name, products.id),
  ]);
  const { inputs, goalWeights, factorWeights } = priorities;
  const ranking = rankSegments(inputs, goalWeights, factorWeights);
  const known = new Set(inputs.map((s) => s.id));
  const segmentName = new Map(inputs.map((s) => [s.id, s.name]));
  const segmentPlacements = placeSegments(inputs, factorWeights).map((p) => ({
    ...p,
    name: segmentName.get(p.id) ?? p.id,
  }));
  const productPlacements = placeProducts(
    productRows.map((p) => ({
      id: p.id,
      // A product may still list a segment that was deleted since; it serves nothing there.
      servedSegments: p.segments.filter((s) => known.has(s.segmentId)),
    })),
    inputs,
    factorWeights,
  ).map((p, k) => ({ ...p, name: productRows[k]!.name, slug: productRows[k]!.slug }));
  return {
    ...ranking,
    goalWeights,
    placements: { segments: segmentPlacements, products: productPlacements },
  };
}

import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../domain/errors.ts';
import { Name, Period } from '../../domain/primitives.ts';
import {
  type CoverageLevel,
  gapAnalysis,
  type InitiativeProposal,
  type RequirementGap,
} from '../../engine/lifecycle/gapAnalysis.ts';
import type { Db } from '../../store/db.ts';
import { queryRows } from '../../store/queryRows.ts';
import { segmentRequirements } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadNames } from '../finance/loadNames.ts';
import { loadPlanningSettings } from '../finance/planningSettings.ts';
import { loadSegmentPriorities, type SegmentPriorities } from '../finance/segmentPriorities.ts';

/**
 * Requirement importance is stored on a 0..3 scale, so "important enough to buy" is the top of that scale
 * (the engine's default of 4 assumes 1..5).
 */
export const BUY_IMPORTANCE = 3;

/** Feature statuses that count as coverage: planned or built, not ideas or parked asks. */
export const COVERING_FEATURE_STATUSES = ['planned', 'in_progress', 'shipped'] as const;

export interface GapRow extends RequirementGap {
  why: string;
  importance: number;
  segmentName: string;
  segmentRank: number;
  segmentPriority: number;
  partialProductName: string | null;
}

export interface SegmentGaps {
  segment: { id: string; name: string; rank: number; priority: number };
  gaps: GapRow[];
}

interface CoverageRow {
  requirement_id: string;
  product_id: string | null;
  feature_id: string | null;
  competitor_id: string | null;
  level: CoverageLevel;
}

/** Requirements and their coverage (features only when planned or built), for one segment or all: two queries. */
async function loadGapInputs(db: Db, orgId: string, segmentId?: string) {
  const [requirements, coverage] = await Promise.all([
    db
      .select({
        id: segmentRequirements.id,
        segmentId: segmentRequirements.segmentId,
        text: segmentRequirements.text,
        why: segmentRequirements.why,
        importance: segmentRequirements.importance,
      })
      .from(segmentRequirements)
      .where(
        and(
          eq(segmentRequirements.orgId, orgId),
          ...(segmentId ? [eq(segmentRequirements.segmentId, segmentId)] : []),
        ),
      ),
    queryRows<CoverageRow>(
      db,
      sql`SELECT rc.requirement_id, rc.product_id, rc.feature_id, rc.competitor_id, rc.level
          FROM requirement_coverage rc
          JOIN segment_requirements r ON r.id = rc.requirement_id AND r.org_id = rc.org_id
          LEFT JOIN features f ON f.id = rc.feature_id AND f.org_id = rc.org_id
          WHERE rc.org_id = ${orgId}
            ${segmentId ? sql`AND r.segment_id = ${segmentId}` : sql``}
            AND (rc.feature_id IS NULL OR f.status IN ('planned', 'in_progress', 'shipped'))`,
    ),
  ]);
  return { requirements, coverage };
}

/** Runs the gap analysis over stored rows and labels each gap. */
async function analyse(
  ctx: ServiceContext,
  priorities: SegmentPriorities,
  segmentId?: string,
): Promise<GapRow[]> {
  const { requirements, coverage } = await loadGapInputs(ctx.store.db, ctx.orgId, segmentId);
  const gaps = gapAnalysis(
    priorities.segments.map((s) => ({ id: s.id, name: s.name, priority: s.priority })),
    requirements.map((r) => ({ id: r.id, segmentId: r.segmentId, text: r.text, importance: r.importance })),
    coverage.map((c) => ({
      requirementId: c.requirement_id,
      productId: c.product_id,
      featureId: c.feature_id,
      competitorId: c.competitor_id,
      level: c.level,
    })),
    { buyImportance: BUY_IMPORTANCE },
  );
  const byId = new Map(requirements.map((r) => [r.id, r]));
  const names = await loadNames(
    ctx,
    'products',
    gaps.flatMap((g) => (g.partialProductId ? [g.partialProductId] : [])),
  );
  return gaps.map((g) => {
    const seg = priorities.byId.get(g.segmentId)!;
    const req = byId.get(g.requirementId)!;
    const partialProductName = g.partialProductId ? (names.get(g.partialProductId) ?? null) : null;
    // The engine names the product by id in its rationale; people read names.
    const proposal: InitiativeProposal =
      partialProductName && g.partialProductId
        ? { ...g.proposal, rationale: g.proposal.rationale.replace(g.partialProductId, partialProductName) }
        : g.proposal;
    return {
      ...g,
      proposal,
      why: req.why,
      importance: req.importance,
      segmentName: seg.name,
      segmentRank: seg.rank,
      segmentPriority: seg.priority,
      partialProductName,
    };
  });
}

async function priorities(ctx: ServiceContext) {
  const settings = await loadPlanningSettings(ctx);
  return loadSegmentPriorities(ctx, settings.segmentFactorWeights);
}

/**
 * GET /segments/:id/gaps: the segment's strategic requirements that no product or planned feature covers
 * fully, ranked by segment priority × importance (halved when partially covered), each with a proposal.
 */
export async function getSegmentGaps(ctx: ServiceContext, segmentId: string): Promise<SegmentGaps> {
  const p = await priorities(ctx);
  const seg = p.byId.get(segmentId);
  if (!seg) throw notFound('segment', segmentId);
  return {
    segment: { id: seg.id, name: seg.name, rank: seg.rank, priority: seg.priority },
    gaps: await analyse(ctx, p, segmentId),
  };
}

/** GET /gaps: the gaps of every segment in one ranking (the dashboard's view across segments). */
export async function getAllGaps(ctx: ServiceContext, preloaded?: SegmentPriorities): Promise<GapRow[]> {
  return analyse(ctx, preloaded ?? (await priorities(ctx)));
}

/** Optional overrides for the initiative a gap proposal creates. */
export const GapProposalRequest = z.strictObject({
  name: Name.optional(),
  startPeriod: Period.optional(),
});

/**
 * The gap of one requirement of one segment (null when it is covered). Pass a context whose store is the
 * caller's transaction to read it inside that transaction.
 */
export async function findGap(
  ctx: ServiceContext,
  segmentId: string,
  requirementId: string,
): Promise<{ gap: GapRow | null; priorities: SegmentPriorities }> {
  const db = ctx.store.db;
  const p = await priorities(ctx);
  if (!p.byId.has(segmentId)) throw notFound('segment', segmentId);
  const [req] = await db
    .select({ id: segmentRequirements.id })
    .from(segmentRequirements)
    .where(
      and(
        eq(segmentRequirements.orgId, ctx.orgId),
        eq(segmentRequirements.segmentId, segmentId),
        eq(segmentRequirements.id, requirementId),
      ),
    );
  if (!req) throw notFound('segment requirement', requirementId);
  const gaps = await analyse(ctx, p, segmentId);
  return { gap: gaps.find((g) => g.requirementId === requirementId) ?? null, priorities: p };
}

import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  type FrameworkScores,
  frameworkScores,
  type Kano,
  type Moscow,
} from '../../engine/scoring/frameworks.ts';
import type {
  PriorityColumns,
  PriorityOptions,
  PriorityResult,
} from '../../engine/scoring/portfolioPriority.ts';
import {
  buildPriorityColumns,
  explainPriorities,
  type FeatureRanking,
  type RankedFeature,
} from '../../engine/scoring/rankFeatures.ts';
import { features } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { runInWorker } from '../workerPool.ts';
import type { RankWorkerInput } from '../workers/rankWorker.ts';
import { loadRankingInput, type StoredRankingInput } from './rankingInput.ts';
import { resolveProduct } from './resolveProduct.ts';

const RANK_WORKER = new URL('../workers/rankWorker.ts', import.meta.url);

/** Query of the ranked backlog (strings, as they come from a URL). */
export const BacklogQuery = z.strictObject({
  productId: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  capacityShort: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')])
    .default(false),
});

/** One backlog row: the engine's ranked feature with its breakdown, plus what the product manager set. */
export interface BacklogItem extends RankedFeature {
  /** 1-based place in the whole list (parked features follow the ranked ones). */
  position: number;
  /** Rank by score alone (null when parked); differs from `rank` when manual ranks moved it. */
  computedRank: number | null;
  status: string;
  manualRank: number | null;
  rankRationale: string | null;
  frameworks: FrameworkScores;
}

export interface Backlog {
  productId: string | null;
  capacityShort: boolean;
  /** Features ranked (not parked) and parked, in the whole list. */
  total: number;
  ranked: number;
  parked: number;
  offset: number;
  limit: number;
  nextOffset: number | null;
  items: BacklogItem[];
  topSegmentIds: string[];
  segments: { segmentId: string; name?: string; rank: number; weight: number }[];
  options: FeatureRanking['options'];
}

/** A full re-ranking of the stored backlog, before it is explained page by page. */
export interface StoredFeatureRanking extends StoredRankingInput {
  columns: PriorityColumns;
  options: PriorityOptions;
  /** The engine's result with manual ranks applied to `order` and `rank`. */
  result: PriorityResult;
  /** The engine's own rank by score (0 when parked). */
  computedRank: Int32Array;
  /** Features not parked (the first `ranked` entries of `result.order`). */
  ranked: number;
}

/**
 * Places manually ranked features at their requested rank among the features not parked; the others keep
 * their computed order around them (the same rule as segment overrides). Parked features stay parked.
 */
export function applyManualRanks(
  result: PriorityResult,
  manualRank: readonly (number | null)[],
): { order: Int32Array; rank: Int32Array; ranked: number } {
  let ranked = 0;
  while (ranked < result.order.length && result.parked[result.order[ranked]!] === 0) ranked++;
  const free: number[] = [];
  const pinned: number[] = [];
  for (let k = 0; k < ranked; k++) {
    const f = result.order[k]!;
    if (manualRank[f] != null) pinned.push(f);
    else free.push(f);
  }
  // Stable: equal manual ranks keep their computed order.
  pinned.sort((a, b) => (manualRank[a] ?? 0) - (manualRank[b] ?? 0));
  const order = new Int32Array(result.order.length);
  let p = 0;
  let q = 0;
  for (let k = 0; k < ranked; k++) {
    const next = pinned[p];
    if (next !== undefined && ((manualRank[next] ?? 0) <= k + 1 || q >= free.length)) order[k] = pinned[p++]!;
    else order[k] = free[q++]!;
  }
  order.set(result.order.subarray(ranked), ranked);
  const rank = new Int32Array(result.rank.length);
  for (let k = 0; k < ranked; k++) rank[order[k]!] = k + 1;
  return { order, rank, ranked };
}

/**
 * Re-ranks the stored backlog (one product's, or the whole portfolio's) on the rank worker. Manual ranks
 * are a product manager's order of their own backlog, so they apply when one product is ranked; the
 * portfolio-wide list is by score and shows them.
 */
export async function rankStoredFeatures(
  ctx: ServiceContext,
  scope: { productId?: string; capacityShort?: boolean },
): Promise<StoredFeatureRanking> {
  const loaded = await loadRankingInput(ctx, { productId: scope.productId });
  const { columns } = buildPriorityColumns(loaded.input);
  const options: PriorityOptions = {
    ...loaded.settings.priority,
    capacityShort: scope.capacityShort ?? false,
  };
  const engine = await runInWorker<RankWorkerInput, PriorityResult>(RANK_WORKER, { columns, options });
  const manual = scope.productId ? loaded.meta.map((m) => m.manualRank) : loaded.meta.map(() => null);
  const { order, rank, ranked } = applyManualRanks(engine, manual);
  return {
    ...loaded,
    columns,
    options,
    result: { ...engine, order, rank },
    computedRank: engine.rank,
    ranked,
  };
}

/**
 * The ranked backlog with score breakdowns, one page at a time: the whole backlog is re-ranked from the
 * stored rows (so any input change shows at once) and only the requested page is explained.
 */
export async function featureRanking(ctx: ServiceContext, query: unknown): Promise<Backlog> {
  const q = parseInput(BacklogQuery, query, 'backlog query');
  const productId = q.productId ? await resolveProduct(ctx, q.productId) : undefined;
  const r = await rankStoredFeatures(ctx, { productId, capacityShort: q.capacityShort });
  const total = r.input.features.length;
  const start = Math.min(q.offset, total);
  const end = Math.min(total, start + q.limit);
  const page = explainPriorities(r.input, r.columns, r.result, r.options, { start, end });
  const indices = Array.from(r.result.order.subarray(start, end));
  const frameworks = await frameworkScoresOf(
    ctx,
    page.features.map((f) => f.featureId),
  );
  const items: BacklogItem[] = page.features.map((f, k) => {
    const meta = r.meta[indices[k]!]!;
    const computed = r.computedRank[indices[k]!]!;
    return {
      ...f,
      position: start + k + 1,
      computedRank: f.parked ? null : computed,
      status: meta.status,
      manualRank: meta.manualRank,
      rankRationale: meta.rankRationale,
      frameworks: frameworks.get(f.featureId)!,
    };
  });
  return {
    productId: productId ?? null,
    capacityShort: q.capacityShort,
    total,
    ranked: r.ranked,
    parked: total - r.ranked,
    offset: start,
    limit: q.limit,
    nextOffset: end < total ? end : null,
    items,
    topSegmentIds: page.topSegmentIds,
    segments: r.input.segments.map((s) => ({ ...s })),
    options: page.options,
  };
}

/** RICE, ICE, WSJF, value/effort, MoSCoW and Kano of the given features (one query for the page). */
async function frameworkScoresOf(ctx: ServiceContext, ids: string[]): Promise<Map<string, FrameworkScores>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.store.db
    .select({
      id: features.id,
      reach: features.reach,
      impact: features.impact,
      confidence: features.confidence,
      effort: features.effort,
      businessValue: features.businessValue,
      timeCriticality: features.timeCriticality,
      riskReduction: features.riskReduction,
      moscow: features.moscow,
      kano: features.kano,
      custom: features.custom,
    })
    .from(features)
    .where(and(eq(features.orgId, ctx.orgId), inArray(features.id, ids)));
  return new Map(
    rows.map((f) => [
      f.id,
      frameworkScores({
        ...f,
        // ICE's ease: an organization's numeric custom field `ease` wins over the one derived from effort.
        ease: typeof f.custom.ease === 'number' ? f.custom.ease : undefined,
        moscow: f.moscow as Moscow | null,
        kano: f.kano as Kano | null,
      }),
    ]),
  );
}

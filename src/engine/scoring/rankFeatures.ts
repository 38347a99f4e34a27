import {
  computePriorities,
  type PriorityColumns,
  type PriorityOptions,
  type PriorityResult,
  resolvePriorityOptions,
} from './portfolioPriority.ts';

/** Expected impact of a feature in one segment, each 0..3 (none, low, medium, high). */
export interface SegmentImpactInput {
  revenue: number;
  retention: number;
  adoption: number;
}

/** A feature as portfolio priority needs it (extra stored fields are ignored). */
export interface PriorityFeatureInput {
  id: string;
  productId: string;
  title: string;
  scope: 'base' | 'segment_specific';
  targetSegmentIds: readonly string[];
  impactBySegment: Readonly<Record<string, SegmentImpactInput>>;
  pulledBack?: { rationale: string } | null;
}

/** A segment's place in the pecking order (from `rankSegments`). */
export interface PrioritySegmentInput {
  segmentId: string;
  name?: string;
  rank: number;
  weight: number;
}

export interface PriorityCustomerInput {
  id: string;
  segmentId: string | null;
  annualRevenue: number;
}

export interface FeedbackLinkInput {
  featureId: string;
  customerId: string | null;
  /** 0..3 */
  importance: number;
  /** ISO date-time or epoch milliseconds; the latest link of a customer for a feature counts. */
  createdAt: string | number;
}

export interface FeatureRankingInput {
  segments: readonly PrioritySegmentInput[];
  features: readonly PriorityFeatureInput[];
  customers: readonly PriorityCustomerInput[];
  links: readonly FeedbackLinkInput[];
}

export interface SegmentContribution {
  segmentId: string;
  segmentRank: number;
  segmentWeight: number;
  revenue: number;
  retention: number;
  adoption: number;
  /** αR·revenue + αT·retention + αA·adoption, 0..3. */
  segmentImpact: number;
  /** segmentWeight × segmentImpact ÷ 3. */
  contribution: number;
}

export interface FeatureBreakdown {
  segments: SegmentContribution[];
  /** Σ contributions. */
  impact: number;
  demand: { raw: number; normalized: number; weight: number; contribution: number; customers: number };
  boost: { factor: number; reason: string | null };
  /** Best segment impact among the top-N segments, compared with the parking threshold. */
  topSegmentImpact: number;
}

export interface RankedFeature {
  featureId: string;
  productId: string;
  title: string;
  /** Rank among features not parked (1 = first); null when parked. */
  rank: number | null;
  score: number;
  parked: boolean;
  parkedReason: string | null;
  pulledBack: { rationale: string } | null;
  breakdown: FeatureBreakdown;
}

export interface FeatureRanking {
  /** Not parked first in rank order, then the parking lot by score. */
  features: RankedFeature[];
  topSegmentIds: string[];
  options: ReturnType<typeof resolvePriorityOptions>;
}

/** Index maps built with the columns, to turn results back into ids. */
export interface PriorityIndex {
  segmentIds: string[];
  featureIds: string[];
}

function toTime(v: string | number): number {
  const t = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(t)) throw new RangeError(`feedback link date "${v}" is not a date`);
  return t;
}

/**
 * Builds the columnar form from plain objects. Counted segments: a segment-specific feature counts its
 * target segments (impact 0 where none is estimated); a base capability counts every segment it has an
 * impact estimate for, since it serves them all. Links to features not in the list are skipped (e.g.
 * another product's); a link to an unknown customer counts as anonymous.
 */
export function buildPriorityColumns(input: FeatureRankingInput): {
  columns: PriorityColumns;
  index: PriorityIndex;
} {
  const S = input.segments.length;
  const segmentIndex = new Map<string, number>();
  const segmentWeight = new Float64Array(S);
  const segmentRank = new Int32Array(S);
  input.segments.forEach((s, k) => {
    if (segmentIndex.has(s.segmentId)) throw new RangeError(`segment "${s.segmentId}" appears twice`);
    segmentIndex.set(s.segmentId, k);
    segmentWeight[k] = s.weight;
    segmentRank[k] = s.rank;
  });
  const F = input.features.length;
  const featureIndex = new Map<string, number>();
  const featureBase = new Uint8Array(F);
  const featurePulledBack = new Uint8Array(F);
  const impactStart = new Int32Array(F + 1);
  const seg: number[] = [];
  const rev: number[] = [];
  const ret: number[] = [];
  const ado: number[] = [];
  input.features.forEach((f, k) => {
    if (featureIndex.has(f.id)) throw new RangeError(`feature "${f.id}" appears twice`);
    featureIndex.set(f.id, k);
    featureBase[k] = f.scope === 'base' ? 1 : 0;
    featurePulledBack[k] = f.pulledBack ? 1 : 0;
    const counted = f.scope === 'base' ? Object.keys(f.impactBySegment) : [...new Set(f.targetSegmentIds)];
    for (const id of counted) {
      const s = segmentIndex.get(id);
      if (s === undefined) continue; // a segment no longer ranked carries no weight
      const i = f.impactBySegment[id] ?? { revenue: 0, retention: 0, adoption: 0 };
      for (const [name, v] of Object.entries(i)) {
        if (!Number.isFinite(v) || v < 0 || v > 3) {
          throw new RangeError(`feature "${f.id}": ${name} impact in segment "${id}" must be 0..3, got ${v}`);
        }
      }
      seg.push(s);
      rev.push(i.revenue);
      ret.push(i.retention);
      ado.push(i.adoption);
    }
    impactStart[k + 1] = seg.length;
  });
  const C = input.customers.length;
  const customerIndex = new Map<string, number>();
  const customerRevenue = new Float64Array(C);
  const customerSegment = new Int32Array(C);
  input.customers.forEach((c, k) => {
    customerIndex.set(c.id, k);
    customerRevenue[k] = Math.max(0, c.annualRevenue);
    customerSegment[k] = c.segmentId === null ? -1 : (segmentIndex.get(c.segmentId) ?? -1);
  });
  // One pass into preallocated columns (no intermediate arrays: at a million links the garbage collector
  // would otherwise cost more than the ranking).
  const all = input.links.length;
  let linkFeature = new Int32Array(all);
  let linkCustomer = new Int32Array(all);
  let linkImportance = new Uint8Array(all);
  let linkTime = new Float64Array(all);
  let L = 0;
  for (let k = 0; k < all; k++) {
    const l = input.links[k];
    const f = featureIndex.get(l.featureId);
    if (f === undefined) continue;
    if (!Number.isInteger(l.importance) || l.importance < 0 || l.importance > 3) {
      throw new RangeError(`feedback link importance must be 0..3, got ${l.importance}`);
    }
    linkFeature[L] = f;
    linkCustomer[L] = l.customerId === null ? -1 : (customerIndex.get(l.customerId) ?? -1);
    linkImportance[L] = l.importance;
    linkTime[L] = toTime(l.createdAt);
    L++;
  }
  if (L < all) {
    linkFeature = linkFeature.slice(0, L);
    linkCustomer = linkCustomer.slice(0, L);
    linkImportance = linkImportance.slice(0, L);
    linkTime = linkTime.slice(0, L);
  }
  return {
    columns: {
      segmentWeight,
      segmentRank,
      featureBase,
      featurePulledBack,
      impactStart,
      impactSegment: Int32Array.from(seg),
      impactRevenue: Float32Array.from(rev),
      impactRetention: Float32Array.from(ret),
      impactAdoption: Float32Array.from(ado),
      customerRevenue,
      customerSegment,
      linkFeature,
      linkCustomer,
      linkImportance,
      linkTime,
    },
    index: {
      segmentIds: input.segments.map((s) => s.segmentId),
      featureIds: input.features.map((f) => f.id),
    },
  };
}

/**
 * Turns a columnar result back into ranked features with their full breakdown (the explanation of every
 * score and every parking decision). `range` explains only a page of the ranking ([start, end) positions
 * in `result.order`), so a 100,000-feature portfolio can show its first 50 without building 100,000 objects.
 */
export function explainPriorities(
  input: FeatureRankingInput,
  columns: PriorityColumns,
  result: PriorityResult,
  options: PriorityOptions = {},
  range: { start: number; end: number } = { start: 0, end: result.order.length },
): FeatureRanking {
  const o = resolvePriorityOptions(options);
  const { revenue: aR, retention: aT, adoption: aA } = o.impactWeights;
  const segments = input.segments;
  const topSegmentIds = [...segments]
    .filter((s) => s.rank <= o.topSegments)
    .sort((a, b) => a.rank - b.rank)
    .map((s) => s.segmentId);
  const topNames = topSegmentIds.map((id) => segments.find((s) => s.segmentId === id)?.name ?? id).join(', ');
  const features: RankedFeature[] = Array.from(result.order.subarray(range.start, range.end), (f) => {
    const feature = input.features[f];
    const contributions: SegmentContribution[] = [];
    for (let e = columns.impactStart[f]; e < columns.impactStart[f + 1]; e++) {
      const s = segments[columns.impactSegment[e]];
      const revenue = columns.impactRevenue[e];
      const retention = columns.impactRetention[e];
      const adoption = columns.impactAdoption[e];
      const segmentImpact = aR * revenue + aT * retention + aA * adoption;
      contributions.push({
        segmentId: s.segmentId,
        segmentRank: s.rank,
        segmentWeight: s.weight,
        revenue,
        retention,
        adoption,
        segmentImpact,
        contribution: (s.weight * segmentImpact) / 3,
      });
    }
    const parked = result.parked[f] === 1;
    const top = result.topImpact[f];
    let parkedReason: string | null = null;
    if (parked) {
      parkedReason =
        top === 0
          ? `no impact on revenue, retention or adoption in the top ${o.topSegments} segments (${topNames || 'none'})`
          : `best impact in the top ${o.topSegments} segments (${topNames}) is ${top.toFixed(2)} on the 0–3 scale, below the threshold ${o.parkThreshold}`;
    }
    const boosted = result.boost[f] !== 1;
    return {
      featureId: feature.id,
      productId: feature.productId,
      title: feature.title,
      rank: parked ? null : result.rank[f],
      score: result.score[f],
      parked,
      parkedReason,
      pulledBack: feature.pulledBack ?? null,
      breakdown: {
        segments: contributions,
        impact: result.impact[f],
        demand: {
          raw: result.demandRaw[f],
          normalized: result.demand[f],
          weight: o.demandWeight,
          contribution: o.demandWeight * result.demand[f],
          customers: result.customers[f],
        },
        boost: {
          factor: result.boost[f],
          reason: boosted
            ? `capacity is short: segment-specific work for a top-${o.topSegments} segment`
            : null,
        },
        topSegmentImpact: top,
      },
    };
  });
  return { features, topSegmentIds, options: o };
}

/**
 * Ranks a backlog (one product's features, or the whole portfolio's) by portfolio priority, parks the
 * features that matter to no chosen segment, and explains every score. Pass `productId` to rank one
 * product's backlog (demand is then normalized within that product).
 */
export function rankFeatures(
  input: FeatureRankingInput,
  options: PriorityOptions & { productId?: string } = {},
): FeatureRanking {
  const { productId, ...priorityOptions } = options;
  const scoped =
    productId === undefined
      ? input
      : { ...input, features: input.features.filter((f) => f.productId === productId) };
  const { columns } = buildPriorityColumns(scoped);
  const result = computePriorities(columns, priorityOptions);
  return explainPriorities(scoped, columns, result, priorityOptions);
}

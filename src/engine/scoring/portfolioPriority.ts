/**
 * Portfolio priority of features, on columnar typed arrays so a portfolio of 100,000 features and
 * 1,000,000 feedback links re-ranks in well under a second with no per-item allocation:
 *
 *   impact_f  = Σ over counted segments s of  weight_s × I_fs / 3
 *   I_fs      = αR·revenue + αT·retention + αA·adoption   (each 0..3; α sum to 1)
 *   demand_f  = Σ over distinct customers c of (importance_c / 3) × r_c × p_c   (latest link per customer)
 *   score_f   = (impact_f + demandWeight × demand_f / max_g demand_g) × boost_f
 *
 * Counted segments are the target segments of a segment-specific feature and every segment with an
 * impact estimate for a base feature (the builder decides; see `buildPriorityColumns`).
 * r_c = floor + (1 − floor) × revenue_c / max revenue (so a prospect still counts a little);
 * p_c = weight of the customer's segment ÷ the largest segment weight (mean weight if unknown).
 * boost_f = 1 + segmentBoost for segment-specific features that target a top-N segment when capacity is
 * short (the 80/20 rule), else 1. A feature whose best segment impact I_fs among the top-N segments is
 * below parkThreshold is parked, unless a product manager pulled it back.
 */

export interface PriorityOptions {
  /** Weights of revenue, retention and adoption in a segment impact (scaled to sum 1); default equal. */
  impactWeights?: { revenue: number; retention: number; adoption: number };
  /** Weight of normalized demand against segment impact; default 0.5. */
  demandWeight?: number;
  /** How many top segments are "chosen" for parking and the 80/20 boost; default 3. */
  topSegments?: number;
  /** Park a feature whose best impact in the chosen segments (0..3 scale) is below this; default 0.5. */
  parkThreshold?: number;
  /** Capacity is short: boost segment-specific features for the top segments; default false. */
  capacityShort?: boolean;
  /** The boost (score × (1 + boost)); default 0.25. */
  segmentBoost?: number;
  /** Smallest customer weight r_c (a customer with no revenue); default 0.1. */
  minCustomerWeight?: number;
}

export type ResolvedPriorityOptions = Required<PriorityOptions>;

export const DEFAULT_PRIORITY_OPTIONS: Readonly<ResolvedPriorityOptions> = {
  impactWeights: { revenue: 1 / 3, retention: 1 / 3, adoption: 1 / 3 },
  demandWeight: 0.5,
  topSegments: 3,
  parkThreshold: 0.5,
  capacityShort: false,
  segmentBoost: 0.25,
  minCustomerWeight: 0.1,
};

/** Fills defaults and checks ranges; the impact weights come back scaled to sum 1. */
export function resolvePriorityOptions(options: PriorityOptions = {}): ResolvedPriorityOptions {
  const o = { ...DEFAULT_PRIORITY_OPTIONS, ...options };
  const { revenue, retention, adoption } = o.impactWeights;
  const total = revenue + retention + adoption;
  if (![revenue, retention, adoption].every((x) => Number.isFinite(x) && x >= 0) || total <= 0) {
    throw new RangeError('impact weights must be ≥ 0 and not all zero');
  }
  const check = (name: string, x: number, lo: number, hi: number) => {
    if (!Number.isFinite(x) || x < lo || x > hi)
      throw new RangeError(`${name} must be in ${lo}..${hi}, got ${x}`);
  };
  check('demandWeight', o.demandWeight, 0, 1e6);
  check('topSegments', o.topSegments, 0, 1e9);
  check('parkThreshold', o.parkThreshold, 0, 3);
  check('segmentBoost', o.segmentBoost, 0, 1e6);
  check('minCustomerWeight', o.minCustomerWeight, 0, 1);
  return {
    ...o,
    topSegments: Math.floor(o.topSegments),
    impactWeights: { revenue: revenue / total, retention: retention / total, adoption: adoption / total },
  };
}

/** The whole re-ranking problem as flat typed arrays (structured-cloneable, cheap to send to a worker). */
export interface PriorityColumns {
  /** Per segment (S): priority weight (sum 1) and final rank (1 = top). */
  segmentWeight: Float64Array;
  segmentRank: Int32Array;
  /** Per feature (F): 1 for a base capability, 0 for segment-specific. */
  featureBase: Uint8Array;
  /** Per feature: 1 if a product manager pulled it back from the parking lot. */
  featurePulledBack: Uint8Array;
  /** CSR: the counted segments of feature f are entries impactStart[f] … impactStart[f + 1] − 1. */
  impactStart: Int32Array;
  impactSegment: Int32Array;
  /** 0..3 each. */
  impactRevenue: Float32Array;
  impactRetention: Float32Array;
  impactAdoption: Float32Array;
  /** Per customer (C): annual revenue and segment index (−1 unknown). */
  customerRevenue: Float64Array;
  customerSegment: Int32Array;
  /** Per feedback link (L): feature index, customer index (−1 anonymous), importance 0..3, time (ms). */
  linkFeature: Int32Array;
  linkCustomer: Int32Array;
  linkImportance: Uint8Array;
  linkTime: Float64Array;
}

export interface PriorityResult {
  /** Per feature: Σ weight_s × I_fs / 3 (0..1). */
  impact: Float64Array;
  /** Per feature: demand before normalization, and ÷ the largest (0..1). */
  demandRaw: Float64Array;
  demand: Float64Array;
  /** Distinct customers counted (anonymous links count one each). */
  customers: Int32Array;
  /** Score multiplier (1 or 1 + segmentBoost). */
  boost: Float64Array;
  score: Float64Array;
  /** Best segment impact I_fs among the top-N segments (0..3), what parking compares. */
  topImpact: Float64Array;
  parked: Uint8Array;
  /** 1-based rank among features not parked; 0 for parked features. */
  rank: Int32Array;
  /** Feature indices in order: not parked by score (desc, then index), then parked by score. */
  order: Int32Array;
}

/** Throws a RangeError if the columns are inconsistent (lengths, indices out of range). */
export function validatePriorityColumns(c: PriorityColumns): void {
  const S = c.segmentWeight.length;
  const F = c.featureBase.length;
  const C = c.customerRevenue.length;
  const L = c.linkFeature.length;
  const fail = (m: string) => {
    throw new RangeError(`priority columns: ${m}`);
  };
  if (c.segmentRank.length !== S) fail('segmentRank length');
  if (c.featurePulledBack.length !== F || c.impactStart.length !== F + 1) fail('feature column lengths');
  const E = c.impactStart[F];
  if (c.impactStart[0] !== 0 || c.impactSegment.length < E) fail('impactStart');
  for (let f = 0; f < F; f++) if (c.impactStart[f + 1] < c.impactStart[f]) fail('impactStart not ascending');
  if (c.impactRevenue.length < E || c.impactRetention.length < E || c.impactAdoption.length < E)
    fail('impact lengths');
  for (let e = 0; e < E; e++)
    if (c.impactSegment[e] < 0 || c.impactSegment[e] >= S) fail(`impact segment ${e}`);
  if (c.customerSegment.length !== C) fail('customerSegment length');
  for (let k = 0; k < C; k++)
    if (c.customerSegment[k] < -1 || c.customerSegment[k] >= S) fail(`customer ${k} segment`);
  if (c.linkCustomer.length !== L || c.linkImportance.length !== L || c.linkTime.length !== L)
    fail('link lengths');
  for (let l = 0; l < L; l++) {
    if (c.linkFeature[l] < 0 || c.linkFeature[l] >= F) fail(`link ${l} feature index`);
    if (c.linkCustomer[l] < -1 || c.linkCustomer[l] >= C) fail(`link ${l} customer index`);
    if (c.linkImportance[l] > 3) fail(`link ${l} importance above 3`);
  }
}

/** Re-ranks every feature from the columns (pure; see the module comment for the formulas). */
export function computePriorities(c: PriorityColumns, options: PriorityOptions = {}): PriorityResult {
  validatePriorityColumns(c);
  const o = resolvePriorityOptions(options);
  const { revenue: aR, retention: aT, adoption: aA } = o.impactWeights;
  const S = c.segmentWeight.length;
  const F = c.featureBase.length;
  const C = c.customerRevenue.length;
  const L = c.linkFeature.length;

  let maxWeight = 0;
  let sumWeight = 0;
  for (let s = 0; s < S; s++) {
    maxWeight = Math.max(maxWeight, c.segmentWeight[s]);
    sumWeight += c.segmentWeight[s];
  }
  const isTop = new Uint8Array(S);
  for (let s = 0; s < S; s++) isTop[s] = c.segmentRank[s] <= o.topSegments ? 1 : 0;

  const impact = new Float64Array(F);
  const topImpact = new Float64Array(F);
  const boost = new Float64Array(F).fill(1);
  for (let f = 0; f < F; f++) {
    let total = 0;
    let best = 0;
    let targetsTop = false;
    for (let e = c.impactStart[f]; e < c.impactStart[f + 1]; e++) {
      const s = c.impactSegment[e];
      const value = aR * c.impactRevenue[e] + aT * c.impactRetention[e] + aA * c.impactAdoption[e];
      total += c.segmentWeight[s] * value;
      if (isTop[s]) {
        targetsTop = true;
        if (value > best) best = value;
      }
    }
    impact[f] = total / 3;
    topImpact[f] = best;
    if (o.capacityShort && targetsTop && c.featureBase[f] === 0) boost[f] = 1 + o.segmentBoost;
  }

  // Customer weight r_c × segment priority p_c, once per customer.
  let maxRevenue = 0;
  for (let k = 0; k < C; k++) maxRevenue = Math.max(maxRevenue, c.customerRevenue[k]);
  const floor = o.minCustomerWeight;
  const unknownPriority = maxWeight > 0 ? sumWeight / Math.max(1, S) / maxWeight : 1;
  const customerFactor = new Float64Array(C);
  for (let k = 0; k < C; k++) {
    const r = floor + (1 - floor) * (maxRevenue > 0 ? c.customerRevenue[k] / maxRevenue : 0);
    const seg = c.customerSegment[k];
    const p = seg < 0 ? unknownPriority : maxWeight > 0 ? c.segmentWeight[seg] / maxWeight : 1;
    customerFactor[k] = r * p;
  }
  const anonymousFactor = floor * unknownPriority;

  // Counting sort of links by feature (stable, so a later link wins a tie on time).
  const start = new Int32Array(F + 1);
  for (let l = 0; l < L; l++) start[c.linkFeature[l] + 1]++;
  for (let f = 0; f < F; f++) start[f + 1] += start[f];
  const cursor = start.slice(0, F);
  const byFeature = new Int32Array(L);
  for (let l = 0; l < L; l++) byFeature[cursor[c.linkFeature[l]]++] = l;

  const demandRaw = new Float64Array(F);
  const customers = new Int32Array(F);
  const stamp = new Int32Array(C).fill(-1);
  const latest = new Int32Array(C);
  const touched = new Int32Array(C);
  let maxDemand = 0;
  for (let f = 0; f < F; f++) {
    let d = 0;
    let n = 0;
    let count = 0;
    for (let k = start[f]; k < start[f + 1]; k++) {
      const l = byFeature[k];
      const cust = c.linkCustomer[l];
      if (cust < 0) {
        d += (c.linkImportance[l] / 3) * anonymousFactor;
        count++;
      } else if (stamp[cust] !== f) {
        stamp[cust] = f;
        latest[cust] = l;
        touched[n++] = cust;
      } else if (c.linkTime[l] >= c.linkTime[latest[cust]]) {
        latest[cust] = l;
      }
    }
    for (let k = 0; k < n; k++) {
      const cust = touched[k];
      d += (c.linkImportance[latest[cust]] / 3) * customerFactor[cust];
    }
    demandRaw[f] = d;
    customers[f] = count + n;
    if (d > maxDemand) maxDemand = d;
  }

  const demand = new Float64Array(F);
  const score = new Float64Array(F);
  const parked = new Uint8Array(F);
  let active = 0;
  for (let f = 0; f < F; f++) {
    demand[f] = maxDemand > 0 ? demandRaw[f] / maxDemand : 0;
    score[f] = (impact[f] + o.demandWeight * demand[f]) * boost[f];
    parked[f] = topImpact[f] < o.parkThreshold && c.featurePulledBack[f] === 0 ? 1 : 0;
    if (!parked[f]) active++;
  }

  const order = orderByScore(score, parked, active);
  const rank = new Int32Array(F);
  for (let k = 0; k < active; k++) rank[order[k]] = k + 1;
  return { impact, demandRaw, demand, customers, boost, score, topImpact, parked, rank, order };
}

/**
 * Feature indices, not parked first, each group by score descending and index ascending on ties. Sorting
 * a Float64Array natively and placing each feature by binary search is several times faster than sorting
 * indices with a comparator function (100,000 calls into JavaScript per pass).
 */
function orderByScore(score: Float64Array, parked: Uint8Array, active: number): Int32Array {
  const F = score.length;
  const order = new Int32Array(F);
  const keys = [new Float64Array(active), new Float64Array(F - active)];
  const fill = [0, 0];
  for (let f = 0; f < F; f++) keys[parked[f]][fill[parked[f]]++] = -score[f];
  for (const k of keys) k.sort();
  const taken = [new Int32Array(active), new Int32Array(F - active)];
  for (let f = 0; f < F; f++) {
    const group = parked[f];
    const k = keys[group];
    const key = -score[f];
    // First position holding this key (ascending order of −score = descending score).
    let lo = 0;
    let hi = k.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (k[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    // Features are visited in index order, so equal scores fill their run in index order.
    const slot = lo + taken[group][lo]++;
    order[group === 0 ? slot : active + slot] = f;
  }
  return order;
}

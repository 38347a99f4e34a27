import { type PriorityOptions, resolvePriorityOptions } from './portfolioPriority.ts';
import type { FeatureRankingInput } from './rankFeatures.ts';

export interface ReferencePriority {
  featureId: string;
  impact: number;
  demand: number;
  score: number;
  parked: boolean;
}

/**
 * The portfolio priority formulas written the obvious way, object by object (maps keyed by id, one object
 * per link, dates parsed per comparison). Kept as the oracle the fast columnar engine is tested against, and as the benchmark baseline.
 */
export function referencePriorities(
  input: FeatureRankingInput,
  options: PriorityOptions = {},
): ReferencePriority[] {
  const o = resolvePriorityOptions(options);
  const w = o.impactWeights;
  const segment = new Map(input.segments.map((s) => [s.segmentId, s]));
  const maxWeight = Math.max(0, ...input.segments.map((s) => s.weight));
  const meanWeight = input.segments.reduce((t, s) => t + s.weight, 0) / Math.max(1, input.segments.length);
  const maxRevenue = Math.max(0, ...input.customers.map((c) => c.annualRevenue));
  const customer = new Map(input.customers.map((c) => [c.id, c]));
  const priorityOf = (segmentId: string | null | undefined) => {
    const s = segmentId == null ? undefined : segment.get(segmentId);
    if (maxWeight <= 0) return 1;
    return s ? s.weight / maxWeight : meanWeight / maxWeight;
  };
  const segImpact = (i: { revenue: number; retention: number; adoption: number }) =>
    w.revenue * i.revenue + w.retention * i.retention + w.adoption * i.adoption;

  const linksByFeature = new Map<string, FeatureRankingInput['links'][number][]>();
  for (const l of input.links) {
    const list = linksByFeature.get(l.featureId);
    if (list) list.push(l);
    else linksByFeature.set(l.featureId, [l]);
  }
  const rawDemand = input.features.map((f) => {
    const links = linksByFeature.get(f.id) ?? [];
    const latest = new Map<string, (typeof links)[number]>();
    let d = 0;
    for (const l of links) {
      if (l.customerId === null || !customer.has(l.customerId)) {
        d += (l.importance / 3) * o.minCustomerWeight * priorityOf(null);
        continue;
      }
      const prev = latest.get(l.customerId);
      if (!prev || new Date(l.createdAt).getTime() >= new Date(prev.createdAt).getTime())
        latest.set(l.customerId, l);
    }
    for (const [id, l] of latest) {
      const c = customer.get(id);
      if (!c) continue;
      const r =
        o.minCustomerWeight + (1 - o.minCustomerWeight) * (maxRevenue > 0 ? c.annualRevenue / maxRevenue : 0);
      d += (l.importance / 3) * r * priorityOf(c.segmentId);
    }
    return d;
  });
  const maxDemand = Math.max(0, ...rawDemand);

  return input.features.map((f, k) => {
    const counted = (
      f.scope === 'base' ? Object.keys(f.impactBySegment) : [...new Set(f.targetSegmentIds)]
    ).filter((id) => segment.has(id));
    let impact = 0;
    let top = 0;
    let targetsTop = false;
    for (const id of counted) {
      const s = segment.get(id);
      if (!s) continue;
      const v = segImpact(f.impactBySegment[id] ?? { revenue: 0, retention: 0, adoption: 0 });
      impact += (s.weight * v) / 3;
      if (s.rank <= o.topSegments) {
        targetsTop = true;
        top = Math.max(top, v);
      }
    }
    const demand = maxDemand > 0 ? rawDemand[k] / maxDemand : 0;
    const boost = o.capacityShort && targetsTop && f.scope !== 'base' ? 1 + o.segmentBoost : 1;
    return {
      featureId: f.id,
      impact,
      demand,
      score: (impact + o.demandWeight * demand) * boost,
      parked: top < o.parkThreshold && !f.pulledBack,
    };
  });
}

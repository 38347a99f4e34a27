/**
 * The demand view: feedback aggregated per feature, per segment and per customer, with the "why"
 * statements grouped so product marketing can reuse them. Each customer counts once per feature, at the
 * importance of their latest link (the same rule as portfolio priority).
 */

export interface DemandFeedbackItem {
  id: string;
  customerId: string | null;
  segmentId?: string | null;
  why?: string | null;
  source: string;
}

export interface DemandLink {
  feedbackId: string;
  featureId: string;
  importance: number;
  createdAt: string | number;
}

export interface DemandCustomer {
  id: string;
  segmentId: string | null;
  annualRevenue: number;
}

export interface WhyGroup {
  /** The first wording seen of this reason. */
  why: string;
  count: number;
  customerIds: string[];
  segmentIds: string[];
}

export interface FeatureDemand {
  featureId: string;
  links: number;
  /** Distinct identified customers. */
  customers: number;
  /** Links without a customer. */
  anonymous: number;
  /** Σ over distinct customers of their latest importance (+ anonymous links' importance). */
  importance: number;
  /** Σ annual revenue of the distinct customers asking. */
  revenue: number;
  /** Segment id (or "unknown") → distinct customers (anonymous links count one each). */
  bySegment: Record<string, number>;
  bySource: Record<string, number>;
  whys: WhyGroup[];
}

export interface SegmentDemand {
  segmentId: string;
  features: number;
  customers: number;
  importance: number;
  whys: WhyGroup[];
}

export interface CustomerDemand {
  customerId: string;
  segmentId: string | null;
  features: number;
  importance: number;
}

export interface DemandView {
  byFeature: FeatureDemand[];
  bySegment: SegmentDemand[];
  byCustomer: CustomerDemand[];
}

export const UNKNOWN_SEGMENT = 'unknown';

/** Key under which two "why" statements are the same reason: case, spacing and end punctuation ignored. */
export function whyKey(why: string): string {
  return why
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?;,:\s]+$/, '');
}

class WhyGrouper {
  private groups = new Map<
    string,
    { why: string; count: number; customers: Set<string>; segments: Set<string> }
  >();
  add(why: string | null | undefined, customerId: string | null, segmentId: string): void {
    if (!why?.trim()) return;
    const key = whyKey(why);
    let g = this.groups.get(key);
    if (!g) {
      g = { why: why.trim(), count: 0, customers: new Set(), segments: new Set() };
      this.groups.set(key, g);
    }
    g.count++;
    if (customerId) g.customers.add(customerId);
    g.segments.add(segmentId);
  }
  list(): WhyGroup[] {
    return [...this.groups.values()]
      .map((g) => ({
        why: g.why,
        count: g.count,
        customerIds: [...g.customers],
        segmentIds: [...g.segments],
      }))
      .sort((a, b) => b.count - a.count || a.why.localeCompare(b.why));
  }
}

const time = (v: string | number) => (typeof v === 'number' ? v : Date.parse(v));

/** Aggregates feedback links into the demand view (features and segments by importance, descending). */
export function demandView(
  links: readonly DemandLink[],
  feedback: readonly DemandFeedbackItem[],
  customers: readonly DemandCustomer[],
): DemandView {
  const items = new Map(feedback.map((f) => [f.id, f]));
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const segmentOf = (item: DemandFeedbackItem): string =>
    (item.customerId ? customerById.get(item.customerId)?.segmentId : null) ??
    item.segmentId ??
    UNKNOWN_SEGMENT;

  // Latest link per (feature, customer); anonymous links all count.
  type Entry = { link: DemandLink; item: DemandFeedbackItem; index: number };
  const perFeature = new Map<string, { latest: Map<string, Entry>; anonymous: Entry[]; all: Entry[] }>();
  links.forEach((link, index) => {
    const item = items.get(link.feedbackId);
    if (!item) throw new RangeError(`feedback link to unknown feedback item "${link.feedbackId}"`);
    let f = perFeature.get(link.featureId);
    if (!f) {
      f = { latest: new Map(), anonymous: [], all: [] };
      perFeature.set(link.featureId, f);
    }
    const entry = { link, item, index };
    f.all.push(entry);
    if (!item.customerId) f.anonymous.push(entry);
    else {
      const prev = f.latest.get(item.customerId);
      if (!prev || time(link.createdAt) >= time(prev.link.createdAt)) f.latest.set(item.customerId, entry);
    }
  });

  const segments = new Map<
    string,
    { features: Set<string>; customers: Set<string>; importance: number; whys: WhyGrouper }
  >();
  const segmentAgg = (id: string) => {
    let s = segments.get(id);
    if (!s) {
      s = { features: new Set(), customers: new Set(), importance: 0, whys: new WhyGrouper() };
      segments.set(id, s);
    }
    return s;
  };
  const perCustomer = new Map<string, { features: Set<string>; importance: number }>();

  const byFeature: FeatureDemand[] = [];
  for (const [featureId, f] of perFeature) {
    const whys = new WhyGrouper();
    const bySegment: Record<string, number> = {};
    const bySource: Record<string, number> = {};
    let importance = 0;
    let revenue = 0;
    for (const e of f.all) {
      whys.add(e.item.why, e.item.customerId, segmentOf(e.item));
      segmentAgg(segmentOf(e.item)).whys.add(e.item.why, e.item.customerId, segmentOf(e.item));
      bySource[e.item.source] = (bySource[e.item.source] ?? 0) + 1;
    }
    for (const e of [...f.latest.values(), ...f.anonymous]) {
      const seg = segmentOf(e.item);
      bySegment[seg] = (bySegment[seg] ?? 0) + 1;
      importance += e.link.importance;
      const s = segmentAgg(seg);
      s.features.add(featureId);
      s.importance += e.link.importance;
      const cid = e.item.customerId;
      if (cid) {
        s.customers.add(cid);
        revenue += customerById.get(cid)?.annualRevenue ?? 0;
        let c = perCustomer.get(cid);
        if (!c) {
          c = { features: new Set(), importance: 0 };
          perCustomer.set(cid, c);
        }
        c.features.add(featureId);
        c.importance += e.link.importance;
      }
    }
    byFeature.push({
      featureId,
      links: f.all.length,
      customers: f.latest.size,
      anonymous: f.anonymous.length,
      importance,
      revenue,
      bySegment,
      bySource,
      whys: whys.list(),
    });
  }
  byFeature.sort((a, b) => b.importance - a.importance || a.featureId.localeCompare(b.featureId));
  const bySegment = [...segments]
    .map(([segmentId, s]) => ({
      segmentId,
      features: s.features.size,
      customers: s.customers.size,
      importance: s.importance,
      whys: s.whys.list(),
    }))
    .sort((a, b) => b.importance - a.importance || a.segmentId.localeCompare(b.segmentId));
  const byCustomer = [...perCustomer]
    .map(([customerId, c]) => ({
      customerId,
      segmentId: customerById.get(customerId)?.segmentId ?? null,
      features: c.features.size,
      importance: c.importance,
    }))
    .sort((a, b) => b.importance - a.importance || a.customerId.localeCompare(b.customerId));
  return { byFeature, bySegment, byCustomer };
}

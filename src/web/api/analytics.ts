/**
 * Shapes of the analytics endpoints the web app reads (dashboard, capacity, roadmap). Only the fields
 * the pages use are declared; the server's own types live in its services, which the web layer may
 * not import.
 */
export interface TrendPoint {
  period: string;
  value: number | null;
}

export interface PortfolioDashboard {
  asOf: string;
  tiles: {
    roi: { value: number | null; npv: number; trend: TrendPoint[] };
    utilization: { value: number | null; trend: TrendPoint[] };
    riskExposure: { value: number; openCount: number; trend: TrendPoint[] };
  };
  investmentBySegment: {
    alignmentScore: number | null;
    rows: {
      segmentId: string | null;
      name: string;
      rank: number | null;
      investmentShare: number;
      priorityShare: number;
    }[];
  };
  riskValueBubbles: {
    initiativeId: string;
    name: string;
    stage: string;
    exposure: number;
    npv: number;
    probability: number;
    expectedValue: number;
    cost: number;
  }[];
  riskValueSummary: {
    total: number;
    shown: number;
    by: 'expectedValue' | 'exposure' | 'cost';
    funded: BubbleTotals;
    proposed: BubbleTotals;
  };
  bcg: {
    productId: string;
    name: string;
    marketGrowth: number;
    relativeMarketShare: number;
    quadrant: string;
    revenue: number;
    recommendation: string;
  }[];
  bcgSummary: {
    total: number;
    shown: number;
    quadrants: Record<string, { count: number; revenue: number }>;
  };
  geMcKinsey: {
    segments: GePlacement[];
    products: GePlacement[];
  };
  geMcKinseySummary: { segments: NineBoxSummary; products: NineBoxSummary };
  lifecycleMix: { stages: { stage: string; count: number; revenue: number; revenueShare: number }[] };
  needsDecision?: {
    proposedInitiatives?: {
      count: number;
      top: { id: string; name: string; kind: string; expectedValue: number; cost: number }[];
    };
    products?: {
      productId: string;
      name: string;
      recommendation: string;
      current: string | null;
      reason: string;
    }[];
    offTrackGoals?: { goalId: string; name: string; progress: number; expectedProgress: number }[];
    openHighRisks?: { id: string; title: string; exposure: number }[];
  };
}

export interface BubbleTotals {
  count: number;
  exposure: number;
  expectedValue: number;
  cost: number;
}

/** Boxes keyed "attractiveness/strength" level, e.g. "high/medium". */
export interface NineBoxSummary {
  total: number;
  shown: number;
  boxes: Record<string, number>;
}

export interface GePlacement {
  id: string;
  name: string;
  attractiveness: number;
  strength: number;
  attractivenessLevel: string;
  strengthLevel: string;
  recommendation: string;
}

export interface CapacityCell {
  key: string;
  name: string;
  period: number;
  periodLabel: string;
  capacity: number;
  demand: number;
  utilization: number;
}

export interface CapacityView {
  level: string;
  periods: string[];
  cells: CapacityCell[];
  alerts: (CapacityCell & { over: number; causes: { sourceName: string; amount: number }[] })[];
}

export interface RoadmapItem {
  id: string;
  kind: string;
  name: string;
  productId?: string | null;
  productName?: string;
  releaseId?: string | null;
  /** Quarters from the planning start (0); end is exclusive. */
  start?: number;
  end?: number;
  startPeriod?: string;
  endPeriod?: string;
  deadlinePeriod?: string | null;
  segment?: { id: string; name: string } | null;
  late?: { slip: number; cause?: { kind: string; roleName?: string; periodLabel?: string } } | null;
}

export interface RoadmapGroup {
  key: string;
  name: string;
  /** Rows of the group on every page (after filters). */
  total: number;
  late: number;
  /** This page's rows of the group are `items[from, to)`. */
  from: number;
  to: number;
  milestone: RoadmapItem | null;
}

/** One page of GET /roadmap: rows in the view's order, the groups on the page, totals and the quarter header. */
export interface Roadmap {
  scope: { productId: string | null; name: string };
  view: 'quarter' | 'release' | 'horizon';
  periods: string[];
  currentPeriod: string;
  page: { offset: number; limit: number; total: number; nextOffset: number | null };
  totals: { items: number; late: number; milestones: number; horizons: Record<string, number> };
  quarters: { period: string; items: number; late: number; releases: number; milestones: RoadmapItem[] }[];
  groups: RoadmapGroup[];
  items: RoadmapItem[];
  late: RoadmapItem[];
}

export interface SegmentRanking {
  segments: {
    segmentId: string;
    name: string;
    rank: number;
    computedRank: number;
    score: number;
    weight: number;
    overridden: boolean;
    factors: { name: string; raw: number; normalized: number; weight: number; contribution: number }[];
  }[];
  factorWeights: Record<string, number>;
  placements?: {
    segments: { id: string; recommendation: string; attractivenessLevel: string; strengthLevel: string }[];
  };
}

export interface RankedFeature {
  featureId: string;
  productId: string;
  title: string;
  rank: number | null;
  computedRank: number | null;
  score: number;
  parked: boolean;
  parkedReason: string | null;
  status: string;
  manualRank: number | null;
  breakdown: { impact: number; topSegmentImpact: number; demand?: { customers: number } };
  frameworks: { rice: number; ice: number; wsjf: number };
}

export interface RankedBacklog {
  total: number;
  ranked: number;
  parked: number;
  nextOffset: number | null;
  items: RankedFeature[];
}

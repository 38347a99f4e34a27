export type CoverageLevel = 'none' | 'partial' | 'full' | 'better';

export interface GapSegment {
  id: string;
  name?: string;
  /** Segment priority weight (higher = more important), e.g. from the pecking order. */
  priority: number;
}

/** A strategic customer requirement of one segment; importance on a 1..5 scale. */
export interface StrategicRequirement {
  id: string;
  segmentId: string;
  text: string;
  importance: number;
}

/**
 * How well something covers a requirement: one of our products, one of our (planned) features, or a
 * competitor (competitive matrix).
 */
export interface RequirementCoverage {
  requirementId: string;
  productId?: string | null;
  featureId?: string | null;
  competitorId?: string | null;
  level: CoverageLevel;
}

export interface InitiativeProposal {
  kind: 'new_product' | 'enhancement' | 'acquisition';
  approach: 'build' | 'buy' | 'partner';
  name: string;
  rationale: string;
}

export interface RequirementGap {
  requirementId: string;
  segmentId: string;
  text: string;
  /** Our best coverage: none or partial. */
  ourLevel: 'none' | 'partial';
  /** Best competitor coverage, or null when no competitor is recorded on it. */
  competitorLevel: CoverageLevel | null;
  /** The product that covers it partially (enhancement target), if any. */
  partialProductId: string | null;
  /** segment priority × importance × (1 when uncovered, ½ when partially covered). */
  score: number;
  proposal: InitiativeProposal;
}

export interface GapAnalysisOptions {
  /** Importance at or above which a gap a competitor covers better is worth buying (default 4). */
  buyImportance?: number;
}

const rank: Record<CoverageLevel, number> = { none: 0, partial: 1, full: 2, better: 3 };
const best = (levels: CoverageLevel[]): CoverageLevel | null =>
  levels.length ? levels.reduce((a, b) => (rank[b] > rank[a] ? b : a)) : null;
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Proposal rule: partially covered by a product → enhance it (build); uncovered and a competitor covers it
 * better → acquisition (buy) when importance ≥ buyImportance, else partner; uncovered and a competitor
 * covers it fully → partner; nobody covers it → a new product we build (a chance to differentiate).
 */
export function proposeInitiative(
  gap: Pick<RequirementGap, 'ourLevel' | 'competitorLevel' | 'partialProductId' | 'text'>,
  importance: number,
  segmentLabel: string,
  options: GapAnalysisOptions = {},
): InitiativeProposal {
  const what = short(gap.text);
  if (gap.ourLevel === 'partial') {
    return {
      kind: 'enhancement',
      approach: 'build',
      name: `Complete: ${what}`,
      rationale: `Only partially covered${gap.partialProductId ? ` by ${gap.partialProductId}` : ''}; extending it is the cheapest way to close the gap for ${segmentLabel}.`,
    };
  }
  if (gap.competitorLevel === 'better') {
    return importance >= (options.buyImportance ?? 4)
      ? {
          kind: 'acquisition',
          approach: 'buy',
          name: `Acquire: ${what}`,
          rationale: `We have nothing and a competitor does it better; importance ${importance} for ${segmentLabel} justifies buying the capability rather than catching up.`,
        }
      : {
          kind: 'new_product',
          approach: 'partner',
          name: `Partner for: ${what}`,
          rationale: `We have nothing and a competitor does it better; at importance ${importance} a partnership closes the gap without a long catch-up.`,
        };
  }
  if (gap.competitorLevel === 'full') {
    return {
      kind: 'new_product',
      approach: 'partner',
      name: `Partner for: ${what}`,
      rationale: `Competitors already cover it for ${segmentLabel}; a partner gets us to parity fastest.`,
    };
  }
  return {
    kind: 'new_product',
    approach: 'build',
    name: `Build: ${what}`,
    rationale: `Nobody covers it yet for ${segmentLabel}: building it can differentiate us.`,
  };
}

/**
 * Segment gap analysis: strategic requirements that none of our products or planned features covers fully
 * (level full or better), ranked by segment priority × importance (halved when partially covered), each with
 * a proposed initiative. Requirements of unknown segments are ignored.
 */
export function gapAnalysis(
  segments: readonly GapSegment[],
  requirements: readonly StrategicRequirement[],
  coverage: readonly RequirementCoverage[],
  options: GapAnalysisOptions = {},
): RequirementGap[] {
  const segmentById = new Map(segments.map((s) => [s.id, s]));
  const ours = new Map<string, RequirementCoverage[]>();
  const theirs = new Map<string, CoverageLevel[]>();
  for (const c of coverage) {
    if (c.competitorId) {
      theirs.set(c.requirementId, [...(theirs.get(c.requirementId) ?? []), c.level]);
    } else if (c.productId || c.featureId) {
      ours.set(c.requirementId, [...(ours.get(c.requirementId) ?? []), c]);
    }
  }
  const gaps: RequirementGap[] = [];
  for (const req of requirements) {
    const segment = segmentById.get(req.segmentId);
    if (!segment) continue;
    const mine = ours.get(req.id) ?? [];
    const ourBest = best(mine.map((c) => c.level)) ?? 'none';
    if (ourBest === 'full' || ourBest === 'better') continue;
    const ourLevel = ourBest;
    const partialProductId =
      ourLevel === 'partial'
        ? (mine.find((c) => c.level === 'partial' && c.productId)?.productId ?? null)
        : null;
    const competitorLevel = best(theirs.get(req.id) ?? []);
    const gap = { ourLevel, competitorLevel, partialProductId, text: req.text };
    gaps.push({
      requirementId: req.id,
      segmentId: req.segmentId,
      text: req.text,
      ourLevel,
      competitorLevel,
      partialProductId,
      score: segment.priority * req.importance * (ourLevel === 'partial' ? 0.5 : 1),
      proposal: proposeInitiative(gap, req.importance, segment.name ?? segment.id, options),
    });
  }
  return gaps.sort((a, b) => b.score - a.score || (a.requirementId < b.requirementId ? -1 : 1));
}

export type RoadmapHorizon = 'done' | 'now' | 'next' | 'later';

/** One scheduled item on a roadmap, linked to its feature or initiative. */
export interface RoadmapEntry {
  id: string;
  kind: 'feature' | 'initiative' | 'milestone';
  name: string;
  productId?: string;
  segmentId?: string;
  priority?: number;
  /** Scheduled start and end periods (end exclusive; a milestone has start = end). */
  start: number;
  end: number;
  /** Release the item is planned into; if absent, the first release at or after its last period. */
  releaseId?: string;
}

export interface RoadmapRelease {
  id: string;
  name: string;
  /** Period of the release date. */
  period: number;
}

export interface RoadmapOptions {
  currentPeriod: number;
  /** How many periods after the current one count as "next" (default 2). */
  nextPeriods?: number;
  /** Label of the quarter a period falls in (default: the period number). */
  quarterOf?: (period: number) => string;
  releases?: RoadmapRelease[];
}

export interface RoadmapGroup {
  key: string;
  name: string;
  items: RoadmapEntry[];
}

export interface Roadmap {
  horizons: Record<RoadmapHorizon, RoadmapEntry[]>;
  byQuarter: RoadmapGroup[];
  /** One group per release in release order, then `unplanned` for what lands after the last release. */
  byRelease: RoadmapGroup[];
  byProduct: RoadmapGroup[];
  milestones: RoadmapEntry[];
}

/**
 * Where an item sits relative to the current period: `done` once ended, `now` when running or starting
 * in the current period, `next` when it starts within `nextPeriods` periods, `later` beyond.
 */
export function roadmapHorizon(entry: RoadmapEntry, currentPeriod: number, nextPeriods = 2): RoadmapHorizon {
  if (entry.end <= currentPeriod && entry.start < currentPeriod) return 'done';
  if (entry.start <= currentPeriod) return 'now';
  if (entry.start <= currentPeriod + nextPeriods) return 'next';
  return 'later';
}

/**
 * Roadmap views of scheduled items, for one product (pass its items) or the portfolio (pass them all):
 * now / next / later, by quarter of the start, by release, by product, and the milestones. Items in each
 * group are ordered by start, then higher priority first.
 */
export function buildRoadmap(entries: readonly RoadmapEntry[], options: RoadmapOptions): Roadmap {
  const quarterOf = options.quarterOf ?? ((p: number) => String(p));
  const sorted = [...entries].sort(
    (a, b) => a.start - b.start || (b.priority ?? 0) - (a.priority ?? 0) || (a.id < b.id ? -1 : 1),
  );
  const horizons: Record<RoadmapHorizon, RoadmapEntry[]> = { done: [], now: [], next: [], later: [] };
  for (const e of sorted)
    horizons[roadmapHorizon(e, options.currentPeriod, options.nextPeriods ?? 2)].push(e);

  const group = (
    keyOf: (e: RoadmapEntry) => string,
    nameOf: (k: string) => string = (k) => k,
  ): RoadmapGroup[] => {
    const map = new Map<string, RoadmapEntry[]>();
    for (const e of sorted) {
      const k = keyOf(e);
      const list = map.get(k);
      if (list) list.push(e);
      else map.set(k, [e]);
    }
    return [...map].map(([key, items]) => ({ key, name: nameOf(key), items }));
  };

  const releases = [...(options.releases ?? [])].sort((a, b) => a.period - b.period);
  const releaseOf = (e: RoadmapEntry): string => {
    if (e.releaseId !== undefined) return e.releaseId;
    const lastPeriod = Math.max(e.start, e.end - 1);
    return releases.find((r) => r.period >= lastPeriod)?.id ?? 'unplanned';
  };
  const byReleaseMap = new Map(group(releaseOf).map((g) => [g.key, g.items]));
  const byRelease: RoadmapGroup[] = releases.map((r) => ({
    key: r.id,
    name: r.name,
    items: byReleaseMap.get(r.id) ?? [],
  }));
  for (const [key, items] of byReleaseMap)
    if (!releases.some((r) => r.id === key))
      byRelease.push({ key, name: key === 'unplanned' ? 'Unplanned' : key, items });

  return {
    horizons,
    byQuarter: group((e) => quarterOf(e.start)),
    byRelease,
    byProduct: group((e) => e.productId ?? 'portfolio'),
    milestones: sorted.filter((e) => e.kind === 'milestone' || e.start === e.end),
  };
}

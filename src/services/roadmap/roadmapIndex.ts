import type { FullRoadmap, RoadmapItem, RoadmapView } from './storedRoadmap.ts';

/** A group of one view: its rows are `rows[from, from + count)` of that view. */
export interface IndexedGroup {
  key: string;
  name: string;
  from: number;
  count: number;
  late: number;
  /** The release heading the group (release view), as its row's index, or -1. */
  milestone: number;
}

export interface IndexedView {
  /** Row indices (into `rowJson`) in the view's order. */
  rows: number[];
  groups: IndexedGroup[];
}

/**
 * A computed roadmap kept compact for paging: every item and milestone serialized once, each view as
 * an order of row numbers, and the bounded parts of the answer (totals, the quarter header, the most
 * late, the first ideas) already serialized. A page is then string concatenation, with no
 * re-serialization of rows, and the memory it holds is about its serialized size.
 */
export interface RoadmapIndex {
  scopeJson: string;
  framePieces: string;
  rowJson: string[];
  rowLate: Uint8Array;
  views: Record<RoadmapView, IndexedView>;
  totalsJson: string;
  quartersJson: string;
  lateTopJson: string;
  ideasTopJson: string;
  ideasAllJson: string;
  unschedulableTopJson: string;
  unschedulableAllJson: string;
  scheduleJson: string;
  /** `,"problem":…,"starts":…` for include=schedule. */
  scheduleDetailJson: string;
  bytes: number;
}

/** How many of the largest slips, ideas and unschedulable items every answer carries. */
export const LATE_TOP = 10;
export const IDEAS_TOP = 20;
export const UNSCHEDULABLE_TOP = 20;
/** Releases named per quarter in the timeline header (the rest are counted). */
export const QUARTER_MILESTONES = 3;

/** Indexes a full roadmap for paging (see RoadmapIndex). */
export function indexRoadmap(full: FullRoadmap): RoadmapIndex {
  const rowOf = new Map<RoadmapItem, number>();
  const rowJson: string[] = [];
  const late: number[] = [];
  for (const item of [...full.items, ...full.milestones]) {
    rowOf.set(item, rowJson.length);
    rowJson.push(JSON.stringify(item));
    late.push(item.late ? 1 : 0);
  }
  const milestoneRow = new Map(full.milestones.map((m) => [m.id, rowOf.get(m)!]));
  const view = (v: RoadmapView): IndexedView => {
    const rows: number[] = [];
    const groups = full.views[v].map((g) => {
      const from = rows.length;
      for (const item of g.items) rows.push(rowOf.get(item)!);
      return {
        key: g.key,
        name: g.name,
        from,
        count: g.items.length,
        late: g.items.filter((i) => i.late).length,
        milestone: v === 'release' ? (milestoneRow.get(g.key) ?? -1) : -1,
      };
    });
    return { rows, groups };
  };
  const horizonCount = (key: string) => full.views.horizon.find((g) => g.key === key)?.items.length ?? 0;
  const totals = {
    items: full.items.length,
    features: full.items.filter((i) => i.kind === 'feature').length,
    initiatives: full.items.filter((i) => i.kind === 'initiative').length,
    late: full.late.length,
    milestones: full.milestones.length,
    ideas: full.ideas.length,
    unschedulable: full.unschedulable.length,
    horizons: {
      now: horizonCount('now'),
      next: horizonCount('next'),
      later: horizonCount('later'),
      done: horizonCount('done'),
    },
  };
  const quarters = full.periods.map((period) => {
    const starting = full.items.filter((i) => i.startPeriod === period);
    const releases = full.milestones.filter((m) => m.startPeriod === period);
    return {
      period,
      items: starting.length,
      late: starting.filter((i) => i.late).length,
      releases: releases.length,
      milestones: releases.slice(0, QUARTER_MILESTONES),
    };
  });
  const { problem, starts, ...summary } = full.schedule;
  const index: RoadmapIndex = {
    scopeJson: JSON.stringify(full.scope),
    framePieces: `"planningStart":${JSON.stringify(full.planningStart)},"periods":${JSON.stringify(full.periods)},"currentPeriod":${JSON.stringify(full.currentPeriod)}`,
    rowJson,
    rowLate: Uint8Array.from(late),
    views: { quarter: view('quarter'), release: view('release'), horizon: view('horizon') },
    totalsJson: JSON.stringify(totals),
    quartersJson: JSON.stringify(quarters),
    lateTopJson: JSON.stringify(full.late.slice(0, LATE_TOP)),
    ideasTopJson: JSON.stringify(full.ideas.slice(0, IDEAS_TOP)),
    ideasAllJson: JSON.stringify(full.ideas),
    unschedulableTopJson: JSON.stringify(full.unschedulable.slice(0, UNSCHEDULABLE_TOP)),
    unschedulableAllJson: JSON.stringify(full.unschedulable),
    scheduleJson: JSON.stringify(summary),
    scheduleDetailJson: `,"problem":${JSON.stringify(problem)},"starts":${JSON.stringify(starts)}`,
    bytes: 0,
  };
  let bytes = rowJson.length * 48; // array slots, row numbers and string headers
  for (const r of rowJson) bytes += r.length;
  for (const [k, v] of Object.entries(index)) if (typeof v === 'string' && k !== 'bytes') bytes += v.length;
  index.bytes = bytes;
  return index;
}

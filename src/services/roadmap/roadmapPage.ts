import { z } from 'zod';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { cachedValue } from '../readCache.ts';
import { type IndexedGroup, indexRoadmap, type RoadmapIndex } from './roadmapIndex.ts';
import {
  computeRoadmap,
  type FullRoadmap,
  parseView,
  type RoadmapItem,
  type RoadmapView,
  roadmapScopeName,
} from './storedRoadmap.ts';

export const ROADMAP_DEFAULT_LIMIT = 100;
export const ROADMAP_MAX_LIMIT = 500;
export const ROADMAP_INCLUDES = ['schedule', 'ideas', 'unschedulable'] as const;
type Include = (typeof ROADMAP_INCLUDES)[number];

/** An absent or empty parameter takes its default. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const RoadmapQuery = z.object({
  productId: optional(z.string().max(100)),
  view: optional(z.string().max(20)),
  group: optional(z.string().max(100)),
  late: optional(z.enum(['true', 'false'])),
  limit: optional(z.coerce.number().int().min(1).max(ROADMAP_MAX_LIMIT)),
  offset: optional(z.coerce.number().int().min(0).max(1_000_000)),
  include: optional(
    z
      .string()
      .max(100)
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(z.enum(ROADMAP_INCLUDES))),
  ),
});

export interface RoadmapQueryInput {
  productId: string | undefined;
  view: RoadmapView;
  group: string | undefined;
  late: boolean;
  limit: number;
  offset: number;
  include: Include[];
}

/** A group of the view on this page: `items[from, to)` of the page are its rows. */
export interface RoadmapPageGroup {
  key: string;
  name: string;
  /** Rows of the group that match the filters, on every page. */
  total: number;
  /** Late rows of the group (filters aside). */
  late: number;
  from: number;
  to: number;
  /** The release heading the group in the release view. */
  milestone: RoadmapItem | null;
}

/** What GET /roadmap answers (built as text by getRoadmapPage). */
export interface RoadmapPage {
  scope: FullRoadmap['scope'];
  view: RoadmapView;
  planningStart: string;
  periods: string[];
  currentPeriod: string;
  filters: { productId: string | null; group: string | null; late: boolean };
  page: { offset: number; limit: number; total: number; nextOffset: number | null };
  totals: {
    items: number;
    features: number;
    initiatives: number;
    late: number;
    milestones: number;
    ideas: number;
    unschedulable: number;
    horizons: Record<'now' | 'next' | 'later' | 'done', number>;
  };
  /** The timeline header: per planning quarter, items starting, late ones among them, releases. */
  quarters: { period: string; items: number; late: number; releases: number; milestones: RoadmapItem[] }[];
  groups: RoadmapPageGroup[];
  items: RoadmapItem[];
  late: RoadmapItem[];
  ideas: FullRoadmap['ideas'];
  unschedulable: FullRoadmap['unschedulable'];
  schedule: Omit<FullRoadmap['schedule'], 'problem' | 'starts'> &
    Partial<Pick<FullRoadmap['schedule'], 'problem' | 'starts'>>;
}

/** The query of GET /roadmap, checked: bad paging or an unknown view or include is a 400. */
export function parseRoadmapQuery(raw: Record<string, string>): RoadmapQueryInput {
  const q = parseInput(RoadmapQuery, raw, 'roadmap query');
  return {
    productId: q.productId?.toLowerCase(),
    view: parseView(q.view),
    group: q.group,
    late: q.late === 'true',
    limit: q.limit ?? ROADMAP_DEFAULT_LIMIT,
    offset: q.offset ?? 0,
    include: q.include ?? [],
  };
}

/**
 * The computed roadmap of a scope, once per version of the organization's data: every page, view and
 * filter of that scope is cut from it, and concurrent first requests share one computation.
 */
export async function roadmapIndexOf(
  ctx: ServiceContext,
  productId: string | undefined,
): Promise<RoadmapIndex> {
  const scopeName = await roadmapScopeName(ctx, productId);
  return cachedValue(ctx, `roadmap-index|${productId ?? 'portfolio'}`, async () => {
    const index = indexRoadmap(await computeRoadmap(ctx, productId, scopeName));
    return { value: index, bytes: index.bytes };
  });
}

interface Slice {
  group: IndexedGroup;
  rows: number[];
  /** Position of the group's first row among all the rows that match the filters. */
  start: number;
}

/** The groups of the view with their rows after the filters, and where each starts in the whole list. */
function filtered(index: RoadmapIndex, q: RoadmapQueryInput): { slices: Slice[]; total: number } {
  const view = index.views[q.view];
  const slices: Slice[] = [];
  let total = 0;
  for (const group of view.groups) {
    if (q.group !== undefined && group.key !== q.group) continue;
    let rows = view.rows.slice(group.from, group.from + group.count);
    if (q.late) rows = rows.filter((r) => index.rowLate[r] === 1);
    slices.push({ group, rows, start: total });
    total += rows.length;
  }
  return { slices, total };
}

/**
 * Whether a group belongs on the page [offset, offset + limit): a group with rows when some of them
 * fall in it; an empty one (a release with nothing scheduled) on the page where its position falls,
 * and trailing empty ones on the last page, so paging through lists every group exactly once.
 */
function onPage(s: Slice, total: number, offset: number, limit: number): boolean {
  const end = offset + limit;
  if (s.rows.length > 0) return s.start < end && s.start + s.rows.length > offset;
  if (s.start < total) return s.start >= offset && s.start < end;
  return total === 0 ? offset === 0 : offset < total && total <= end;
}

/**
 * One page of the roadmap as JSON text (cut from the cached index without re-serializing rows):
 * the scope, the planning frame, totals, the quarter header, the groups on the page with the range of
 * `items` each holds, the page of rows, the largest slips, the first ideas and unschedulable items and
 * the schedule's summary — plus the full lists or the solved problem when `include` asks for them.
 */
export async function getRoadmapPage(ctx: ServiceContext, raw: Record<string, string>): Promise<string> {
  const q = parseRoadmapQuery(raw);
  const index = await roadmapIndexOf(ctx, q.productId);
  const { slices, total } = filtered(index, q);
  const { offset, limit } = q;
  const end = Math.min(offset + limit, total);
  const items: string[] = [];
  const groups: string[] = [];
  for (const s of slices) {
    if (!onPage(s, total, offset, limit)) continue;
    const from = Math.max(s.start, offset);
    const to = Math.max(from, Math.min(s.start + s.rows.length, end));
    const pageFrom = items.length;
    for (let k = from - s.start; k < to - s.start; k++) items.push(index.rowJson[s.rows[k]!]!);
    const g = s.group;
    groups.push(
      `{"key":${JSON.stringify(g.key)},"name":${JSON.stringify(g.name)},"total":${s.rows.length},"late":${g.late},"from":${pageFrom},"to":${items.length},"milestone":${g.milestone >= 0 ? index.rowJson[g.milestone] : 'null'}}`,
    );
  }
  const has = (i: Include) => q.include.includes(i);
  const page = { offset, limit, total, nextOffset: offset + limit < total ? offset + limit : null };
  const filters = { productId: q.productId ?? null, group: q.group ?? null, late: q.late };
  return `{"scope":${index.scopeJson},"view":"${q.view}",${index.framePieces},"filters":${JSON.stringify(filters)},"page":${JSON.stringify(page)},"totals":${index.totalsJson},"quarters":${index.quartersJson},"groups":[${groups.join(',')}],"items":[${items.join(',')}],"late":${index.lateTopJson},"ideas":${has('ideas') ? index.ideasAllJson : index.ideasTopJson},"unschedulable":${has('unschedulable') ? index.unschedulableAllJson : index.unschedulableTopJson},"schedule":${has('schedule') ? `${index.scheduleJson.slice(0, -1)}${index.scheduleDetailJson}}` : index.scheduleJson}}`;
}

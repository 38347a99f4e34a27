import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { INITIATIVE_STAGES } from '../../domain/entities/enums.ts';
import { DomainError } from '../../domain/errors.ts';
import { periodIndex } from '../../domain/periods.ts';
import type { Db } from '../../store/db.ts';
import { initiatives } from '../../store/schema.ts';

export type InitiativeStage = (typeof INITIATIVE_STAGES)[number];

/** The stages that count as the funded portfolio (proposals and cancelled or paused work do not). */
export const FUNDED_STAGES: readonly InitiativeStage[] = ['approved', 'active', 'done'];

type Range = { low: number; likely: number; high: number } | null;

/** The columns of an initiative that finance, risk and the dashboard need. */
export interface StoredInitiative {
  id: string;
  name: string;
  kind: string;
  stage: string;
  productId: string | null;
  segmentId: string | null;
  startPeriod: string;
  costPerPeriod: number[];
  benefitPerPeriod: number[];
  probability: number;
  costRange: Range;
  benefitRange: Range;
  alignment: Record<string, number>;
}

/** Which initiatives to load: by id, by stage, or every one that is not cancelled. */
export interface InitiativeFilter {
  ids?: readonly string[];
  stages?: readonly string[];
  productId?: string;
}

/**
 * Loads initiatives of the organization in one query (only the columns finance needs). Without a stage
 * filter, cancelled initiatives are left out.
 */
export async function loadInitiatives(
  db: Db,
  orgId: string,
  filter: InitiativeFilter = {},
): Promise<StoredInitiative[]> {
  const where: SQL[] = [eq(initiatives.orgId, orgId)];
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    where.push(inArray(initiatives.id, [...filter.ids]));
  }
  if (filter.stages) where.push(inArray(initiatives.stage, [...filter.stages]));
  else if (!filter.ids) where.push(ne(initiatives.stage, 'cancelled'));
  if (filter.productId) where.push(eq(initiatives.productId, filter.productId));
  return db
    .select({
      id: initiatives.id,
      name: initiatives.name,
      kind: initiatives.kind,
      stage: initiatives.stage,
      productId: initiatives.productId,
      segmentId: initiatives.segmentId,
      startPeriod: initiatives.startPeriod,
      costPerPeriod: initiatives.costPerPeriod,
      benefitPerPeriod: initiatives.benefitPerPeriod,
      probability: initiatives.probability,
      costRange: initiatives.costRange,
      benefitRange: initiatives.benefitRange,
      alignment: initiatives.alignment,
    })
    .from(initiatives)
    .where(and(...where))
    .orderBy(initiatives.startPeriod, initiatives.name, initiatives.id);
}

/**
 * Parses `?stage=a,b` (or `all`, or nothing → `fallback`) into a list of stages; unknown stages are refused
 * so a typo does not silently give an empty portfolio.
 */
export function parseStages(
  raw: string | undefined,
  fallback: readonly InitiativeStage[] | undefined,
): readonly string[] | undefined {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (raw === 'all') return [...INITIATIVE_STAGES];
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.filter((s) => !(INITIATIVE_STAGES as readonly string[]).includes(s));
  if (bad.length > 0) {
    throw new DomainError('invalid_input', `stage: unknown stage ${bad.join(', ')}`, {
      issues: [{ path: ['stage'], message: `one or more of ${INITIATIVE_STAGES.join(', ')}, or all` }],
    });
  }
  return list;
}

/**
 * An initiative's cost and benefit on a common timeline whose period 0 is `basePeriod`: the stored arrays
 * start at the initiative's startPeriod, so they are shifted by the difference (flows before the base are
 * dropped; callers choose a base at or before every start).
 */
export function alignedSeries(
  i: Pick<StoredInitiative, 'startPeriod' | 'costPerPeriod' | 'benefitPerPeriod'>,
  basePeriod: string,
): { cost: number[]; benefit: number[] } {
  const offset = periodIndex(i.startPeriod) - periodIndex(basePeriod);
  const shift = (xs: readonly number[]) => {
    const out: number[] = new Array(Math.max(0, offset + xs.length)).fill(0);
    xs.forEach((v, t) => {
      if (offset + t >= 0) out[offset + t] = v;
    });
    return out;
  };
  return { cost: shift(i.costPerPeriod), benefit: shift(i.benefitPerPeriod) };
}

/** The earliest of `planningStart` and the initiatives' start periods: the origin of a shared timeline. */
export function timelineStart(planningStart: string, list: readonly Pick<StoredInitiative, 'startPeriod'>[]) {
  let best = planningStart;
  for (const i of list) if (periodIndex(i.startPeriod) < periodIndex(best)) best = i.startPeriod;
  return best;
}

import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { COVERAGE_LEVELS } from '../../domain/entities/requirementCoverage.ts';
import { notFound } from '../../domain/errors.ts';
import { findRow } from '../../store/entityRepository.ts';
import { queryRows } from '../../store/queryRows.ts';
import { competitors, products, segments } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';

type Level = (typeof COVERAGE_LEVELS)[number];
const RANK: Record<Level, number> = { none: 0, partial: 1, full: 2, better: 3 };

interface Cell {
  level: Level;
  evidence: string[];
}
interface CoverageRow {
  requirement_id: string;
  product_id: string | null;
  feature_product_id: string | null;
  competitor_id: string | null;
  level: Level;
  evidence: string;
}

/**
 * The competitive matrix of a segment: its strategic requirements (most important first) against our
 * products and the competitors — those active in the segment and any with a coverage judgement — with the
 * coverage level (none / partial / full / better) and the evidence. A feature's coverage counts for its
 * product (the best level wins). Per requirement: our best, the best competitor, and the standing: 'gap'
 * (a competitor covers it better, or nobody of ours does), 'parity' or 'advantage'. The same coverage rows
 * feed the segment gap analysis (GET /segments/:id/gaps).
 */
export async function getCompetitiveMatrix(ctx: ServiceContext, segmentId: string) {
  const db = ctx.store.db;
  const org = ctx.orgId;
  const segment = await findRow(db, segments, org, segmentId);
  if (!segment) throw notFound('segment', segmentId);
  const requirements = await queryRows<{ id: string; text: string; why: string; importance: number }>(
    db,
    sql`SELECT id, text, why, importance FROM segment_requirements
        WHERE org_id = ${org} AND segment_id = ${segmentId} ORDER BY importance DESC, created_at, id`,
  );
  const coverage = await queryRows<CoverageRow>(
    db,
    sql`SELECT rc.requirement_id, rc.product_id, f.product_id AS feature_product_id, rc.competitor_id, rc.level, rc.evidence
        FROM requirement_coverage rc
        JOIN segment_requirements r ON r.id = rc.requirement_id AND r.segment_id = ${segmentId}
        LEFT JOIN features f ON f.id = rc.feature_id
        WHERE rc.org_id = ${org}
        ORDER BY rc.created_at, rc.id`,
  );
  const productIds = new Set(
    coverage.map((c) => c.product_id ?? c.feature_product_id).filter((x): x is string => !!x),
  );
  const competitorIds = new Set(coverage.map((c) => c.competitor_id).filter((x): x is string => !!x));
  const productRows = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(
      and(
        eq(products.orgId, org),
        or(
          sql`${products.segments} @> ${JSON.stringify([{ segmentId }])}::jsonb`,
          productIds.size ? inArray(products.id, [...productIds]) : undefined,
        ),
      ),
    )
    .orderBy(products.name, products.id);
  const competitorRows = await db
    .select({ id: competitors.id, name: competitors.name })
    .from(competitors)
    .where(
      and(
        eq(competitors.orgId, org),
        or(
          sql`${segmentId}::uuid = ANY(${competitors.segmentIds})`,
          competitorIds.size ? inArray(competitors.id, [...competitorIds]) : undefined,
        ),
      ),
    )
    .orderBy(competitors.name, competitors.id);
  const cells = new Map<string, Cell>();
  for (const c of coverage) {
    const col = c.competitor_id ? `c:${c.competitor_id}` : `p:${c.product_id ?? c.feature_product_id}`;
    const key = `${c.requirement_id}|${col}`;
    const cell = cells.get(key);
    if (!cell) cells.set(key, { level: c.level, evidence: c.evidence ? [c.evidence] : [] });
    else {
      if (RANK[c.level] > RANK[cell.level]) cell.level = c.level;
      if (c.evidence) cell.evidence.push(c.evidence);
    }
  }
  const cellOf = (req: string, col: string) => {
    const cell = cells.get(`${req}|${col}`);
    return cell ? { level: cell.level, evidence: cell.evidence.join('; ') } : { level: null, evidence: '' };
  };
  const best = (levels: (Level | null)[]) =>
    levels.reduce<Level | null>((b, l) => (l !== null && (b === null || RANK[l] > RANK[b]) ? l : b), null);
  return {
    segment: { id: segmentId, name: String(segment.name) },
    products: productRows,
    competitors: competitorRows,
    rows: requirements.map((r) => {
      const ours = Object.fromEntries(productRows.map((p) => [p.id, cellOf(r.id, `p:${p.id}`)]));
      const theirs = Object.fromEntries(competitorRows.map((c) => [c.id, cellOf(r.id, `c:${c.id}`)]));
      const ourBest = best(Object.values(ours).map((c) => c.level));
      const competitorBest = best(Object.values(theirs).map((c) => c.level));
      const o = ourBest ? RANK[ourBest] : 0;
      const t = competitorBest ? RANK[competitorBest] : 0;
      return {
        requirementId: r.id,
        text: r.text,
        why: r.why,
        importance: r.importance,
        products: ours,
        competitors: theirs,
        ourBest,
        competitorBest,
        standing: o === 0 || o < t ? 'gap' : o === t ? 'parity' : 'advantage',
      };
    }),
  };
}

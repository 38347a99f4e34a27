import { sql } from 'drizzle-orm';
import { periodIndex } from '../../domain/periods.ts';
import type { CapacityRow } from '../../engine/finance/portfolioKpis.ts';
import type { Db } from '../../store/db.ts';
import { queryRows } from '../../store/queryRows.ts';

/**
 * Demand and capacity (FTE) per period of a timeline, aggregated in SQL (three queries, whatever the
 * number of people): capacity = Σ people's FTE × (1 − time off that quarter); demand = allocations not tied
 * to an initiative + for each funded initiative the larger of its stated role demand and the allocations
 * made to it (so staffing an initiative does not count it twice).
 */
export async function capacityByPeriod(
  db: Db,
  orgId: string,
  periods: readonly string[],
  stages: readonly string[],
): Promise<CapacityRow[]> {
  if (periods.length === 0) return [];
  const base = periodIndex(periods[0]!);
  const labels = sql.join(
    periods.map((p) => sql`${p}::text`),
    sql`, `,
  );
  const stageList = sql.join(
    stages.map((s) => sql`${s}::text`),
    sql`, `,
  );
  const [capacity, allocations, demand] = await Promise.all([
    queryRows<{ period: string; fte: number }>(
      db,
      sql`SELECT q.period, sum(p.fte * (1 - coalesce((p.time_off ->> q.period)::float8, 0)))::float8 AS fte
          FROM people p CROSS JOIN unnest(ARRAY[${labels}]) AS q(period)
          WHERE p.org_id = ${orgId}
          GROUP BY q.period`,
    ),
    queryRows<{ period: string; initiative_id: string | null; fte: number }>(
      db,
      sql`SELECT period, initiative_id, sum(fte)::float8 AS fte
          FROM allocations
          WHERE org_id = ${orgId} AND period IN (${labels})
          GROUP BY period, initiative_id`,
    ),
    queryRows<{ id: string; start_period: string; k: number; fte: number }>(
      db,
      sql`SELECT i.id, i.start_period, (e.ord - 1)::int AS k, sum(e.v::float8)::float8 AS fte
          FROM initiatives i
          CROSS JOIN jsonb_array_elements(i.demand) AS d
          CROSS JOIN jsonb_array_elements_text(d -> 'perPeriod') WITH ORDINALITY AS e(v, ord)
          WHERE i.org_id = ${orgId} AND i.stage IN (${stageList})
          GROUP BY i.id, i.start_period, e.ord`,
    ),
  ]);
  const n = periods.length;
  const rows: CapacityRow[] = periods.map((_, t) => ({ period: t, demand: 0, capacity: 0 }));
  for (const c of capacity) {
    const t = periodIndex(c.period) - base;
    if (t >= 0 && t < n) rows[t]!.capacity = Number(c.fte);
  }
  // Per (initiative, period): stated demand and allocations; the larger counts.
  const perInitiative = new Map<string, { stated: number; allocated: number }>();
  const key = (id: string, t: number) => `${id}:${t}`;
  for (const a of allocations) {
    const t = periodIndex(a.period) - base;
    if (t < 0 || t >= n) continue;
    if (a.initiative_id === null) rows[t]!.demand += Number(a.fte);
    else {
      const e = perInitiative.get(key(a.initiative_id, t)) ?? { stated: 0, allocated: 0 };
      e.allocated += Number(a.fte);
      perInitiative.set(key(a.initiative_id, t), e);
    }
  }
  for (const d of demand) {
    const t = periodIndex(d.start_period) + Number(d.k) - base;
    if (t < 0 || t >= n) continue;
    const e = perInitiative.get(key(d.id, t)) ?? { stated: 0, allocated: 0 };
    e.stated += Number(d.fte);
    perInitiative.set(key(d.id, t), e);
  }
  for (const [k, e] of perInitiative) {
    const t = Number(k.slice(k.lastIndexOf(':') + 1));
    rows[t]!.demand += Math.max(e.stated, e.allocated);
  }
  return rows;
}

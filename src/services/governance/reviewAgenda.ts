import { sql } from 'drizzle-orm';
import { queryRows } from '../../store/queryRows.ts';
import type { ServiceContext } from '../context.ts';
import { getGoalProgress } from '../lifecycle/goalProgressReport.ts';
import { getLifecycleRecommendations } from '../lifecycle/lifecycleRecommendations.ts';
import { loadGates } from './gateConfig.ts';

/** One thing the review has to decide on. */
export type AgendaItem =
  | { kind: 'gate'; initiativeId: string; name: string; gate: string; gateName: string }
  | { kind: 'goal_off_track'; goalId: string; name: string; progress: number; expectedProgress: number }
  | {
      kind: 'over_allocated';
      teamId: string | null;
      teamName: string;
      period: string;
      people: { personId: string; name: string; fte: number; allocated: number }[];
    }
  | { kind: 'lifecycle'; productId: string; name: string; recommendation: string; current: string | null }
  | { kind: 'scenario'; scenarioId: string; name: string; createdBy: string };

interface GateRow {
  id: string;
  name: string;
  gate: string | null;
}
interface LoadRow {
  person_id: string;
  name: string;
  fte: number;
  team_id: string | null;
  team_name: string | null;
  period: string;
  allocated: number;
}

/**
 * The agenda of a portfolio review — exactly what needs a decision: initiatives waiting at a gate (a proposed
 * initiative that never entered the process waits at the first gate), goals off track, teams with someone
 * allocated beyond their FTE in a period, and products whose lifecycle recommendation differs from the
 * recorded investment decision, and saved optimizer scenarios awaiting commit.
 */
export async function buildReviewAgenda(ctx: ServiceContext): Promise<AgendaItem[]> {
  const db = ctx.store.db;
  const org = ctx.orgId;
  const gates = await loadGates(db, org);
  const gateRows = await queryRows<GateRow>(
    db,
    sql`SELECT i.id, i.name, g.current_gate AS gate
        FROM initiatives i LEFT JOIN initiative_gates g ON g.initiative_id = i.id AND g.org_id = i.org_id
        WHERE i.org_id = ${org}
          AND ((g.id IS NOT NULL AND g.status = 'waiting') OR (g.id IS NULL AND i.stage = 'proposed'))
        ORDER BY i.name, i.id`,
  );
  const items: AgendaItem[] = gateRows.map((r) => {
    const key = r.gate ?? gates[0]!.key;
    return {
      kind: 'gate',
      initiativeId: r.id,
      name: r.name,
      gate: key,
      gateName: gates.find((g) => g.key === key)?.name ?? key,
    };
  });
  for (const g of await getGoalProgress(ctx)) {
    if (g.offTrack) {
      items.push({
        kind: 'goal_off_track',
        goalId: g.goalId,
        name: g.name,
        progress: g.progress,
        expectedProgress: g.expectedProgress,
      });
    }
  }
  const load = await queryRows<LoadRow>(
    db,
    sql`SELECT p.id AS person_id, p.name, p.fte, p.team_id, t.name AS team_name, a.period,
               sum(a.fte)::float8 AS allocated
        FROM allocations a JOIN people p ON p.id = a.person_id AND p.org_id = a.org_id
        LEFT JOIN teams t ON t.id = p.team_id
        WHERE a.org_id = ${org}
        GROUP BY p.id, p.name, p.fte, p.team_id, t.name, a.period
        HAVING sum(a.fte) > p.fte + 1e-9
        ORDER BY t.name NULLS LAST, a.period, p.name`,
  );
  const teams = new Map<string, Extract<AgendaItem, { kind: 'over_allocated' }>>();
  for (const r of load) {
    const key = `${r.team_id ?? ''}|${r.period}`;
    let item = teams.get(key);
    if (!item) {
      item = {
        kind: 'over_allocated',
        teamId: r.team_id,
        teamName: r.team_name ?? 'no team',
        period: r.period,
        people: [],
      };
      teams.set(key, item);
      items.push(item);
    }
    item.people.push({
      personId: r.person_id,
      name: r.name,
      fte: Number(r.fte),
      allocated: Number(r.allocated),
    });
  }
  for (const p of await getLifecycleRecommendations(ctx)) {
    if (p.needsDecision === 'differs') {
      items.push({
        kind: 'lifecycle',
        productId: p.productId,
        name: p.name,
        recommendation: p.recommendation,
        current: p.decision.current,
      });
    }
  }
  const pending = await queryRows<{ id: string; name: string; created_by: string }>(
    db,
    sql`SELECT id, name, created_by FROM scenarios WHERE org_id = ${org} AND status = 'saved'
        ORDER BY created_at, id`,
  );
  for (const s of pending)
    items.push({ kind: 'scenario', scenarioId: s.id, name: s.name, createdBy: s.created_by });
  return items;
}

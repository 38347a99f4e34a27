import { and, eq, inArray } from 'drizzle-orm';
import { DomainError, notFound } from '../../domain/errors.ts';
import { periodAt, periodIndex } from '../../domain/periods.ts';
import type { Db } from '../../store/db.ts';
import { findRowForUpdate, insertRow, updateRow } from '../../store/entityRepository.ts';
import { allocations, initiatives, people, scenarios } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import { personCapacity } from '../capacity/effortUnits.ts';
import type { ServiceContext } from '../context.ts';
import { recordDecision } from '../decisionLog.ts';
import { parseInput } from '../entities/entityService.ts';
import { emitEvent } from '../integrations/emitEvent.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { ScenarioCommit } from './optimizerConstraints.ts';
import type { PortfolioRun } from './portfolioRun.ts';

/** Demand of a committed initiative that no person of the role had free capacity for. */
export interface Unstaffed {
  initiativeId: string;
  roleId: string;
  period: string;
  fte: number;
}

export interface CommittedScenario {
  scenario: Record<string, unknown>;
  decision: Record<string, unknown>;
  /** Initiatives the commit moved to 'approved' (they were proposed or on hold). */
  approved: string[];
  /** Selected initiatives whose start period the commit moved (time-phased plans). */
  rescheduled: { id: string; from: string; to: string }[];
  /** Selected initiatives already approved or active: funded before, left as they are. */
  alreadyFunded: string[];
  /** Approved or active initiatives the plan leaves out: not changed by the commit, listed to review. */
  fundedButNotSelected: string[];
  allocations: { id: string; personId: string; initiativeId: string; period: string; fte: number }[];
  unstaffed: Unstaffed[];
}

const FUNDED = new Set(['approved', 'active']);
const EPS = 1e-6;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Staffs newly approved initiatives from their role demand: for each demand period (from the chosen
 * start), people of the role are assigned in order of most free capacity — free = fte − time off − what
 * they are already allocated that quarter (earlier commits' and product allocations included) — until
 * the demand is met. What nobody can take is returned as unstaffed (it stays visible as unstaffed role
 * demand in the capacity view).
 */
async function staff(
  tx: Db,
  ctx: ServiceContext,
  work: { id: string; startPeriod: string; demand: { roleId: string; perPeriod: number[] }[] }[],
  planStart: string,
): Promise<{ rows: CommittedScenario['allocations']; unstaffed: Unstaffed[] }> {
  const staffRows = await tx
    .select({
      id: people.id,
      name: people.name,
      roleId: people.roleId,
      fte: people.fte,
      timeOff: people.timeOff,
    })
    .from(people)
    .where(eq(people.orgId, ctx.orgId))
    .orderBy(people.name, people.id);
  const booked = new Map<string, number>();
  const key = (personId: string, period: string) => `${personId}|${period}`;
  const existing = await tx
    .select({ personId: allocations.personId, period: allocations.period, fte: allocations.fte })
    .from(allocations)
    .where(eq(allocations.orgId, ctx.orgId));
  for (const a of existing)
    booked.set(key(a.personId, a.period), (booked.get(key(a.personId, a.period)) ?? 0) + a.fte);
  const free = (p: (typeof staffRows)[number], period: string) =>
    personCapacity(p, period) - (booked.get(key(p.id, period)) ?? 0);

  const rows: CommittedScenario['allocations'] = [];
  const unstaffed: Unstaffed[] = [];
  for (const w of work) {
    for (const d of w.demand) {
      const ofRole = staffRows.filter((p) => p.roleId === d.roleId);
      for (let k = 0; k < d.perPeriod.length; k++) {
        const period = periodAt(periodIndex(w.startPeriod) + k);
        // Quarters already behind the plan are history, not something to staff now.
        if (periodIndex(period) < periodIndex(planStart)) continue;
        let need = d.perPeriod[k] ?? 0;
        const order = [...ofRole].sort((a, b) => free(b, period) - free(a, period));
        for (const p of order) {
          if (need <= EPS) break;
          const take = round2(Math.min(need, free(p, period)));
          if (take <= EPS) break;
          const row = await insertRow(tx, allocations, {
            orgId: ctx.orgId,
            personId: p.id,
            productId: null,
            initiativeId: w.id,
            period,
            fte: take,
          });
          const out = present(row);
          await writeAudit(tx, ctx, 'create', 'allocations', String(row.id), null, out);
          rows.push({ id: String(row.id), personId: p.id, initiativeId: w.id, period, fte: take });
          booked.set(key(p.id, period), (booked.get(key(p.id, period)) ?? 0) + take);
          need -= take;
        }
        if (need > EPS) unstaffed.push({ initiativeId: w.id, roleId: d.roleId, period, fte: round2(need) });
      }
    }
  }
  return { rows, unstaffed };
}

/**
 * POST /scenarios/:id/commit, in one transaction: the scenario's selected initiatives become 'approved'
 * (at the start period the plan chose), approved ones are staffed from their role demand, the scenario is
 * marked committed, and the decision is logged with the rationale and links to the initiatives — each
 * write with its audit entry. A scenario whose candidate initiatives changed since its run (any version
 * differs, or one was deleted) is refused: re-run it first; a stale If-Match version is refused (412).
 */
export async function commitScenario(
  ctx: ServiceContext,
  id: string,
  raw: unknown,
  expectedVersion?: number,
): Promise<CommittedScenario> {
  const { rationale } = parseInput(ScenarioCommit, raw, 'scenario commit');
  return inTransaction(ctx, async (tx) => {
    const before = await findRowForUpdate(tx, scenarios, ctx.orgId, id);
    if (!before) throw notFound('scenario', id);
    // If-Match: commit the scenario the caller looked at, not one changed (or committed) since.
    if (expectedVersion !== undefined && before.version !== expectedVersion)
      throw new DomainError(
        'version_mismatch',
        `the scenario changed since you read it (version ${String(before.version)}, you sent ${expectedVersion})`,
      );
    if (before.status === 'committed')
      throw new DomainError('conflict', `scenario "${String(before.name)}" is already committed`);
    const report = before.report as PortfolioRun;
    if (report.result.status !== 'optimal' && report.result.status !== 'feasible')
      throw new DomainError(
        'conflict',
        `scenario "${String(before.name)}" has no plan to commit (its run was ${report.result.status}); change its constraints and save it again`,
      );
    const versions = before.initiativeVersions as Record<string, number>;
    const ids = Object.keys(versions);
    const current =
      ids.length === 0
        ? []
        : await tx
            .select()
            .from(initiatives)
            .where(and(eq(initiatives.orgId, ctx.orgId), inArray(initiatives.id, ids)))
            .for('update');
    const byId = new Map(current.map((r) => [r.id, r]));
    const changed = ids.filter((x) => byId.get(x)?.version !== versions[x]);
    if (changed.length > 0) {
      const names = changed.map((x) => byId.get(x)?.name ?? report.names[x] ?? x);
      throw new DomainError(
        'conflict',
        `${changed.length} initiative${changed.length === 1 ? '' : 's'} changed since this scenario was run (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): re-run the scenario (save it again) before committing`,
        { changed },
      );
    }

    const approved: string[] = [];
    const alreadyFunded: string[] = [];
    const rescheduled: CommittedScenario['rescheduled'] = [];
    const toStaff: Parameters<typeof staff>[2] = [];
    const planStart = report.settings.periods[0]!;
    const timePhased = report.settings.timePhased === true;
    for (const s of report.selection) {
      const row = byId.get(s.id)!;
      const values: Record<string, unknown> = {};
      if (!FUNDED.has(row.stage)) values.stage = 'approved';
      // Only a start inside the plan is the optimizer's choice; work begun before the plan keeps its start.
      const move =
        timePhased &&
        s.startPeriod !== row.startPeriod &&
        periodIndex(row.startPeriod) >= periodIndex(planStart);
      if (move) values.startPeriod = s.startPeriod;
      if (Object.keys(values).length > 0) {
        const after = await updateRow(tx, initiatives, ctx.orgId, s.id, values);
        await writeAudit(tx, ctx, 'update', 'initiatives', s.id, present(row), present(after));
      }
      if (move) rescheduled.push({ id: s.id, from: row.startPeriod, to: s.startPeriod });
      if (FUNDED.has(row.stage)) alreadyFunded.push(s.id);
      else {
        approved.push(s.id);
        toStaff.push({ id: s.id, startPeriod: move ? s.startPeriod : row.startPeriod, demand: row.demand });
      }
    }
    const selected = new Set(report.selection.map((s) => s.id));
    const fundedButNotSelected = current
      .filter((r) => FUNDED.has(r.stage) && !selected.has(r.id))
      .map((r) => r.id);
    const staffed = await staff(tx, ctx, toStaff, planStart);

    const decision = await recordDecision(tx, ctx, {
      kind: 'scenario_commit',
      title: `Committed scenario "${String(before.name)}": ${report.selection.length} initiatives funded (${approved.length} newly approved)`,
      rationale,
      subjectType: 'scenario',
      subjectId: id,
      links: report.selection.map((s) => ({ type: 'initiative', id: s.id })),
      data: {
        scenarioId: id,
        objective: report.constraints.objective,
        value: report.result.objective,
        status: report.result.status,
        gap: report.result.gap,
        baselineValue: report.baseline.value,
        approved,
        rescheduled,
        allocations: staffed.rows.length,
        unstaffed: staffed.unstaffed,
      },
    });
    const after = await updateRow(tx, scenarios, ctx.orgId, id, {
      status: 'committed',
      committedAt: ctx.now(),
      committedBy: ctx.actor.name,
      decisionId: decision.id,
    });
    const { report: _b, ...beforeSummary } = present(before);
    const { report: _a, ...afterSummary } = present(after);
    await writeAudit(tx, ctx, 'commit', 'scenarios', id, beforeSummary, afterSummary);
    // In the commit's transaction (outbox): subscribers hear of the commit if and only if it happened,
    // after the decision.recorded event of the same commit.
    await emitEvent(tx, ctx, 'scenario.committed', {
      id,
      name: String(before.name),
      decisionId: decision.id,
      committedBy: ctx.actor.name,
      committedAt: ctx.now().toISOString(),
      rationale,
      objective: report.constraints.objective,
      value: report.result.objective,
      selected: report.selection.map((s) => s.id),
      approved,
      rescheduled,
      allocations: staffed.rows.length,
      unstaffed: staffed.unstaffed.length,
    });
    return {
      scenario: present(after),
      decision,
      approved,
      rescheduled,
      alreadyFunded,
      fundedButNotSelected,
      allocations: staffed.rows,
      unstaffed: staffed.unstaffed,
    };
  });
}

import { and, desc, eq, sql } from 'drizzle-orm';
import { DomainError, notFound } from '../../domain/errors.ts';
import { deleteRow, findRow, findRowForUpdate, insertRow } from '../../store/entityRepository.ts';
import { scenarios } from '../../store/schema.ts';
import { writeAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../entities/entityService.ts';
import { present } from '../present.ts';
import { inTransaction } from '../transaction.ts';
import { constraintsOf, OptimizerConstraints, ScenarioCreate } from './optimizerConstraints.ts';
import type { PortfolioRun } from './portfolioRun.ts';
import { optimizeStoredPortfolio } from './portfolioRun.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored scenario in its API shape: the report as it was when run. */
export type SavedScenario = Record<string, unknown> & { id: string; name: string; report: PortfolioRun };

/** Loads one scenario of the organization, or throws not_found (also for ids of other organizations). */
export async function getScenario(ctx: ServiceContext, id: string): Promise<SavedScenario> {
  if (!UUID.test(id)) throw notFound('scenario', id);
  const row = await findRow(ctx.store.db, scenarios, ctx.orgId, id.toLowerCase());
  if (!row) throw notFound('scenario', id);
  return present(row) as SavedScenario;
}

/**
 * POST /scenarios: runs the optimizer under the constraints (outside any transaction: it may take
 * seconds), then saves name, constraints, report and the candidates' versions with an audit entry.
 */
export async function saveScenario(ctx: ServiceContext, raw: unknown): Promise<SavedScenario> {
  const body = parseInput(ScenarioCreate, raw, 'scenario');
  const constraints = parseInput(OptimizerConstraints, constraintsOf(body), 'scenario constraints');
  const { run, versions } = await optimizeStoredPortfolio(ctx, constraints);
  return inTransaction(ctx, async (tx) => {
    const row = await insertRow(tx, scenarios, {
      orgId: ctx.orgId,
      name: body.name,
      description: body.description,
      constraints,
      report: run,
      initiativeVersions: versions,
      status: 'saved',
      createdBy: ctx.actor.name,
    });
    const out = present(row) as SavedScenario;
    // The audit entry keeps what identifies the run; the full report is in the row itself.
    await writeAudit(tx, ctx, 'create', 'scenarios', out.id, null, {
      id: out.id,
      name: body.name,
      constraints,
      status: run.result.status,
      objective: run.result.objective,
      selected: run.result.selected,
    });
    return out;
  });
}

/** GET /scenarios: the organization's scenarios, newest first, without their full reports. */
export async function listScenarios(ctx: ServiceContext) {
  // Only the few report fields the list shows, extracted in SQL: a report can be hundreds of KB.
  const rows = await ctx.store.db
    .select({
      id: scenarios.id,
      name: scenarios.name,
      description: scenarios.description,
      status: scenarios.status,
      objective: sql<string | null>`${scenarios.report} #>> '{constraints,objective}'`,
      resultStatus: sql<string | null>`${scenarios.report} #>> '{result,status}'`,
      value: sql<number | null>`(${scenarios.report} #>> '{result,objective}')::float8`,
      baselineValue: sql<number | null>`(${scenarios.report} #>> '{baseline,value}')::float8`,
      count: sql<number>`coalesce(jsonb_array_length(${scenarios.report} #> '{result,selected}'), 0)::int`,
      createdBy: scenarios.createdBy,
      createdAt: scenarios.createdAt,
      committedAt: scenarios.committedAt,
      committedBy: scenarios.committedBy,
      version: scenarios.version,
    })
    .from(scenarios)
    .where(eq(scenarios.orgId, ctx.orgId))
    .orderBy(desc(scenarios.createdAt), desc(scenarios.id))
    .limit(500);
  const items = rows.map((r) => ({
    ...r,
    value: r.value === null ? null : Number(r.value),
    baselineValue: r.baselineValue === null ? null : Number(r.baselineValue),
    count: Number(r.count),
    createdAt: r.createdAt.toISOString(),
    committedAt: r.committedAt?.toISOString() ?? null,
  }));
  return { items, nextCursor: null };
}

/**
 * DELETE /scenarios/:id (If-Match → refused when stale). A committed scenario is part of the decision
 * record and stays.
 */
export async function deleteScenario(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  await getScenario(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const before = await findRowForUpdate(tx, scenarios, ctx.orgId, id.toLowerCase());
    if (!before) throw notFound('scenario', id);
    if (expectedVersion !== undefined && before.version !== expectedVersion)
      throw new DomainError(
        'version_mismatch',
        `the scenario changed since you read it (version ${String(before.version)}, you sent ${expectedVersion})`,
      );
    if (before.status === 'committed')
      throw new DomainError(
        'conflict',
        'a committed scenario is part of the decision log and cannot be deleted',
      );
    await deleteRow(tx, scenarios, ctx.orgId, id.toLowerCase());
    const { report: _r, ...summary } = present(before);
    await writeAudit(tx, ctx, 'delete', 'scenarios', id.toLowerCase(), summary, null);
  });
}

/** Whether the scenario row of `id` exists in the organization (for the route's target check). */
export async function scenarioExists(ctx: ServiceContext, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await ctx.store.db
    .select({ id: scenarios.id })
    .from(scenarios)
    .where(and(eq(scenarios.orgId, ctx.orgId), eq(scenarios.id, id.toLowerCase())))
    .limit(1);
  return rows.length > 0;
}

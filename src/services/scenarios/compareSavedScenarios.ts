import { DomainError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { compareScenarios, type ScenarioComparison } from '../optimizeProblem.ts';
import type { PlanTotals } from './planTotals.ts';
import { getScenario } from './savedScenarios.ts';
import { namesMentioned } from './scenarioView.ts';

/** One side of a comparison: the scenario and what its plan adds up to. */
export interface ComparedScenario {
  id: string;
  name: string;
  status: string;
  resultStatus: string;
  objective: string;
  totals: PlanTotals;
  baselineValue: number;
}

export interface SavedScenarioComparison {
  a: ComparedScenario;
  b: ComparedScenario;
  comparison: ScenarioComparison;
  /** Names of the initiatives and roles the comparison mentions. */
  names: Record<string, string>;
}

/**
 * GET /scenarios/compare?a=&b=: two saved scenarios side by side — objective, initiatives only in one,
 * in both, or rescheduled, resource use — with each plan's totals (value, cost per period, utilization
 * per role, count).
 */
export async function compareSavedScenarios(
  ctx: ServiceContext,
  query: Record<string, string | undefined>,
): Promise<SavedScenarioComparison> {
  for (const k of ['a', 'b'] as const)
    if (!query[k])
      throw new DomainError('invalid_input', `${k}: the id of a saved scenario is required`, {
        issues: [{ path: [k], message: 'required' }],
      });
  const [a, b] = await Promise.all([getScenario(ctx, query.a!), getScenario(ctx, query.b!)]);
  const side = (s: typeof a): ComparedScenario => ({
    id: s.id,
    name: s.name,
    status: String(s.status),
    resultStatus: s.report.result.status,
    objective: s.report.constraints.objective,
    totals: s.report.totals,
    baselineValue: s.report.baseline.value,
  });
  const out = {
    a: side(a),
    b: side(b),
    comparison: compareScenarios(
      { name: a.name, result: a.report.result },
      { name: b.name, result: b.report.result },
    ),
  };
  // Only the names the comparison uses: a report names every candidate (thousands at scale).
  return { ...out, names: namesMentioned({ ...a.report.names, ...b.report.names }, out) };
}

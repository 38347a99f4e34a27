import type { Context } from 'hono';
import { notFound } from '../domain/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { commitScenario } from '../services/scenarios/commitScenario.ts';
import { compareSavedScenarios } from '../services/scenarios/compareSavedScenarios.ts';
import {
  FrontierRequest,
  OptimizerConstraints,
  ScenarioCommit,
  ScenarioCreate,
} from '../services/scenarios/optimizerConstraints.ts';
import { runPortfolioFrontier } from '../services/scenarios/portfolioFrontier.ts';
import { runPortfolioOptimizer } from '../services/scenarios/portfolioRun.ts';
import {
  deleteScenario,
  listScenarios,
  saveScenario,
  scenarioExists,
} from '../services/scenarios/savedScenarios.ts';
import { getScenarioView } from '../services/scenarios/scenarioView.ts';
import { ifMatchVersion, pathId, withEtag } from './entityRoutes.ts';
import type { RouteSpec, Target } from './routeSpec.ts';

const scenarioId = (c: Context) => pathId(c, 'scenario');

/** Authorization target of a scenario route: not found outside the caller's organization. */
async function scenarioTarget(ctx: ServiceContext, c: Context): Promise<Target> {
  if (!(await scenarioExists(ctx, scenarioId(c)))) throw notFound('scenario', c.req.param('id') ?? '');
  return { productIds: [] };
}

/**
 * The portfolio optimizer over the stored organization (issue 5): runs, the efficient frontier, and
 * saved scenarios — compare and commit. Running is a portfolio manager's tool (portfolio.write) even
 * though a run stores nothing; reading and comparing saved scenarios is open to every member.
 */
export const OPTIMIZER_ROUTES: RouteSpec[] = [
  {
    method: 'POST',
    path: '/api/v1/optimizer/run',
    action: 'portfolio.write',
    tag: 'optimizer',
    summary:
      'Choose which initiatives to fund (and when) under budget, capacity and rules: status, objective, bound, gap, explanations or conflicts, and score ranking at the same budget',
    body: OptimizerConstraints,
    handler: async (c, ctx, body) => c.json(await runPortfolioOptimizer(ctx, body)),
  },
  {
    method: 'POST',
    path: '/api/v1/optimizer/frontier',
    action: 'portfolio.write',
    tag: 'optimizer',
    summary: 'Efficient frontier: best value per budget level (≥ 20 levels) beside score ranking',
    body: FrontierRequest,
    handler: async (c, ctx, body) => c.json(await runPortfolioFrontier(ctx, body)),
  },
  {
    method: 'GET',
    path: '/api/v1/scenarios',
    action: 'read',
    tag: 'scenarios',
    summary: 'Saved scenarios, newest first',
    cachedRead: true,
    handler: async (c, ctx) => c.json(await listScenarios(ctx)),
  },
  {
    method: 'POST',
    path: '/api/v1/scenarios',
    action: 'portfolio.write',
    tag: 'scenarios',
    summary: 'Run the optimizer under named constraints and save the scenario (constraints + result)',
    body: ScenarioCreate,
    handler: async (c, ctx, body) => withEtag(c, await saveScenario(ctx, body), 201),
  },
  // Before /scenarios/:id, which would otherwise take "compare" for an id.
  {
    method: 'GET',
    path: '/api/v1/scenarios/compare',
    action: 'read',
    tag: 'scenarios',
    summary: 'Two saved scenarios side by side: value, initiatives in/out/rescheduled, cost, utilization',
    query: [
      { name: 'a', description: 'id of the first scenario' },
      { name: 'b', description: 'id of the second scenario' },
    ],
    handler: async (c, ctx) => c.json(await compareSavedScenarios(ctx, c.req.query())),
  },
  {
    method: 'GET',
    path: '/api/v1/scenarios/:id',
    action: 'read',
    tag: 'scenarios',
    summary:
      'A saved scenario with its constraints and report: a summary (long lists cut, see report.truncated) unless detail=full',
    query: [
      {
        name: 'detail',
        description:
          'summary (default: at most 50 funded initiatives, 25 exclusion explanations, 20 warnings, names of what is shown) or full (the whole stored report)',
      },
    ],
    takesId: true,
    target: scenarioTarget,
    cachedRead: true,
    handler: async (c, ctx) => withEtag(c, await getScenarioView(ctx, scenarioId(c), c.req.query())),
  },
  {
    method: 'DELETE',
    path: '/api/v1/scenarios/:id',
    action: 'portfolio.write',
    tag: 'scenarios',
    summary: 'Delete a saved scenario (not a committed one; If-Match refuses stale deletes)',
    takesId: true,
    target: scenarioTarget,
    handler: async (c, ctx) => {
      await deleteScenario(ctx, scenarioId(c), ifMatchVersion(c));
      return c.body(null, 204);
    },
  },
  {
    method: 'POST',
    path: '/api/v1/scenarios/:id/commit',
    action: 'portfolio.write',
    tag: 'scenarios',
    summary:
      'Commit a scenario in one transaction: approve its initiatives, staff them, log the decision (rationale required; 409 when its initiatives changed since the run; If-Match refuses a stale scenario)',
    body: ScenarioCommit,
    takesId: true,
    target: scenarioTarget,
    handler: async (c, ctx, body) =>
      c.json(await commitScenario(ctx, scenarioId(c), body, ifMatchVersion(c))),
  },
];

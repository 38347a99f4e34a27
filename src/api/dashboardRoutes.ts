import { DEFAULT_TOP, dashboardBounds, MAX_TOP } from '../services/dashboard/dashboardBounds.ts';
import { getPortfolioDashboard } from '../services/dashboard/portfolioDashboard.ts';
import type { RouteSpec } from './routeSpec.ts';

/** The portfolio dashboard: everything the executive view shows, in one read. */
export const DASHBOARD_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/dashboard/portfolio',
    action: 'read',
    tag: 'dashboard',
    summary:
      'ROI, utilization and risk tiles with trends, investment vs segment priority, risk × value, BCG, GE-McKinsey, lifecycle mix, needs a decision',
    query: [
      {
        name: 'top',
        description: `points per matrix (risk × value, BCG, GE-McKinsey), 1–${MAX_TOP}, default ${DEFAULT_TOP}; the *Summary fields count all`,
      },
      {
        name: 'bubblesBy',
        description:
          'which initiatives the risk × value bubbles are: the largest by expectedValue (default), exposure or cost',
      },
    ],
    cachedRead: true,
    handler: async (c, ctx) => c.json(await getPortfolioDashboard(ctx, dashboardBounds(c.req.query()))),
  },
];

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
    cachedRead: true,
    handler: async (c, ctx) => c.json(await getPortfolioDashboard(ctx)),
  },
];

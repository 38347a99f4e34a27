import { getCapacityView } from '../services/capacity/capacityReport.ts';
import { runCapacityWhatIf, WhatIfRequest } from '../services/capacity/capacityWhatIf.ts';
import { saveCapacityWhatIf, WhatIfSaveRequest } from '../services/capacity/capacityWhatIfSave.ts';
import { getEntity } from '../services/entities/entityService.ts';
import { entity } from '../services/entities/registry.ts';
import { getReleaseCapacityCheck } from '../services/roadmap/releaseCapacityCheck.ts';
import { getRoadmapPage } from '../services/roadmap/roadmapPage.ts';
import { pathId } from './entityRoutes.ts';
import type { RouteSpec } from './routeSpec.ts';

const releases = entity('releases');

const frameQuery = [
  { name: 'from', description: 'first quarter, e.g. 2027Q1 (default: the planning start)' },
  { name: 'periods', description: 'number of quarters, 1–40 (default: the planning periods)' },
];

/**
 * Capacity, what-if, roadmaps and release checks over the stored organization (issue 6). Everything
 * reads except the what-if save; the scheduler runs on the worker pool.
 */
export const CAPACITY_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/capacity',
    action: 'read',
    tag: 'capacity',
    summary:
      'Capacity (FTE − time off) against demand per person, team or role and quarter: utilization, over-allocation alerts with their causes, under-used capacity',
    query: [
      { name: 'level', description: 'person, team (default), role or all' },
      ...frameQuery,
      {
        name: 'underUsedBelow',
        description: 'utilization % below which capacity is under-used (default 60)',
      },
    ],
    handler: async (c, ctx) => c.json(await getCapacityView(ctx, c.req.query())),
  },
  {
    method: 'POST',
    path: '/api/v1/capacity/what-if',
    action: 'read',
    tag: 'capacity',
    summary:
      'Preview adding or removing people, delaying or dropping initiatives: before, after, deltas, alerts (writes nothing)',
    body: WhatIfRequest,
    handler: async (c, ctx, body) => c.json(await runCapacityWhatIf(ctx, body)),
  },
  {
    method: 'POST',
    path: '/api/v1/capacity/what-if/save',
    action: 'portfolio.write',
    tag: 'capacity',
    summary:
      'Apply what-if changes for real in one transaction (people created or deleted, initiatives moved or cancelled) and record the decision',
    body: WhatIfSaveRequest,
    handler: async (c, ctx, body) => c.json(await saveCapacityWhatIf(ctx, body), 201),
  },
  {
    method: 'GET',
    path: '/api/v1/roadmap',
    action: 'read',
    tag: 'roadmap',
    summary:
      'Scheduled roadmap of a product or the portfolio by quarter, by release or now / next / later: one page of rows with the groups on it, totals, the quarter header (releases, late), the largest slips',
    query: [
      {
        name: 'productId',
        description: 'one product, scheduled against its own teams (default: the whole portfolio)',
      },
      {
        name: 'view',
        description: 'quarter (default), release or horizon: the order and groups of the rows',
      },
      {
        name: 'group',
        description:
          'only the rows of one group: a quarter (2027Q1), a release id or unplanned, now / next / later / done',
      },
      { name: 'late', description: 'true: only late items' },
      { name: 'limit', description: 'rows per page, 1–500 (default 100)' },
      { name: 'offset', description: 'rows to skip (default 0); the answer gives page.nextOffset' },
      {
        name: 'include',
        description:
          'comma-separated extras: schedule (the solved problem and starts), ideas, unschedulable (all of them, not the first 20)',
      },
    ],
    cachedRead: true,
    handler: async (c, ctx) =>
      c.body(await getRoadmapPage(ctx, c.req.query()), 200, { 'content-type': 'application/json' }),
  },
  {
    method: 'GET',
    path: '/api/v1/releases/:id/capacity-check',
    action: 'read',
    tag: 'releases',
    summary:
      "Does the release's scope fit the product team's capacity before its date? Per role over/spare, and who slips",
    takesId: true,
    target: async (ctx, c) => {
      await getEntity(ctx, releases, pathId(c, 'release'));
      return { productIds: [] };
    },
    handler: async (c, ctx) => c.json(await getReleaseCapacityCheck(ctx, pathId(c, 'release'))),
  },
];

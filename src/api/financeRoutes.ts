import type { Context } from 'hono';
import { notFound } from '../domain/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { getEntity } from '../services/entities/entityService.ts';
import { entity } from '../services/entities/registry.ts';
import { getInitiativeFinance } from '../services/finance/initiativeFinance.ts';
import { getPortfolioFinance } from '../services/finance/portfolioFinance.ts';
import { getProductFinance } from '../services/finance/productFinance.ts';
import { getRiskExposure, getRiskHeatMap } from '../services/finance/riskReports.ts';
import { SimulationRequest, simulateStoredPortfolio } from '../services/finance/storedPortfolioSimulation.ts';
import { proposeInitiativeForGap } from '../services/lifecycle/gapProposal.ts';
import { getGoalProgress } from '../services/lifecycle/goalProgressReport.ts';
import { getKpiAttainment } from '../services/lifecycle/kpiAttainmentReport.ts';
import { getLifecycleRecommendations } from '../services/lifecycle/lifecycleRecommendations.ts';
import { GapProposalRequest, getAllGaps, getSegmentGaps } from '../services/lifecycle/segmentGaps.ts';
import { pathId } from './entityRoutes.ts';
import type { RouteSpec } from './routeSpec.ts';

const initiatives = entity('initiatives');
const products = entity('products');
const segments = entity('segments');

/** Loads the row named by :id so an id of another organization is not_found before anything runs. */
const exists = (def: typeof products, label: string) => async (ctx: ServiceContext, c: Context) => {
  await getEntity(ctx, def, pathId(c, label));
  return { productIds: [] };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const requirementId = (c: Context) => {
  const id = c.req.param('requirementId') ?? '';
  if (!UUID.test(id)) throw notFound('segment requirement', id);
  return id.toLowerCase();
};

const stageQuery = [
  { name: 'stage', description: 'initiative stages, comma-separated, or all (default approved,active,done)' },
];

/**
 * Return, risk, KPIs, goals, lifecycle and gap analysis over the stored organization (issue 7). All reads
 * except the gap proposal; the Monte Carlo runs on worker threads and writes nothing.
 */
export const FINANCE_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/finance/initiatives/:id',
    action: 'read',
    tag: 'finance',
    summary: 'Cash flows per quarter, NPV, ROI, payback and IRR of an initiative (period 0 = its start)',
    takesId: true,
    target: exists(initiatives, 'initiative'),
    handler: async (c, ctx) => c.json(await getInitiativeFinance(ctx, pathId(c, 'initiative'))),
  },
  {
    method: 'GET',
    path: '/api/v1/finance/products/:id',
    action: 'read',
    tag: 'finance',
    summary: "A product's recorded revenue and cost per quarter and the financials of its initiatives",
    query: stageQuery,
    takesId: true,
    target: exists(products, 'product'),
    handler: async (c, ctx) => c.json(await getProductFinance(ctx, pathId(c, 'product'), c.req.query())),
  },
  {
    method: 'GET',
    path: '/api/v1/finance/portfolio',
    action: 'read',
    tag: 'finance',
    summary: 'Portfolio cash flows, NPV, ROI, payback and IRR, with the figures per product and initiative',
    query: stageQuery,
    cachedRead: true,
    handler: async (c, ctx) => c.json(await getPortfolioFinance(ctx, c.req.query())),
  },
  {
    method: 'GET',
    path: '/api/v1/risks/exposure',
    action: 'read',
    tag: 'risks',
    summary: 'Risk exposure (probability × impact of open risks) per risk, product, initiative and portfolio',
    handler: async (c, ctx) => c.json(await getRiskExposure(ctx)),
  },
  {
    method: 'GET',
    path: '/api/v1/risks/heatmap',
    action: 'read',
    tag: 'risks',
    summary: 'The 5 × 5 probability × impact heat map of open risks',
    query: [
      { name: 'impactScale', description: 'money (default: bins at 20/40/60/80 % of the largest) or score' },
    ],
    handler: async (c, ctx) => c.json(await getRiskHeatMap(ctx, c.req.query())),
  },
  {
    method: 'POST',
    path: '/api/v1/simulations',
    action: 'read',
    tag: 'finance',
    summary: 'Monte Carlo of portfolio value over stored initiatives (seeded; histogram and tornado)',
    body: SimulationRequest,
    handler: async (c, ctx, body) => c.json(await simulateStoredPortfolio(ctx, body)),
  },
  {
    method: 'GET',
    path: '/api/v1/kpis/attainment',
    action: 'read',
    tag: 'kpis',
    summary: 'Attainment, trend, status and time series per KPI, with a roll-up per product',
    query: [{ name: 'productId', description: 'only this product’s KPIs' }],
    handler: async (c, ctx) => c.json(await getKpiAttainment(ctx, c.req.query())),
  },
  {
    method: 'GET',
    path: '/api/v1/goals/progress',
    action: 'read',
    tag: 'goals',
    summary: 'Progress per strategic goal from its key results and linked work, with the off-track flag',
    handler: async (c, ctx) => c.json({ items: await getGoalProgress(ctx) }),
  },
  {
    method: 'GET',
    path: '/api/v1/lifecycle/recommendations',
    action: 'read',
    tag: 'lifecycle',
    summary: 'BCG placement and an invest / maintain / retire recommendation per product, with reasons',
    handler: async (c, ctx) => c.json({ items: await getLifecycleRecommendations(ctx) }),
  },
  {
    method: 'GET',
    path: '/api/v1/gaps',
    action: 'read',
    tag: 'segments',
    summary: 'Requirement gaps of every segment, ranked by segment priority × importance',
    handler: async (c, ctx) => c.json({ items: await getAllGaps(ctx) }),
  },
  {
    method: 'GET',
    path: '/api/v1/segments/:id/gaps',
    action: 'read',
    tag: 'segments',
    summary: "The segment's strategic requirements that nothing of ours covers fully, each with a proposal",
    takesId: true,
    target: exists(segments, 'segment'),
    handler: async (c, ctx) => c.json(await getSegmentGaps(ctx, pathId(c, 'segment'))),
  },
  {
    method: 'POST',
    path: '/api/v1/segments/:id/gaps/:requirementId/proposal',
    action: 'portfolio.write',
    tag: 'segments',
    summary: 'Create the proposed initiative (build, buy or partner) that closes a gap',
    body: GapProposalRequest,
    takesId: true,
    // Only the segment is checked before authorization (the requirement is checked by the service), so a
    // caller without the right is refused the same way whatever requirement id they send.
    target: exists(segments, 'segment'),
    handler: async (c, ctx, body) =>
      c.json(await proposeInitiativeForGap(ctx, pathId(c, 'segment'), requirementId(c), body), 201),
  },
];

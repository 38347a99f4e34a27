import type { Context } from 'hono';
import { GateConfigUpdate, GateDecision, type GateOutcome } from '../domain/entities/gate.ts';
import { PositioningUpdate } from '../domain/entities/positioning.ts';
import { ReviewCreate, ReviewUpdate } from '../domain/entities/review.ts';
import type { ServiceContext } from '../services/context.ts';
import { getEntity } from '../services/entities/entityService.ts';
import { entity } from '../services/entities/registry.ts';
import { getCompetitiveMatrix } from '../services/governance/competitiveMatrix.ts';
import { getGateConfig, setGateConfig } from '../services/governance/gateConfig.ts';
import { decideGate, getInitiativeGate } from '../services/governance/initiativeGates.ts';
import {
  createReview,
  getReview,
  listReviews,
  updateReview,
} from '../services/governance/portfolioReviews.ts';
import { getProductPositioning, setProductPositioning } from '../services/governance/productPositioning.ts';
import { reviewSummaryHtml } from '../services/governance/reviewSummaryHtml.ts';
import { ifMatchVersion, pathId, withEtag } from './entityRoutes.ts';
import type { RouteSpec, Target } from './routeSpec.ts';

const initiatives = entity('initiatives');
const products = entity('products');

/** The :id names an initiative of the organization (else not_found, whatever the role). */
async function initiativeTarget(ctx: ServiceContext, c: Context): Promise<Target> {
  await getEntity(ctx, initiatives, pathId(c, 'initiative'));
  return { productIds: [] };
}

function gateRoute(path: string, outcome: GateOutcome, summary: string): RouteSpec {
  return {
    method: 'POST',
    path: `/api/v1/initiatives/:id/gate/${path}`,
    action: 'decision.write',
    tag: 'governance',
    summary,
    body: GateDecision,
    takesId: true,
    target: initiativeTarget,
    handler: async (c, ctx, body) => c.json(await decideGate(ctx, pathId(c, 'initiative'), outcome, body)),
  };
}

/** Stage gates, portfolio reviews, the competitive matrix, and product positioning and pricing. */
export const GOVERNANCE_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/gates',
    action: 'read',
    tag: 'governance',
    summary: "The organization's stage gates in order, with required fields and approver roles",
    handler: async (c, ctx) => c.json(await getGateConfig(ctx)),
  },
  {
    method: 'PUT',
    path: '/api/v1/gates',
    action: 'portfolio.write',
    tag: 'governance',
    summary: "Replace the organization's stage gates",
    body: GateConfigUpdate,
    handler: async (c, ctx, body) => c.json(await setGateConfig(ctx, body)),
  },
  {
    method: 'GET',
    path: '/api/v1/initiatives/:id/gate',
    action: 'read',
    tag: 'governance',
    summary: 'Where an initiative stands in the gates: current gate, what is missing, history',
    takesId: true,
    target: initiativeTarget,
    handler: async (c, ctx) => c.json(await getInitiativeGate(ctx, pathId(c, 'initiative'))),
  },
  gateRoute(
    'approve',
    'approve',
    'Pass the current gate (its approver roles only; refused while requirements are missing)',
  ),
  gateRoute('reject', 'reject', 'Reject the initiative at its current gate'),
  gateRoute('send-back', 'send_back', 'Send the initiative back to the previous gate'),
  {
    method: 'GET',
    path: '/api/v1/reviews',
    action: 'read',
    tag: 'governance',
    summary: 'Portfolio reviews, newest first',
    handler: async (c, ctx) => c.json(await listReviews(ctx)),
  },
  {
    method: 'POST',
    path: '/api/v1/reviews',
    action: 'portfolio.write',
    tag: 'governance',
    summary: 'Create a portfolio review with an agenda of everything that needs a decision',
    body: ReviewCreate,
    handler: async (c, ctx, body) => withEtag(c, await createReview(ctx, body), 201),
  },
  {
    method: 'GET',
    path: '/api/v1/reviews/:id',
    action: 'read',
    tag: 'governance',
    summary: 'A review with its agenda, minutes and linked decisions',
    takesId: true,
    handler: async (c, ctx) => withEtag(c, await getReview(ctx, pathId(c, 'review'))),
  },
  {
    method: 'PATCH',
    path: '/api/v1/reviews/:id',
    action: 'portfolio.write',
    tag: 'governance',
    summary: 'Record the minutes and link the decisions taken',
    body: ReviewUpdate,
    takesId: true,
    target: async (ctx, c) => {
      await getReview(ctx, pathId(c, 'review'));
      return { productIds: [] };
    },
    handler: async (c, ctx, body) =>
      withEtag(c, await updateReview(ctx, pathId(c, 'review'), body, ifMatchVersion(c))),
  },
  {
    method: 'GET',
    path: '/api/v1/reviews/:id/summary',
    action: 'read',
    tag: 'governance',
    summary: 'The review as a printable HTML page (print CSS; save as PDF from the browser)',
    takesId: true,
    handler: async (c, ctx) => c.html(await reviewSummaryHtml(ctx, pathId(c, 'review'))),
  },
  {
    method: 'GET',
    path: '/api/v1/segments/:id/competitive-matrix',
    action: 'read',
    tag: 'governance',
    summary: "A segment's requirements against our products and the competitors, with coverage and evidence",
    takesId: true,
    handler: async (c, ctx) => c.json(await getCompetitiveMatrix(ctx, pathId(c, 'segment'))),
  },
  {
    method: 'GET',
    path: '/api/v1/products/:id/positioning',
    action: 'read',
    tag: 'governance',
    summary: "A product's positioning and pricing, overall and per segment, with history",
    takesId: true,
    handler: async (c, ctx) => c.json(await getProductPositioning(ctx, pathId(c, 'product'))),
  },
  {
    method: 'PUT',
    path: '/api/v1/products/:id/positioning',
    action: 'product.write',
    tag: 'governance',
    summary: 'Set positioning and pricing (overall or for a segment); recorded as a pricing decision',
    body: PositioningUpdate,
    takesId: true,
    target: async (ctx, c) => {
      const id = pathId(c, 'product');
      await getEntity(ctx, products, id);
      return { productIds: [id] };
    },
    handler: async (c, ctx, body) => c.json(await setProductPositioning(ctx, pathId(c, 'product'), body)),
  },
];

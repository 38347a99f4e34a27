import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import { parseInput } from '../services/entities/entityService.ts';
import { applyParkingLot } from '../services/ranking/applyParkingLot.ts';
import { demand, featureDemand } from '../services/ranking/demand.ts';
import { featureProduct } from '../services/ranking/featureProduct.ts';
import { featureRanking } from '../services/ranking/featureRanking.ts';
import { FormulasInput, formulaScores, listFormulas, saveFormulas } from '../services/ranking/formulas.ts';
import { getGoalWeights } from '../services/ranking/goalWeightsView.ts';
import { PullBackInput, pullBack } from '../services/ranking/pullBack.ts';
import { RerankInput, rerankFeature } from '../services/ranking/rerankFeature.ts';
import { resolveProduct } from '../services/ranking/resolveProduct.ts';
import { segmentRanking } from '../services/ranking/segmentRanking.ts';
import { GoalWeightsInput, setGoalWeights } from '../services/ranking/setGoalWeights.ts';
import { pathId } from './entityRoutes.ts';
import type { RouteSpec } from './routeSpec.ts';

const ParkingLotInput = z.strictObject({ productId: z.string().min(1).max(200).optional() });

/** The body's productId for authorization, before validation (a malformed body is refused afterwards). */
function bodyProductId(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const v = (body as Record<string, unknown>).productId;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') {
    throw new DomainError('invalid_input', 'productId: must be a product id or slug', {
      issues: [{ path: ['productId'], message: 'must be a product id or slug' }],
    });
  }
  return v;
}

/**
 * Prioritization over the stored organization (issue 4): the segment pecking order, the ranked backlog
 * with score breakdowns, the parking lot, manual ranks, goal weights, demand and organization formulas.
 * Registered before the entity routes so /segments/ranking and /features/scores win over /:id.
 */
export const RANKING_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/segments/ranking',
    action: 'read',
    tag: 'ranking',
    summary:
      'The segment pecking order with per-factor breakdowns, overrides, and GE-McKinsey placement of segments and products',
    cachedRead: true,
    handler: async (c, ctx) => c.json(await segmentRanking(ctx)),
  },
  {
    method: 'GET',
    path: '/api/v1/backlog',
    action: 'read',
    tag: 'ranking',
    summary:
      'The ranked backlog (one product or the whole portfolio) by portfolio priority, one page with score breakdowns and RICE/ICE/WSJF',
    query: [
      { name: 'productId', description: 'rank one product’s backlog (id or slug); omit for the portfolio' },
      { name: 'limit', description: 'page size, 1–500 (default 50)' },
      { name: 'offset', description: 'position of the first row (default 0)' },
      {
        name: 'capacityShort',
        description: 'true: boost segment-specific work for the top segments (80/20)',
      },
    ],
    cachedRead: true,
    handler: async (c, ctx) => c.json(await featureRanking(ctx, c.req.query())),
  },
  {
    method: 'POST',
    path: '/api/v1/backlog/parking-lot/apply',
    action: 'product.write',
    tag: 'ranking',
    summary:
      'Move the features the engine parks to the parking lot with the reason (one product: product.write; the portfolio: portfolio.write)',
    body: ParkingLotInput,
    target: async (ctx, _c, body) => {
      const ref = bodyProductId(body);
      if (!ref) return { action: 'portfolio.write', productIds: [] };
      return { action: 'product.write', productIds: [await resolveProduct(ctx, ref)] };
    },
    handler: async (c, ctx, body) =>
      c.json(await applyParkingLot(ctx, parseInput(ParkingLotInput, body ?? {}, 'parking lot request'))),
  },
  {
    method: 'POST',
    path: '/api/v1/features/:id/pull-back',
    action: 'product.write',
    tag: 'ranking',
    summary: 'Pull a feature back from the parking lot with a rationale (lands in the decision log)',
    body: PullBackInput,
    takesId: true,
    target: async (ctx, c) => ({ productIds: [await featureProduct(ctx, pathId(c, 'feature'))] }),
    handler: async (c, ctx, body) => c.json(await pullBack(ctx, pathId(c, 'feature'), body)),
  },
  {
    method: 'POST',
    path: '/api/v1/features/:id/rank',
    action: 'product.write',
    tag: 'ranking',
    summary:
      'Set a feature’s manual rank in its product’s backlog with a rationale (lands in the decision log)',
    body: RerankInput,
    takesId: true,
    target: async (ctx, c) => ({ productIds: [await featureProduct(ctx, pathId(c, 'feature'))] }),
    handler: async (c, ctx, body) => c.json(await rerankFeature(ctx, pathId(c, 'feature'), body)),
  },
  {
    method: 'GET',
    path: '/api/v1/features/:id/demand',
    action: 'read',
    tag: 'ranking',
    summary: 'The demand behind a feature: customers, segments, sources and the grouped “why” statements',
    takesId: true,
    target: async (ctx, c) => {
      await featureProduct(ctx, pathId(c, 'feature'));
      return { productIds: [] };
    },
    handler: async (c, ctx) => c.json(await featureDemand(ctx, pathId(c, 'feature'))),
  },
  {
    method: 'GET',
    path: '/api/v1/features/scores',
    action: 'read',
    tag: 'ranking',
    summary: 'Open features scored by one of the organization’s formulas, best first, with the inputs',
    query: [
      { name: 'formula', description: 'the formula key' },
      { name: 'productId', description: 'one product (id or slug); omit for all' },
    ],
    handler: async (c, ctx) => c.json(await formulaScores(ctx, c.req.query())),
  },
  {
    method: 'GET',
    path: '/api/v1/goals/weights',
    action: 'read',
    tag: 'ranking',
    summary: 'The goals’ weights and the last accepted pairwise comparison matrix (null when set directly)',
    handler: async (c, ctx) => c.json(await getGoalWeights(ctx)),
  },
  {
    method: 'PUT',
    path: '/api/v1/goals/weights',
    action: 'portfolio.write',
    tag: 'ranking',
    summary:
      'Set the goals’ weights directly or by pairwise comparison (AHP; consistency ratio above 0.1 is refused naming the pair)',
    body: GoalWeightsInput,
    handler: async (c, ctx, body) => c.json(await setGoalWeights(ctx, body)),
  },
  {
    method: 'GET',
    path: '/api/v1/demand',
    action: 'read',
    tag: 'ranking',
    summary: 'Feedback aggregated per feature, segment or customer with the “why” statements grouped',
    query: [
      { name: 'by', description: 'feature (default), segment or customer' },
      { name: 'productId', description: 'only this product’s features (id or slug)' },
    ],
    handler: async (c, ctx) => c.json(await demand(ctx, c.req.query())),
  },
  {
    method: 'GET',
    path: '/api/v1/organization/formulas',
    action: 'read',
    tag: 'ranking',
    summary: 'The organization’s score formulas and the fields they may use',
    handler: async (c, ctx) => c.json(await listFormulas(ctx)),
  },
  {
    method: 'PUT',
    path: '/api/v1/organization/formulas',
    action: 'portfolio.write',
    tag: 'ranking',
    summary: 'Replace the organization’s score formulas (each is checked: syntax, known fields)',
    body: FormulasInput,
    handler: async (c, ctx, body) => c.json(await saveFormulas(ctx, body)),
  },
];

import { ProductDecision, ProductOwner } from '../domain/entities/product.ts';
import { listAudit } from '../services/audit.ts';
import { getEntity, productsConcerned } from '../services/entities/entityService.ts';
import { entity } from '../services/entities/registry.ts';
import { decideProductInvestment, setProductOwner } from '../services/productDecisions.ts';
import { pathId, withEtag } from './entityRoutes.ts';
import type { RouteSpec } from './routeSpec.ts';

const products = entity('products');

/** Routes beyond plain CRUD for the foundation: audit trail and product investment decisions. */
export const PORTFOLIO_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/audit',
    action: 'audit.read',
    tag: 'audit',
    summary: 'The audit trail of every write, newest first',
    query: [
      { name: 'entity', description: 'e.g. features' },
      { name: 'entityId', description: 'id of the row' },
      { name: 'actorId', description: 'user or token id' },
      { name: 'action', description: 'create, update, delete, …' },
      { name: 'cursor', description: 'nextCursor of the previous page' },
      { name: 'limit', description: '1–500' },
    ],
    handler: async (c, ctx) => c.json(await listAudit(ctx, c.req.query())),
  },
  {
    method: 'POST',
    path: '/api/v1/products/:id/decision',
    action: 'product.admin',
    tag: 'products',
    summary: 'Record an invest / maintain / retire decision with its rationale (lands in the decision log)',
    body: ProductDecision,
    takesId: true,
    target: async (ctx, c) => {
      await getEntity(ctx, products, pathId(c, 'product'));
      return { productIds: [] };
    },
    handler: async (c, ctx, body) =>
      withEtag(c, await decideProductInvestment(ctx, pathId(c, 'product'), body)),
  },
  {
    method: 'PUT',
    path: '/api/v1/products/:id/owner',
    action: 'product.admin',
    tag: 'products',
    summary: 'Hand the product to another owner',
    body: ProductOwner,
    takesId: true,
    target: async (ctx, c) => {
      const id = pathId(c, 'product');
      await getEntity(ctx, products, id); // not_found outside the organization, before the body is read
      return { productIds: await productsConcerned(ctx, products, { id }) };
    },
    handler: async (c, ctx, body) => withEtag(c, await setProductOwner(ctx, pathId(c, 'product'), body)),
  },
];

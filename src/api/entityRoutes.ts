import type { Context } from 'hono';
import { DomainError, notFound } from '../domain/errors.ts';
import type { EntityDefinition } from '../services/entities/entityDefinition.ts';
import {
  createEntity,
  deleteEntity,
  getEntity,
  listEntities,
  updateEntity,
} from '../services/entities/entityService.ts';
import { entityWriteTarget } from '../services/entities/entityTargets.ts';
import { ENTITIES } from '../services/entities/registry.ts';
import type { RouteSpec } from './routeSpec.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The :id path parameter; anything that is not a UUID cannot name a row, so it is simply not found. */
export function pathId(c: Context, label: string): string {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw notFound(label, id);
  return id.toLowerCase();
}

/** If-Match: "3" (or W/"3", or 3) → 3; absent → undefined. */
export function ifMatchVersion(c: Context): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined || header === '*') return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) {
    throw new DomainError('invalid_input', 'If-Match must be the ETag this API returned, e.g. "3"', {
      issues: [{ path: ['If-Match'], message: 'malformed' }],
    });
  }
  return Number(m[1]);
}

export function withEtag(c: Context, entity: Record<string, unknown>, status: 200 | 201 = 200): Response {
  if (typeof entity.version === 'number') c.header('ETag', `"${entity.version}"`);
  return c.json(entity, status);
}

function routesFor(def: EntityDefinition): RouteSpec[] {
  const base = `/api/v1/${def.name}`;
  const tag = def.name;
  const listQuery = [
    { name: 'cursor', description: 'nextCursor of the previous page' },
    { name: 'limit', description: 'page size, 1–500 (default 50)' },
    { name: 'sort', description: `one of ${def.sorts.join(', ')}` },
    { name: 'order', description: 'asc or desc' },
    ...(def.searchable ? [{ name: 'q', description: 'full-text search (web-search syntax)' }] : []),
    ...def.filters.map((f) => ({ name: f, description: `equals (use "null" for none)` })),
    ...(def.customFields ? [{ name: 'custom.<key>', description: 'custom field equals / contains' }] : []),
  ];
  const routes: RouteSpec[] = [
    {
      method: 'GET',
      path: base,
      action: 'read',
      tag,
      summary: `List ${def.name}`,
      query: listQuery,
      handler: async (c, ctx) => c.json(await listEntities(ctx, def, c.req.query())),
    },
    {
      method: 'POST',
      path: base,
      action: typeof def.action.create === 'string' ? def.action.create : 'portfolio.write',
      tag,
      summary: `Create a ${def.label}`,
      body: def.create,
      target: (ctx, _c, body) => entityWriteTarget(ctx, def, 'create', undefined, body),
      handler: async (c, ctx, body) => withEtag(c, await createEntity(ctx, def, body), 201),
    },
    {
      method: 'GET',
      path: `${base}/:id`,
      action: 'read',
      tag,
      summary: `Get a ${def.label}`,
      takesId: true,
      handler: async (c, ctx) => withEtag(c, await getEntity(ctx, def, pathId(c, def.label))),
    },
  ];
  if (def.update) {
    routes.push({
      method: 'PATCH',
      path: `${base}/:id`,
      action: typeof def.action.update === 'string' ? def.action.update : 'portfolio.write',
      tag,
      summary: `Update a ${def.label} (send If-Match with its ETag to refuse stale writes)`,
      body: def.update,
      takesId: true,
      target: (ctx, c, body) => entityWriteTarget(ctx, def, 'update', pathId(c, def.label), body),
      handler: async (c, ctx, body) =>
        withEtag(c, await updateEntity(ctx, def, pathId(c, def.label), body, ifMatchVersion(c))),
    });
  }
  if (def.deletable) {
    routes.push({
      method: 'DELETE',
      path: `${base}/:id`,
      action: typeof def.action.delete === 'string' ? def.action.delete : 'portfolio.write',
      tag,
      summary: `Delete a ${def.label}`,
      takesId: true,
      target: (ctx, c) => entityWriteTarget(ctx, def, 'delete', pathId(c, def.label), undefined),
      handler: async (c, ctx) => {
        await deleteEntity(ctx, def, pathId(c, def.label), ifMatchVersion(c));
        return c.body(null, 204);
      },
    });
  }
  return routes;
}

/** Create, read, update, delete and list routes for every registered entity. */
export const ENTITY_ROUTES: RouteSpec[] = ENTITIES.flatMap(routesFor);

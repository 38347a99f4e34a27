import type { Context } from 'hono';
import { DomainError } from '../domain/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { CSV_KINDS, PRESETS } from '../services/csvImport/csvPresets.ts';
import { exportEntityCsv } from '../services/csvImport/entityCsvExport.ts';
import { type CsvImportOptions, csvImportProduct, importCsv } from '../services/csvImport/importCsv.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  updateWebhook,
  WebhookCreate,
  WebhookUpdate,
} from '../services/integrations/webhookSubscriptions.ts';
import { ifMatchVersion, pathId, withEtag } from './entityRoutes.ts';
import type { RouteSpec } from './routeSpec.ts';

const webhookExists = async (ctx: ServiceContext, c: Context) => {
  await getWebhook(ctx, pathId(c, 'webhook'));
  return { productIds: [] };
};

/** ?kind=…&dryRun=true&product=…&map=Column=field (repeatable) → import options. */
function importOptions(c: Context): CsvImportOptions {
  const map: Record<string, string> = {};
  for (const m of c.req.queries('map') ?? []) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0) {
      throw new DomainError('invalid_input', `map=${m}: expected Column=field`, {
        issues: [{ path: ['map'], message: 'expected Column=field' }],
      });
    }
    map[m.slice(0, eq)] = m.slice(eq + 1);
  }
  const dry = c.req.query('dryRun');
  return {
    kind: c.req.query('kind') ?? '',
    product: c.req.query('product') ?? c.req.query('productId'),
    dryRun: dry === 'true' || dry === '1',
    map,
  };
}

/** Webhooks (subscriptions, delivery log, test ping), CSV import and CSV export per entity (issue 9). */
export const INTEGRATION_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/webhooks',
    action: 'admin',
    tag: 'webhooks',
    summary: 'List webhook subscriptions (secrets are never shown again)',
    handler: async (c, ctx) => c.json(await listWebhooks(ctx)),
  },
  {
    method: 'POST',
    path: '/api/v1/webhooks',
    action: 'admin',
    tag: 'webhooks',
    summary: 'Subscribe a URL to events; the answer carries the signing secret, shown this once',
    body: WebhookCreate,
    handler: async (c, ctx, body) => withEtag(c, await createWebhook(ctx, body), 201),
  },
  {
    method: 'GET',
    path: '/api/v1/webhooks/:id',
    action: 'admin',
    tag: 'webhooks',
    summary: 'Get a webhook subscription',
    takesId: true,
    target: webhookExists,
    handler: async (c, ctx) => withEtag(c, await getWebhook(ctx, pathId(c, 'webhook'))),
  },
  {
    method: 'PATCH',
    path: '/api/v1/webhooks/:id',
    action: 'admin',
    tag: 'webhooks',
    summary: 'Change a subscription (url, events, format json|slack, active)',
    body: WebhookUpdate,
    takesId: true,
    target: webhookExists,
    handler: async (c, ctx, body) =>
      withEtag(c, await updateWebhook(ctx, pathId(c, 'webhook'), body, ifMatchVersion(c))),
  },
  {
    method: 'DELETE',
    path: '/api/v1/webhooks/:id',
    action: 'admin',
    tag: 'webhooks',
    summary: 'Delete a subscription and its delivery log',
    takesId: true,
    target: webhookExists,
    handler: async (c, ctx) => {
      await deleteWebhook(ctx, pathId(c, 'webhook'), ifMatchVersion(c));
      return c.body(null, 204);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/webhooks/:id/deliveries',
    action: 'admin',
    tag: 'webhooks',
    summary: 'The delivery log: every event sent, attempts, status, last error and response status',
    query: [
      { name: 'limit', description: 'page size, 1–200 (default 50)' },
      { name: 'cursor', description: 'nextCursor of the previous page' },
    ],
    takesId: true,
    target: webhookExists,
    handler: async (c, ctx) => c.json(await listDeliveries(ctx, pathId(c, 'webhook'), c.req.query())),
  },
  {
    method: 'POST',
    path: '/api/v1/webhooks/:id/ping',
    action: 'admin',
    tag: 'webhooks',
    summary: 'Queue a test event (ping) for this subscription',
    takesId: true,
    target: webhookExists,
    handler: async (c, ctx) => c.json(await pingWebhook(ctx, pathId(c, 'webhook')), 202),
  },
  {
    method: 'POST',
    path: '/api/v1/imports/csv',
    // Feedback imports need feedback.create; feature imports product.write on the product (see target).
    action: 'feedback.create',
    tag: 'imports',
    summary:
      'Import a CSV (body, content-type text/csv, up to 1 MB; the CLI streams larger files): every bad row is reported, nothing is written unless all rows are good',
    query: [
      { name: 'kind', description: CSV_KINDS.join(' | ') },
      { name: 'dryRun', description: 'true: validate and report only' },
      { name: 'product', description: 'product id or slug (feature kinds)' },
      { name: 'map', description: 'Column=field, repeatable; field "-" ignores the column' },
    ],
    target: async (ctx, c) => {
      const options = importOptions(c);
      const kind = options.kind as (typeof CSV_KINDS)[number];
      if (!CSV_KINDS.includes(kind) || PRESETS[kind].target === 'feedback') return { productIds: [] };
      const product = await csvImportProduct(ctx, options);
      return { action: 'product.write', productIds: product ? [product] : [] };
    },
    handler: async (c, ctx, body) => {
      if (typeof body !== 'string') {
        throw new DomainError('invalid_input', 'send the CSV file as the body with content-type text/csv', {
          issues: [{ path: [], message: 'expected text/csv' }],
        });
      }
      return c.json(await importCsv(ctx, body, importOptions(c)));
    },
  },
  {
    method: 'GET',
    path: '/api/v1/exports/:entity',
    action: 'read',
    tag: 'exports',
    summary: 'One entity as CSV: GET /api/v1/exports/{entity}.csv (e.g. features.csv?productId=…)',
    handler: async (c, ctx) => {
      const name = (c.req.param('entity') ?? '').replace(/\.csv$/, '');
      const csv = await exportEntityCsv(ctx, name, c.req.query());
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.csv"`,
      });
    },
  },
];

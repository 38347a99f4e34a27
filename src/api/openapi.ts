import { z } from 'zod';
import type { RouteSpec } from './routeSpec.ts';

const ErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function jsonSchema(schema: z.ZodType): unknown {
  // 'input' describes what clients send (defaults make fields optional).
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

/** The OpenAPI 3.1 document, generated from the route table and the same zod schemas that validate input. */
export function buildOpenApi(routes: readonly RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [
      ...[...r.path.matchAll(/:(\w+)/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string', format: 'uuid' },
      })),
      ...(r.query ?? []).map((q) => ({
        name: q.name,
        in: 'query',
        required: false,
        description: q.description,
        schema: { type: 'string' },
      })),
      ...(r.method === 'PATCH' || r.method === 'DELETE'
        ? [
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              description: 'ETag of the version you read',
              schema: { type: 'string' },
            },
          ]
        : []),
    ];
    const errors = Object.fromEntries(
      ['400', '401', '403', '404', '409', '412', '422', '429'].map((s) => [
        s,
        {
          description: 'error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
    );
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      tags: [r.tag],
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}_${path.replace(/[^a-zA-Z0-9]+/g, '_')}`,
      'x-sextant-action': r.action,
      security: r.action === 'public' ? [] : [{ session: [] }, { token: [] }],
      parameters: params,
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } }
        : {}),
      responses: { '200': { description: 'success' }, ...errors },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sextant API',
      version,
      description:
        'Product and portfolio management. Sign in with POST /api/v1/auth/login (cookie session; send the ' +
        'returned csrfToken as X-CSRF-Token on writes) or use an API token as `Authorization: Bearer …`.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: { Error: ErrorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sextant_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}

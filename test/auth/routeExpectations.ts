import { sql } from 'drizzle-orm';
import type { Role } from '../../src/domain/entities/enums.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import type { Client } from '../support/testApp.ts';

/**
 * What the authorization tests expect of every API route, written by hand from the role
 * descriptions — not read from the route table — so a route whose action changes, or a new route
 * nobody described here, fails the tests. Add a line here with every new route.
 */

/** The policy as the issue states it: which roles may do what ("owner" = only for products they own). */
export const EXPECTED_POLICY: Record<string, { roles: Role[]; ownerRoles?: Role[] }> = {
  read: { roles: ['admin', 'portfolio_manager', 'product_manager', 'contributor', 'viewer'] },
  'portfolio.write': { roles: ['admin', 'portfolio_manager'] },
  'product.admin': { roles: ['admin', 'portfolio_manager'] },
  'product.write': { roles: ['admin', 'portfolio_manager'], ownerRoles: ['product_manager'] },
  'feedback.create': { roles: ['admin', 'portfolio_manager', 'product_manager', 'contributor'] },
  'feedback.triage': { roles: ['admin', 'portfolio_manager', 'product_manager'] },
  'comment.write': { roles: ['admin', 'portfolio_manager', 'product_manager', 'contributor'] },
  'decision.write': { roles: ['admin', 'portfolio_manager', 'product_manager'] },
  'audit.read': { roles: ['admin', 'portfolio_manager'] },
  admin: { roles: ['admin'] },
};

export type ExpectedAction = keyof typeof EXPECTED_POLICY | 'public' | 'signed_in';

/** Ids the probes need: a product the product manager owns, and rows hanging off it. */
export interface Fixture {
  orgId: string;
  owned: string;
  ownedFeature: string;
  ownedKpi: string;
  initiative: string;
}

export interface RouteCase {
  action: ExpectedAction;
  /** Table whose row id fills `:id` (the cross-tenant test takes the other organization's rows from it). */
  idTable?: string;
  /** SQL condition choosing the row for the authorization matrix; `:owned` = the owned product. */
  where?: string;
  /** Other path parameters: the table (and condition; `:id` = the chosen id) their row comes from. */
  params?: Record<string, { table: string; where?: string }>;
  /** Request body; for writes it carries just what authorization needs (the product concerned). */
  body?: (f: Fixture) => unknown;
  /** A 404 still proves the request got past authorization (e.g. no SSO configured yet). */
  notFoundOk?: boolean;
  /** The request ends the session (logout): use a fresh one. */
  freshSession?: boolean;
  label?: string;
}

type Acts = { create: ExpectedAction; update?: ExpectedAction; delete?: ExpectedAction };

/** The five generic routes of a registry entity. */
function entity(
  name: string,
  acts: Acts,
  opts: { where?: string; createBody?: (f: Fixture) => unknown; label?: string } = {},
): Record<string, RouteCase[]> {
  const base = `/api/v1/${name}`;
  const idTable = name.replace(/-/g, '_');
  const label = opts.label;
  const out: Record<string, RouteCase[]> = {
    [`GET ${base}`]: [{ action: 'read' }],
    [`POST ${base}`]: [{ action: acts.create, body: opts.createBody ?? (() => ({})), label }],
    [`GET ${base}/:id`]: [{ action: 'read', idTable, where: opts.where }],
  };
  if (acts.update)
    out[`PATCH ${base}/:id`] = [{ action: acts.update, idTable, where: opts.where, body: () => ({}), label }];
  if (acts.delete) out[`DELETE ${base}/:id`] = [{ action: acts.delete, idTable, where: opts.where, label }];
  return out;
}

const PORTFOLIO: Acts = { create: 'portfolio.write', update: 'portfolio.write', delete: 'portfolio.write' };
const PRODUCT: Acts = { create: 'product.write', update: 'product.write', delete: 'product.write' };
const onOwned = { where: 'product_id = :owned', createBody: (f: Fixture) => ({ productId: f.owned }) };

/** Merges per-route cases (entities with two flavours, like risks, get two cases per route). */
function merge(...parts: Record<string, RouteCase[]>[]): Record<string, RouteCase[]> {
  const out: Record<string, RouteCase[]> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

/** A release note on a release of a product the product manager owns. */
const OWNED_NOTE =
  'release_id IN (SELECT id FROM releases WHERE product_id IN (SELECT id FROM products WHERE owner_id = (SELECT owner_id FROM products WHERE id = :owned)))';

/** A row on any product of the owner of the owned product (seeded rows may sit on another of them). */
const OWNED_BY_SAME_OWNER =
  'product_id IN (SELECT id FROM products WHERE owner_id = (SELECT owner_id FROM products WHERE id = :owned))';

/** Every route of the API: "METHOD /path" → the cases to probe. */
export const ROUTE_EXPECTATIONS: Record<string, RouteCase[]> = merge(
  {
    'POST /api/v1/auth/login': [{ action: 'public', body: () => ({}) }],
    'POST /api/v1/auth/logout': [{ action: 'signed_in', freshSession: true }],
    'GET /api/v1/auth/me': [{ action: 'signed_in' }],
    'POST /api/v1/auth/switch-org': [{ action: 'signed_in', body: (f) => ({ orgId: f.orgId }) }],
    'GET /api/v1/tokens': [{ action: 'signed_in' }],
    'POST /api/v1/tokens': [{ action: 'signed_in', body: () => ({}) }],
    'DELETE /api/v1/tokens/:id': [{ action: 'signed_in', idTable: 'api_tokens', notFoundOk: true }],
    'GET /api/v1/users': [{ action: 'admin' }],
    'POST /api/v1/users': [{ action: 'admin', body: () => ({}) }],
    'GET /api/v1/auth/sso': [{ action: 'admin', notFoundOk: true }],
    'PUT /api/v1/auth/sso': [{ action: 'admin', body: () => ({}) }],
    'DELETE /api/v1/auth/sso': [{ action: 'admin', notFoundOk: true }],
    'GET /api/v1/auth/sso/:orgSlug/start': [{ action: 'public', notFoundOk: true }],
    'GET /api/v1/auth/sso/callback': [{ action: 'public' }],
    'GET /api/v1/audit': [{ action: 'audit.read' }],
    // The feedback portal: product managers' API, and the public pages (any visitor; forms need the page's token).
    'GET /api/v1/portals/:id/ideas': [{ action: 'read', idTable: 'portals' }],
    'POST /api/v1/portals/:id/ideas': [{ action: 'feedback.triage', idTable: 'portals', body: () => ({}) }],
    'GET /api/v1/portals/:id/accounts': [{ action: 'feedback.triage', idTable: 'portals' }],
    'POST /api/v1/portals/:id/accounts': [
      { action: 'feedback.triage', idTable: 'portals', body: () => ({}) },
    ],
    'GET /api/v1/portal-ideas/:id': [{ action: 'read', idTable: 'portal_ideas' }],
    'PATCH /api/v1/portal-ideas/:id': [
      { action: 'feedback.triage', idTable: 'portal_ideas', body: () => ({}) },
    ],
    'POST /api/v1/portal-ideas/:id/merge': [
      { action: 'feedback.triage', idTable: 'portal_ideas', body: () => ({}) },
    ],
    'POST /api/v1/portal-ideas/:id/proxy-votes': [
      { action: 'feedback.triage', idTable: 'portal_ideas', body: () => ({}) },
    ],
    // Linking moves demand onto a feature: product work on the feature's product.
    'PUT /api/v1/portal-ideas/:id/feature': [
      {
        action: 'product.write',
        idTable: 'portal_ideas',
        where: 'portal_id IN (SELECT id FROM portals WHERE product_id IS NULL)',
        body: (f) => ({ featureId: f.ownedFeature }),
      },
    ],
    ...Object.fromEntries(
      [
        'GET /portal/:slug',
        'POST /portal/:slug/ideas',
        'GET /portal/:slug/ideas/:ref',
        'POST /portal/:slug/ideas/:ref/vote',
        'POST /portal/:slug/ideas/:ref/comments',
        'GET /portal/:slug/login',
        'POST /portal/:slug/login',
        'POST /portal/:slug/logout',
        'GET /portal/:slug/invite/:token',
        'POST /portal/:slug/invite/:token',
      ].map((k) => [
        k,
        [
          {
            action: 'public' as const,
            notFoundOk: true,
            body: k.startsWith('POST') ? () => ({}) : undefined,
          },
        ],
      ]),
    ),
    // Release notes and the public changelog (issue 9). Public channels: the product by id, or by slugs.
    'GET /api/v1/releases/:id/notes': [{ action: 'read', idTable: 'releases' }],
    'POST /api/v1/releases/:id/notes': [
      { action: 'product.write', idTable: 'releases', where: 'product_id = :owned', body: () => ({}) },
    ],
    'POST /api/v1/releases/:id/publish': [
      { action: 'product.write', idTable: 'releases', where: 'product_id = :owned', body: () => ({}) },
    ],
    'GET /api/v1/release-notes/:id': [{ action: 'read', idTable: 'release_notes' }],
    'PATCH /api/v1/release-notes/:id': [
      { action: 'product.write', idTable: 'release_notes', where: OWNED_NOTE, body: () => ({}) },
    ],
    'DELETE /api/v1/release-notes/:id': [
      { action: 'product.write', idTable: 'release_notes', where: OWNED_NOTE },
    ],
    ...Object.fromEntries(
      ['', '/rss.xml', '/atom.xml', '/feed.json', '/releases.ics'].flatMap((suffix) => [
        [`GET /changelog/:id${suffix}`, [{ action: 'public', idTable: 'products', where: 'id = :owned' }]],
        [`GET /changelog/:orgSlug/:productSlug${suffix}`, [{ action: 'public', notFoundOk: true }]],
      ]),
    ),
    // Webhooks, CSV import (feedback kinds need feedback.create, feature kinds product.write) and export.
    'GET /api/v1/webhooks': [{ action: 'admin' }],
    'POST /api/v1/webhooks': [{ action: 'admin', body: () => ({}) }],
    'GET /api/v1/webhooks/:id': [{ action: 'admin', idTable: 'webhook_subscriptions' }],
    'PATCH /api/v1/webhooks/:id': [{ action: 'admin', idTable: 'webhook_subscriptions', body: () => ({}) }],
    'DELETE /api/v1/webhooks/:id': [{ action: 'admin', idTable: 'webhook_subscriptions' }],
    'GET /api/v1/webhooks/:id/deliveries': [{ action: 'admin', idTable: 'webhook_subscriptions' }],
    'POST /api/v1/webhooks/:id/ping': [{ action: 'admin', idTable: 'webhook_subscriptions' }],
    'POST /api/v1/imports/csv': [{ action: 'feedback.create' }],
    'GET /api/v1/exports/:entity': [{ action: 'read', notFoundOk: true }],
    // Capacity, what-if, roadmap, release check (issue 6): the what-if writes nothing, so it is a read.
    'GET /api/v1/capacity': [{ action: 'read' }],
    'POST /api/v1/capacity/what-if': [{ action: 'read', body: () => ({}) }],
    'POST /api/v1/capacity/what-if/save': [{ action: 'portfolio.write', body: () => ({}) }],
    'GET /api/v1/roadmap': [{ action: 'read' }],
    'GET /api/v1/releases/:id/capacity-check': [{ action: 'read', idTable: 'releases' }],
    'POST /api/v1/products/:id/decision': [
      { action: 'product.admin', idTable: 'products', where: 'id = :owned', body: () => ({}) },
    ],
    'PUT /api/v1/products/:id/owner': [
      { action: 'product.admin', idTable: 'products', where: 'id = :owned', body: () => ({}) },
    ],
    // Analyses read the portfolio; running a simulation or a what-if stores nothing, so it is a read too.
    'GET /api/v1/finance/initiatives/:id': [{ action: 'read', idTable: 'initiatives' }],
    'GET /api/v1/finance/products/:id': [{ action: 'read', idTable: 'products' }],
    'GET /api/v1/finance/portfolio': [{ action: 'read' }],
    'GET /api/v1/risks/exposure': [{ action: 'read' }],
    'GET /api/v1/risks/heatmap': [{ action: 'read' }],
    'POST /api/v1/simulations': [{ action: 'read', body: () => ({}) }],
    'GET /api/v1/kpis/attainment': [{ action: 'read' }],
    'GET /api/v1/goals/progress': [{ action: 'read' }],
    'GET /api/v1/lifecycle/recommendations': [{ action: 'read' }],
    'GET /api/v1/gaps': [{ action: 'read' }],
    'GET /api/v1/segments/:id/gaps': [{ action: 'read', idTable: 'segments' }],
    'POST /api/v1/segments/:id/gaps/:requirementId/proposal': [
      {
        action: 'portfolio.write',
        idTable: 'segments',
        where: 'id IN (SELECT segment_id FROM segment_requirements)',
        params: { requirementId: { table: 'segment_requirements', where: 'segment_id = :id' } },
        body: () => ({}),
      },
    ],
    'GET /api/v1/dashboard/portfolio': [{ action: 'read' }],
    'GET /api/v1/segments/ranking': [{ action: 'read' }],
    'GET /api/v1/backlog': [{ action: 'read' }],
    'POST /api/v1/backlog/parking-lot/apply': [
      { action: 'product.write', body: (f) => ({ productId: f.owned }), label: 'one product' },
      // Parking across the whole portfolio is portfolio work.
      { action: 'portfolio.write', body: () => ({}), label: 'the portfolio' },
    ],
    'POST /api/v1/features/:id/pull-back': [
      { action: 'product.write', idTable: 'features', where: 'product_id = :owned', body: () => ({}) },
    ],
    'POST /api/v1/features/:id/rank': [
      { action: 'product.write', idTable: 'features', where: 'product_id = :owned', body: () => ({}) },
    ],
    'GET /api/v1/features/:id/demand': [{ action: 'read', idTable: 'features' }],
    'GET /api/v1/features/scores': [{ action: 'read' }],
    'GET /api/v1/goals/weights': [{ action: 'read' }],
    'PUT /api/v1/goals/weights': [{ action: 'portfolio.write', body: () => ({}) }],
    'GET /api/v1/demand': [{ action: 'read' }],
    'GET /api/v1/organization/formulas': [{ action: 'read' }],
    'PUT /api/v1/organization/formulas': [{ action: 'portfolio.write', body: () => ({}) }],
    'GET /api/v1/comments': [{ action: 'read' }],
    'POST /api/v1/comments': [{ action: 'comment.write', body: () => ({}) }],
    'GET /api/v1/comments/:id': [{ action: 'read', idTable: 'comments' }],
    'PATCH /api/v1/comments/:id': [{ action: 'comment.write', idTable: 'comments', body: () => ({}) }],
    'PUT /api/v1/watching': [{ action: 'read', body: () => ({}) }],
    'GET /api/v1/notifications': [{ action: 'read' }],
    'POST /api/v1/notifications/read-all': [{ action: 'read' }],
    // Someone else's notification is not found, even for an admin.
    'POST /api/v1/notifications/:id/read': [{ action: 'read', idTable: 'notifications', notFoundOk: true }],
    'GET /api/v1/notification-preferences': [{ action: 'read' }],
    'PUT /api/v1/notification-preferences': [{ action: 'read', body: () => ({}) }],
    // Optimizer and scenarios (issue 5): running is a portfolio manager's tool even when it stores nothing.
    'POST /api/v1/optimizer/run': [{ action: 'portfolio.write', body: () => ({ timeLimitSeconds: 1 }) }],
    'POST /api/v1/optimizer/frontier': [
      { action: 'portfolio.write', body: () => ({ timeLimitSeconds: 1, levels: 20 }) },
    ],
    'GET /api/v1/scenarios': [{ action: 'read' }],
    'POST /api/v1/scenarios': [{ action: 'portfolio.write', body: () => ({}) }],
    'GET /api/v1/scenarios/compare': [{ action: 'read' }],
    'GET /api/v1/scenarios/:id': [{ action: 'read', idTable: 'scenarios' }],
    'DELETE /api/v1/scenarios/:id': [{ action: 'portfolio.write', idTable: 'scenarios' }],
    'POST /api/v1/scenarios/:id/commit': [
      { action: 'portfolio.write', idTable: 'scenarios', body: () => ({}) },
    ],
    // Jobs (issue 10): submitting a kind needs its synchronous route's action, and so does cancelling;
    // reading jobs is for every member.
    'POST /api/v1/jobs': [
      {
        action: 'portfolio.write',
        body: () => ({ kind: 'optimizer.run', input: { timeLimitSeconds: 1 } }),
        label: 'optimizer.run',
      },
      {
        action: 'portfolio.write',
        body: () => ({ kind: 'optimizer.frontier', input: { timeLimitSeconds: 1, levels: 20 } }),
        label: 'optimizer.frontier',
      },
      { action: 'read', body: () => ({ kind: 'simulation', input: { trials: 100 } }), label: 'simulation' },
      {
        action: 'feedback.create',
        body: () => ({ kind: 'import.csv', input: { kind: 'feedback', csv: 'Text\nProbe\n' } }),
        label: 'feedback import',
      },
      {
        action: 'product.write',
        body: (f) => ({
          kind: 'import.csv',
          input: { kind: 'jira', csv: 'Summary\nProbe\n', product: f.owned },
        }),
        label: 'feature import',
      },
    ],
    'GET /api/v1/jobs': [{ action: 'read' }],
    'GET /api/v1/jobs/:id': [{ action: 'read', idTable: 'jobs' }],
    'POST /api/v1/jobs/:id/cancel': [
      { action: 'portfolio.write', idTable: 'jobs', where: "kind = 'optimizer.run'", label: 'optimizer job' },
      { action: 'read', idTable: 'jobs', where: "kind = 'simulation'", label: 'simulation job' },
    ],
    'GET /api/v1/gates': [{ action: 'read' }],
    'PUT /api/v1/gates': [{ action: 'portfolio.write', body: () => ({}) }],
    'GET /api/v1/initiatives/:id/gate': [{ action: 'read', idTable: 'initiatives' }],
    'POST /api/v1/initiatives/:id/gate/approve': [
      { action: 'decision.write', idTable: 'initiatives', body: () => ({}) },
    ],
    'POST /api/v1/initiatives/:id/gate/reject': [
      { action: 'decision.write', idTable: 'initiatives', body: () => ({}) },
    ],
    'POST /api/v1/initiatives/:id/gate/send-back': [
      { action: 'decision.write', idTable: 'initiatives', body: () => ({}) },
    ],
    'GET /api/v1/reviews': [{ action: 'read' }],
    'POST /api/v1/reviews': [{ action: 'portfolio.write', body: () => ({ title: 1 }) }],
    'GET /api/v1/reviews/:id': [{ action: 'read', idTable: 'reviews' }],
    'PATCH /api/v1/reviews/:id': [{ action: 'portfolio.write', idTable: 'reviews', body: () => ({}) }],
    'GET /api/v1/reviews/:id/summary': [{ action: 'read', idTable: 'reviews' }],
    'GET /api/v1/segments/:id/competitive-matrix': [{ action: 'read', idTable: 'segments' }],
    'GET /api/v1/products/:id/positioning': [{ action: 'read', idTable: 'products' }],
    'PUT /api/v1/products/:id/positioning': [
      { action: 'product.write', idTable: 'products', where: 'id = :owned', body: () => ({}) },
    ],
  },
  entity('goals', PORTFOLIO),
  entity('segments', PORTFOLIO),
  entity('segment-requirements', PORTFOLIO),
  entity('product-lines', PORTFOLIO),
  entity(
    'products',
    { create: 'product.admin', update: 'product.write', delete: 'product.admin' },
    { where: 'id = :owned' },
  ),
  entity('product-financials', PRODUCT, onOwned),
  entity('components', PRODUCT, onOwned),
  entity('releases', PRODUCT, onOwned),
  // A product's portal is product work; an organization-wide portal is portfolio work.
  entity('portals', PRODUCT, {
    where: OWNED_BY_SAME_OWNER,
    createBody: (f) => ({ productId: f.owned }),
    label: 'product portal',
  }),
  entity('portals', PORTFOLIO, { where: 'product_id IS NULL', label: 'organization portal' }),
  entity('announcement-subscribers', PRODUCT, {
    where: OWNED_BY_SAME_OWNER,
    createBody: (f) => ({ productId: f.owned }),
  }),
  entity('features', PRODUCT, onOwned),
  entity('customers', { create: 'feedback.triage', update: 'feedback.triage', delete: 'portfolio.write' }),
  entity('feedback', { create: 'feedback.create', update: 'feedback.triage', delete: 'feedback.triage' }),
  entity('feedback-links', PRODUCT, {
    where: 'feature_id IN (SELECT id FROM features WHERE product_id = :owned)',
    createBody: (f) => ({ featureId: f.ownedFeature }),
  }),
  entity('custom-fields', { create: 'admin', update: 'admin', delete: 'admin' }),
  entity('competitors', PORTFOLIO),
  entity('initiatives', PORTFOLIO),
  entity('teams', PORTFOLIO),
  entity('roles', PORTFOLIO),
  entity('people', PORTFOLIO),
  entity('allocations', PORTFOLIO),
  // A risk on a product is product work; a risk on an initiative is portfolio work.
  entity('risks', PRODUCT, { ...onOwned, label: 'product risk' }),
  entity('risks', PORTFOLIO, {
    where: 'initiative_id IS NOT NULL AND product_id IS NULL',
    createBody: (f) => ({ initiativeId: f.initiative }),
    label: 'initiative risk',
  }),
  // A product KPI belongs to the product; a company KPI to the portfolio.
  entity('kpis', PRODUCT, { ...onOwned, label: 'product KPI' }),
  entity('kpis', PORTFOLIO, { where: 'product_id IS NULL', label: 'company KPI' }),
  entity('kpi-measurements', PRODUCT, {
    where: 'kpi_id IN (SELECT id FROM kpis WHERE product_id = :owned)',
    createBody: (f) => ({ kpiId: f.ownedKpi }),
  }),
  entity('decisions', { create: 'decision.write' }),
  entity('key-results', PORTFOLIO),
  entity('requirement-coverage', PORTFOLIO),
);

/**
 * Rows the demo data does not have but the probes need (a company KPI, key results, …): created
 * through the API as the organization's admin when missing. `id(table)` gives any row of the table.
 */
export interface Seed {
  table: string;
  where?: string;
  path: string | ((id: (table: string, where?: string) => Promise<string>) => Promise<string>);
  body: (id: (table: string, where?: string) => Promise<string>) => Promise<Record<string, unknown>>;
}

const OWNED_BY_A_PRODUCT_MANAGER =
  "id IN (SELECT p.id FROM products p JOIN memberships m ON m.user_id = p.owner_id AND m.org_id = p.org_id WHERE m.role = 'product_manager')";

export const SEEDS: Seed[] = [
  // A saved optimizer scenario (a short run).
  {
    table: 'scenarios',
    path: '/api/v1/scenarios',
    body: async () => ({ name: 'Probe scenario', timeLimitSeconds: 1 }),
  },
  // A release note on a release of a product a product manager owns; a webhook subscription.
  {
    table: 'release_notes',
    path: async (id) =>
      `/api/v1/releases/${await id('releases', "product_id IN (SELECT p.id FROM products p JOIN memberships m ON m.user_id = p.owner_id AND m.org_id = p.org_id WHERE m.role = 'product_manager')")}/notes`,
    body: async () => ({}),
  },
  {
    table: 'webhook_subscriptions',
    path: '/api/v1/webhooks',
    body: async () => ({ url: 'https://hooks.example.com/sextant', events: ['*'], active: false }),
  },
  // Slugs are unique across the store: derived from a row id of the organization.
  {
    table: 'portals',
    where: 'product_id IS NOT NULL',
    path: '/api/v1/portals',
    body: async (id) => {
      const productId = await id('products', OWNED_BY_A_PRODUCT_MANAGER);
      return { productId, slug: `probe-${productId.slice(0, 8)}`, title: 'Probe product portal' };
    },
  },
  {
    table: 'portals',
    where: 'product_id IS NULL',
    path: '/api/v1/portals',
    body: async (id) => ({ slug: `probe-org-${(await id('goals')).slice(0, 8)}`, title: 'Probe portal' }),
  },
  {
    table: 'portal_ideas',
    path: async (id) => `/api/v1/portals/${await id('portals', 'product_id IS NULL')}/ideas`,
    body: async () => ({ title: 'Probe idea' }),
  },
  {
    table: 'announcement_subscribers',
    path: '/api/v1/announcement-subscribers',
    body: async (id) => ({
      productId: await id('products', OWNED_BY_A_PRODUCT_MANAGER),
      email: 'probe-subscriber@example.com',
    }),
  },
  { table: 'reviews', path: '/api/v1/reviews', body: async () => ({ title: 'Probe review' }) },
  // Queued jobs (no worker runs in these tests, so they stay queued).
  {
    table: 'jobs',
    where: "kind = 'optimizer.run'",
    path: '/api/v1/jobs',
    body: async () => ({ kind: 'optimizer.run', input: { timeLimitSeconds: 1 } }),
  },
  {
    table: 'jobs',
    where: "kind = 'simulation'",
    path: '/api/v1/jobs',
    body: async () => ({ kind: 'simulation', input: { trials: 100 } }),
  },
  // A comment mentioning a member of either organization (only the commenter's own resolves): a notification.
  ...['comments', 'notifications'].map((table) => ({
    table,
    path: '/api/v1/comments',
    body: async (id: (table: string) => Promise<string>) => ({
      subjectType: 'product',
      subjectId: await id('products'),
      body: 'Probe @portfolio@demo.test @portfolio+other@demo.test',
    }),
  })),
  { table: 'api_tokens', path: '/api/v1/tokens', body: async () => ({ name: 'probe', scope: 'read' }) },
  {
    table: 'kpis',
    where: 'product_id IS NULL',
    path: '/api/v1/kpis',
    body: async () => ({ name: 'Company NPS', kind: 'nps' }),
  },
  {
    table: 'key_results',
    path: '/api/v1/key-results',
    body: async (id) => ({ goalId: await id('goals'), name: 'Probe key result', target: 10 }),
  },
  {
    table: 'requirement_coverage',
    path: '/api/v1/requirement-coverage',
    body: async (id) => ({
      requirementId: await id('segment_requirements'),
      productId: await id('products'),
      level: 'partial',
    }),
  },
];

/** The id of one row of `table` in the organization matching `where` (SQL), or undefined. */
export async function anyRow(
  store: Store,
  orgId: string,
  table: string,
  where = 'TRUE',
): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(
    store.db,
    sql`SELECT id FROM ${sql.identifier(table)} WHERE org_id = ${orgId} AND ${sql.raw(where)} ORDER BY id LIMIT 1`,
  );
  return rows[0]?.id;
}

/** Creates, as the organization's admin, every seed row the organization lacks. */
export async function seedMissingRows(store: Store, orgId: string, admin: Client): Promise<void> {
  const id = async (table: string, where?: string) => {
    const found = await anyRow(store, orgId, table, where);
    if (!found) throw new Error(`no ${table} row to refer to`);
    return found;
  };
  for (const seed of SEEDS) {
    if (await anyRow(store, orgId, seed.table, seed.where)) continue;
    const path = typeof seed.path === 'string' ? seed.path : await seed.path(id);
    const res = await admin.request('POST', path, await seed.body(id));
    // 202: a job is accepted (queued), not yet made.
    if (res.status !== 201 && res.status !== 202)
      throw new Error(`seeding ${path}: ${res.status} ${await res.text()}`);
  }
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/api/routes.ts';
import type { Role } from '../../src/domain/entities/enums.ts';
import { POLICY } from '../../src/domain/policy.ts';
import { addUser } from '../../src/services/auth/users.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { type Client, clientFor, type DemoWorld, demoWorld, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';
import {
  anyRow,
  EXPECTED_POLICY,
  type ExpectedAction,
  type Fixture,
  ROUTE_EXPECTATIONS,
  seedMissingRows,
} from './routeExpectations.ts';

/** The six kinds of caller: every role, and a product manager who does not own the target product. */
const CALLERS = [
  { name: 'admin', role: 'admin', owns: false },
  { name: 'portfolio_manager', role: 'portfolio_manager', owns: false },
  { name: 'product_manager (owner)', role: 'product_manager', owns: true },
  { name: 'product_manager (not owner)', role: 'product_manager', owns: false },
  { name: 'contributor', role: 'contributor', owns: false },
  { name: 'viewer', role: 'viewer', owns: false },
] as const satisfies readonly { name: string; role: Role; owns: boolean }[];

/** The expected decision, from the issue's policy (EXPECTED_POLICY), not from the code under test. */
function expectAllowed(action: ExpectedAction, role: Role, owns: boolean): boolean {
  if (action === 'public' || action === 'signed_in') return true;
  const rule = EXPECTED_POLICY[action]!;
  return rule.roles.includes(role) || (owns && (rule.ownerRoles ?? []).includes(role));
}

const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('the route table and the expectations agree', () => {
  it('every route has an expectation, and every expectation a route', () => {
    const routes = ROUTES.map(routeKey);
    const missing = routes.filter((k) => !(k in ROUTE_EXPECTATIONS));
    expect(missing, 'routes without an entry in test/auth/routeExpectations.ts').toEqual([]);
    const stale = Object.keys(ROUTE_EXPECTATIONS).filter((k) => !routes.includes(k));
    expect(stale, 'expectations for routes that no longer exist').toEqual([]);
  });

  it('every route names an action the policy table knows', () => {
    const unknown = ROUTES.filter(
      (r) => r.action !== 'public' && r.action !== 'signed_in' && !(r.action in POLICY),
    ).map(routeKey);
    expect(unknown).toEqual([]);
  });

  it('the policy table is the one the issue describes', () => {
    const actual = Object.fromEntries(
      Object.entries(POLICY).map(([action, rule]) => [
        action,
        Array.isArray(rule)
          ? { roles: [...rule].sort() }
          : {
              roles: [...(rule as { roles: readonly Role[] }).roles].sort(),
              ownerRoles: [...(rule as { ownerRoles: readonly Role[] }).ownerRoles].sort(),
            },
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(EXPECTED_POLICY).map(([action, rule]) => [
        action,
        rule.ownerRoles
          ? { roles: [...rule.roles].sort(), ownerRoles: [...rule.ownerRoles].sort() }
          : { roles: [...rule.roles].sort() },
      ]),
    );
    expect(actual).toEqual(expected);
  });
});

// The matrix makes ~900 requests per backend; both backends stay well under a minute.
describe.each(BACKENDS)('authorization matrix: every route × every role on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let fixture: Fixture;
  const clients = new Map<string, Client>();
  const emails: Record<(typeof CALLERS)[number]['name'], string> = {
    admin: 'admin@demo.test',
    portfolio_manager: 'portfolio@demo.test',
    'product_manager (owner)': 'product@demo.test',
    'product_manager (not owner)': 'product2@demo.test',
    contributor: 'contributor@demo.test',
    viewer: 'viewer@demo.test',
  };

  const one = async (query: ReturnType<typeof sql>): Promise<string> => {
    const rows = await queryRows<{ id: string }>(store.db, query);
    if (!rows[0]) throw new Error('the demo data lacks a row this test needs');
    return rows[0].id;
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    await addUser(store, world.orgId, {
      email: 'product2@demo.test',
      role: 'product_manager',
      password: 'second-product-manager',
    });
    const owner = await one(sql`SELECT id FROM users WHERE email = 'product@demo.test'`);
    const owned = await one(
      sql`SELECT p.id FROM products p WHERE p.org_id = ${world.orgId} AND p.owner_id = ${owner}
          AND EXISTS (SELECT 1 FROM features f WHERE f.product_id = p.id)
          AND EXISTS (SELECT 1 FROM kpis k WHERE k.product_id = p.id) ORDER BY p.slug LIMIT 1`,
    );
    fixture = {
      orgId: world.orgId,
      owned,
      ownedFeature: await one(sql`SELECT id FROM features WHERE product_id = ${owned} LIMIT 1`),
      ownedKpi: await one(sql`SELECT id FROM kpis WHERE product_id = ${owned} LIMIT 1`),
      initiative: await one(sql`SELECT id FROM initiatives WHERE org_id = ${world.orgId} LIMIT 1`),
    };
    await seedMissingRows(store, world.orgId, await world.as('admin'));
    for (const c of CALLERS) {
      const password = c.name === 'product_manager (not owner)' ? 'second-product-manager' : undefined;
      clients.set(c.name, clientFor(world.app, await signIn(world.app, emails[c.name], password)));
    }
  });
  afterAll(async () => store.close());

  async function idFor(table: string, where: string | undefined): Promise<string> {
    if (table === 'api_tokens') return '00000000-0000-4000-8000-000000000000';
    const id = await anyRow(
      store,
      world.orgId,
      table,
      (where ?? 'TRUE').replaceAll(':owned', `'${fixture.owned}'`),
    );
    if (!id) throw new Error(`no ${table} row matching ${where} in the demo`);
    return id;
  }

  const keys = ROUTES.map(routeKey).filter((k) => k in ROUTE_EXPECTATIONS);
  it.each(keys)('%s', async (key) => {
    const route = ROUTES.find((r) => routeKey(r) === key)!;
    for (const probe of ROUTE_EXPECTATIONS[key]!) {
      let path = route.path.replace(':orgSlug', 'demo');
      if (path.includes(':id')) {
        expect(probe.idTable, `${key}: which table's id fills :id?`).toBeDefined();
        const id = await idFor(probe.idTable!, probe.where);
        path = path.replace(/:id\b/, id);
        for (const [name, p] of Object.entries(probe.params ?? {})) {
          path = path.replace(
            `:${name}`,
            await idFor(p.table, (p.where ?? 'TRUE').replaceAll(':id', `'${id}'`)),
          );
        }
      }
      const body = probe.body?.(fixture);
      for (const caller of CALLERS) {
        const allowed = expectAllowed(probe.action, caller.role, caller.owns);
        let api: Client | null = clients.get(caller.name)!;
        if (probe.action === 'public') api = clientFor(world.app, null);
        else if (probe.freshSession) {
          const password =
            caller.name === 'product_manager (not owner)' ? 'second-product-manager' : undefined;
          api = clientFor(world.app, await signIn(world.app, emails[caller.name], password));
        }
        // A stale If-Match makes permitted updates and deletes stop at 412, so the probes change nothing.
        const res = await api.request(route.method, path, body, { 'if-match': '"999999"' });
        const what = `${key}${probe.label ? ` (${probe.label})` : ''} as ${caller.name} → ${res.status} ${(await res.text()).slice(0, 200)}`;
        if (allowed) {
          expect([401, 403, 500], what).not.toContain(res.status);
          if (!probe.notFoundOk) expect(res.status, what).not.toBe(404);
        } else {
          expect(res.status, what).toBe(403);
        }
      }
    }
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/api/routes.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';
import { anyRow, ROUTE_EXPECTATIONS, seedMissingRows } from './routeExpectations.ts';

const ROLES = ['admin', 'portfolio', 'product', 'contributor', 'viewer'] as const;
const ID_ROUTES = ROUTES.filter((r) => r.takesId);
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/**
 * Every route that takes the id of an organization's row, called by every role of organization A with
 * ids of organization B's rows — reads and writes alike — answers 404, and B's data does not change.
 */
describe.each(BACKENDS)('tenant isolation on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let before: Record<string, string>;

  /** Row count and a digest of the rows of every table that has an org_id, for organization B. */
  async function snapshotOfB(): Promise<Record<string, string>> {
    const tables = await queryRows<{ table_name: string }>(
      store.db,
      sql`SELECT table_name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'org_id' ORDER BY table_name`,
    );
    const out: Record<string, string> = {};
    for (const { table_name: t } of tables) {
      const [row] = await queryRows<{ n: number; h: string | null }>(
        store.db,
        sql`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h
            FROM ${sql.identifier(t)} x WHERE org_id = ${world.otherOrgId}`,
      );
      out[t] = `${row!.n}:${row!.h}`;
    }
    return out;
  }

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
    await seedMissingRows(store, world.otherOrgId, await world.as('admin', 'other'));
    before = await snapshotOfB();
  });
  afterAll(async () => store.close());

  it('covers every route that takes an id', () => {
    expect(ID_ROUTES.length).toBeGreaterThan(50);
    const unmapped = ID_ROUTES.filter((r) => !ROUTE_EXPECTATIONS[key(r)]?.[0]?.idTable).map(key);
    expect(unmapped, 'takesId routes with no idTable in test/auth/routeExpectations.ts').toEqual([]);
  });

  it.each(ID_ROUTES.map(key))('%s with organization B ids → 404 for every role of A', async (k) => {
    const route = ID_ROUTES.find((r) => key(r) === k)!;
    const probe = ROUTE_EXPECTATIONS[k]?.[0];
    expect(probe?.idTable, `${k}: no idTable`).toBeDefined();
    const theirs = await anyRow(store, world.otherOrgId, probe!.idTable!);
    expect(theirs, `organization B has no ${probe!.idTable} row`).toBeDefined();
    let path = route.path.replace(/:id\b/, theirs!);
    for (const [name, p] of Object.entries(probe!.params ?? {})) {
      const where = (p.where ?? 'TRUE').replaceAll(':id', `'${theirs}'`);
      const other = await anyRow(store, world.otherOrgId, p.table, where);
      expect(other, `organization B has no ${p.table} row for ${name}`).toBeDefined();
      path = path.replace(`:${name}`, other!);
    }
    for (const role of ROLES) {
      const api = await world.as(role);
      // Bodies name the other organization's id too, so nothing in the request belongs to A.
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const res = await api.request(route.method, path, body);
      const text = await res.text();
      expect(res.status, `${k} as ${role} → ${res.status} ${text.slice(0, 200)}`).toBe(404);
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'not_found' } });
      expect(text).not.toContain(world.otherOrgId);
    }
  });

  it("leaves organization B's data exactly as it was", async () => {
    expect(await snapshotOfB()).toEqual(before);
  });

  it('lists never show organization B rows', async () => {
    const api = await world.as('admin');
    let checked = 0;
    for (const r of ROUTES.filter((x) => x.method === 'GET' && /^\/api\/v1\/[a-z-]+$/.test(x.path))) {
      const table = ROUTE_EXPECTATIONS[`GET ${r.path}/:id`]?.[0]?.idTable;
      if (!table) continue;
      const res = await api.request('GET', `${r.path}?limit=500`);
      expect(res.status, r.path).toBe(200);
      const ids = ((await res.json()) as { items: { id: string }[] }).items.map((x) => x.id);
      const leaked = await queryRows<{ id: string }>(
        store.db,
        sql`SELECT id FROM ${sql.identifier(table)} WHERE org_id = ${world.otherOrgId} AND id::text IN ${ids.length ? ids : ['-']}`,
      );
      expect(leaked, r.path).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

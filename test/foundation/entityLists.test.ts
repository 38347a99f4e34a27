import { asc, desc, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../../src/services/entities/entityDefinition.ts';
import { ENTITIES } from '../../src/services/entities/registry.ts';
import { present } from '../../src/services/present.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { columnsOf, tableName } from '../../src/store/tables.ts';
import { sampleIds, validBodies } from '../support/sampleBodies.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type Item = Record<string, unknown>;
type Params = Record<string, string>;

/**
 * Entity lists answer byte for byte what the straightforward read gives: every row of the
 * organization through the query builder (SELECT *, its own row mapping, no paging), present()ed,
 * filtered by hand in JavaScript, the page cut from that list and the cursor encoded from it. Every
 * registry entity, every filter kind (uuid, boolean, number, text, null, custom.<key>, q), every
 * sort both ways, walked page by page to the end.
 */
describe.each(BACKENDS)('entity lists on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let api: Client;
  const everything = new Map<string, Item[]>();

  /** Every row of the organization ordered by (sort, id): the query builder's SELECT * and present(). */
  async function allRows(def: EntityDefinition, sort: string, order: 'asc' | 'desc'): Promise<Item[]> {
    const c = columnsOf(def.table) as Record<string, PgColumn>;
    const dir = order === 'asc' ? asc : desc;
    const rows = await store.db
      .select()
      .from(def.table)
      .where(eq(c.orgId!, world.orgId))
      .orderBy(dir(c[sort]!), dir(c.id!));
    return (rows as Item[]).map(present);
  }

  async function matching(def: EntityDefinition, q: string): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(
      store.db,
      sql`SELECT id::text AS id FROM ${sql.identifier(tableName(def.table))}
          WHERE org_id = ${world.orgId} AND search @@ websearch_to_tsquery('english', ${q})`,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The custom filter's meaning: the value itself, in a list of values, or a number written so. */
  function customHolds(item: Item, key: string, value: string): boolean {
    const v = (item.custom as Record<string, unknown> | null)?.[key];
    if (v === value) return true;
    if (Array.isArray(v) && v.includes(value)) return true;
    return typeof v === 'number' && String(v) === value;
  }

  async function expected(def: EntityDefinition, params: Params): Promise<Item[]> {
    const sort = params.sort ?? def.defaultSort;
    const order = (params.order ?? (sort === 'createdAt' || sort === 'updatedAt' ? 'desc' : 'asc')) as
      | 'asc'
      | 'desc';
    let items = await allRows(def, sort, order);
    const cols = columnsOf(def.table);
    for (const [key, value] of Object.entries(params)) {
      if (key.startsWith('custom.')) {
        items = items.filter((it) => customHolds(it, key.slice(7), value));
      } else if (def.filters.includes(key)) {
        const type = cols[key]!.columnType;
        const want =
          value === 'null'
            ? null
            : type === 'PgUUID'
              ? value.toLowerCase()
              : type === 'PgBoolean'
                ? value === 'true'
                : type === 'PgSmallInt' || type === 'PgInteger' || type === 'PgDoublePrecision'
                  ? Number(value)
                  : value;
        items = items.filter((it) => it[key] === want);
      }
    }
    if (params.q?.trim()) {
      const ids = await matching(def, params.q);
      items = items.filter((it) => ids.has(it.id as string));
    }
    return items;
  }

  /** Walks every page with `limit` and checks each answer's bytes against the page cut by hand. */
  async function walk(def: EntityDefinition, params: Params, limit: number): Promise<number> {
    const all = await expected(def, params);
    const sort = params.sort ?? def.defaultSort;
    let cursor: string | null = null;
    let at = 0;
    do {
      const query = new URLSearchParams({ ...params, limit: String(limit), ...(cursor ? { cursor } : {}) });
      const res = await api.request('GET', `/api/v1/${def.name}?${query}`);
      const text = await res.text();
      expect(res.status, text).toBe(200);
      const page = all.slice(at, at + limit);
      const more = at + limit < all.length;
      const last = page[page.length - 1];
      const next =
        more && last ? Buffer.from(JSON.stringify([last[sort], last.id])).toString('base64url') : null;
      expect(text, `${def.name}?${query}`).toBe(JSON.stringify({ items: page, nextCursor: next }));
      cursor = (JSON.parse(text) as { nextCursor: string | null }).nextCursor;
      at += limit;
    } while (cursor);
    return all.length;
  }

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
    api = await world.as('viewer');
    // The demo has no portals and no announcement subscribers: a few made through the API (whose
    // timestamps, unlike the demo's, carry milliseconds).
    const admin = await world.as('admin');
    const ids = await sampleIds(admin);
    for (let i = 0; i < 5; i++) {
      const bodies = validBodies(ids, `list${i}`);
      for (const name of ['portals', 'announcement-subscribers']) {
        const res = await admin.request('POST', `/api/v1/${name}`, bodies[name]);
        if (res.status !== 201) throw new Error(`${name}: ${res.status} ${await res.text()}`);
      }
    }
    // Timestamps the demo does not have: fractions the server writes short ('.1', '.12'), and ties.
    await queryRows(
      store.db,
      sql`UPDATE goals SET created_at = CASE
            WHEN name < 'H' THEN timestamptz '2026-03-04 05:06:07.1+00'
            WHEN name < 'P' THEN timestamptz '2026-03-04 05:06:07.12+00'
            ELSE timestamptz '0999-12-31 23:59:59.999+00' END,
          updated_at = timestamptz '2026-03-04 05:06:07.123+00'
          WHERE org_id = ${world.orgId}`,
    );
    for (const def of ENTITIES) everything.set(def.name, await allRows(def, 'createdAt', 'desc'));
  }, 120_000);
  afterAll(async () => store.close());

  it('the demo gives every entity rows and every filter values to test with', () => {
    const empty = ENTITIES.filter((d) => everything.get(d.name)!.length === 0).map((d) => d.name);
    expect(empty).toEqual([]);
  });

  it('every sort, both ways, walked page by page', async () => {
    for (const def of ENTITIES) {
      const n = everything.get(def.name)!.length;
      for (const [i, sort] of def.sorts.entries()) {
        for (const order of ['asc', 'desc']) {
          // About four pages, a different size for each walk (down to single rows on small tables).
          const limit = Math.max(1, Math.min(500, Math.ceil(n / 4) + i));
          expect(await walk(def, { sort, order }, limit)).toBe(n);
        }
      }
      expect(await walk(def, {}, 500)).toBe(n);
    }
  }, 300_000);

  it('every filter: values present, null, a UUID in capitals, and none matching', async () => {
    let checked = 0;
    for (const def of ENTITIES) {
      const rows = everything.get(def.name)!;
      const cols = columnsOf(def.table);
      for (const [i, f] of def.filters.entries()) {
        const values = new Set<string>(['null']);
        for (const r of rows) if (r[f] !== null && values.size < 4) values.add(String(r[f]));
        if (cols[f]!.columnType === 'PgUUID') {
          const some = rows.find((r) => r[f] !== null)?.[f];
          if (some) values.add(String(some).toUpperCase());
          values.add('00000000-0000-0000-0000-000000000000');
        }
        for (const value of values) {
          const sort = def.sorts[i % def.sorts.length]!;
          const n = await walk(def, { [f]: value, sort }, 7 + i);
          if (n > 0) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  }, 300_000);

  it('full-text search alone, with filters, with a sort, and with nothing to find', async () => {
    let found = 0;
    for (const def of ENTITIES.filter((d) => d.searchable)) {
      const rows = everything.get(def.name)!;
      // A word of the first row's texts, and one of a later row's.
      const words = [rows[0], rows[Math.floor(rows.length / 2)]].flatMap((r) =>
        Object.values(r!)
          .filter((v): v is string => typeof v === 'string' && !/^[0-9a-f-]{36}$/.test(v))
          .flatMap((v) => v.split(/\W+/).filter((w) => w.length >= 5))
          .slice(0, 1),
      );
      for (const q of [...words, `"${words[0]}"`, 'zzqqxxnothing', '   ']) {
        found += (await walk(def, { q }, 25)) > 0 ? 1 : 0;
        const f = def.filters[0];
        const sample = rows.find((r) => f && r[f] !== null);
        if (f && sample) await walk(def, { q, [f]: String(sample[f]), order: 'asc' }, 3);
        await walk(def, { q, sort: def.sorts[def.sorts.length - 1]! }, 11);
      }
    }
    expect(found).toBeGreaterThan(8);
  }, 300_000);

  it('the feedback searches the benchmark runs (word + segment + source, word + customer)', async () => {
    const def = ENTITIES.find((d) => d.name === 'feedback')!;
    const rows = everything.get('feedback')!;
    const seg = rows.find((r) => r.segmentId && r.source === 'support')!;
    const cus = rows.find((r) => r.customerId)!;
    for (const q of ['renewal', 'auditors', 'export']) {
      await walk(def, { q, segmentId: String(seg.segmentId), source: 'support' }, 4);
      await walk(def, { q, customerId: String(cus.customerId) }, 2);
    }
  }, 120_000);

  it('custom fields: values held, values in lists, numbers, and several keys at once', async () => {
    let found = 0;
    for (const def of ENTITIES.filter((d) => d.customFields)) {
      const rows = everything.get(def.name)!;
      const pairs: [string, string][] = [];
      for (const r of rows) {
        for (const [key, v] of Object.entries((r.custom as Record<string, unknown>) ?? {})) {
          const value = Array.isArray(v) ? v[0] : v;
          if (value !== null && value !== undefined && !pairs.some(([k]) => k === key))
            pairs.push([key, String(value)]);
        }
      }
      for (const [key, value] of pairs) {
        found += (await walk(def, { [`custom.${key}`]: value }, 5)) > 0 ? 1 : 0;
        await walk(def, { [`custom.${key}`]: `${value}-not` }, 5);
      }
      if (pairs.length >= 2) {
        const [[k1, v1], [k2, v2]] = pairs as [[string, string], [string, string]];
        await walk(def, { [`custom.${k1}`]: v1, [`custom.${k2}`]: v2, sort: 'updatedAt' }, 2);
      }
    }
    expect(found).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('refuses a cursor whose value no list could have sent', async () => {
    for (const value of [[1], { a: 1 }, null, true]) {
      const cursor = Buffer.from(JSON.stringify([value, '00000000-0000-0000-0000-000000000000'])).toString(
        'base64url',
      );
      const res = await api.request('GET', `/api/v1/goals?sort=name&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/cursor/);
    }
  });
});

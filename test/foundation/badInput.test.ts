import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES } from '../../src/services/entities/registry.ts';
import type { Store } from '../../src/store/database.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { tableName } from '../../src/store/tables.ts';
import {
  idKinds,
  type SampleIds,
  sampleIds,
  validBodies,
  withEachReferenceReplaced,
  wrongType,
} from '../support/sampleBodies.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

/**
 * Every create and update route of the entity registry gets wrong types, missing fields, unknown ids,
 * another organization's ids and oversized strings: each must be a clear 4xx and change nothing.
 */
describe.each(BACKENDS)('bad input on every create/update route (%s)', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let api: Client;
  let mine: SampleIds;
  let theirs: SampleIds;

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
    api = await world.as('admin');
    mine = await sampleIds(api);
    theirs = await sampleIds(await world.as('admin', 'other'));
  });
  afterAll(async () => store.close());

  /** A fingerprint of everything an organization has in a table, plus its audit trail length. */
  async function fingerprint(table: string): Promise<string> {
    const rows = await queryRows<{ n: number; h: string | null; a: number }>(
      store.db,
      sql`SELECT (SELECT count(*)::int FROM ${sql.identifier(table)} WHERE org_id = ${world.orgId}) AS n,
                 (SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM ${sql.identifier(table)} t WHERE org_id = ${world.orgId}) AS h,
                 (SELECT count(*)::int FROM audit_log WHERE org_id = ${world.orgId}) AS a`,
    );
    return JSON.stringify(rows[0]);
  }

  async function expectRejected(
    method: string,
    path: string,
    body: unknown,
    table: string,
    statuses: number[],
  ) {
    const before = await fingerprint(table);
    const res = await api.request(method, path, body);
    const text = await res.text();
    expect(
      statuses,
      `${method} ${path} ${JSON.stringify(body).slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`,
    ).toContain(res.status);
    const payload = JSON.parse(text) as { error: { code: string; message: string; details: unknown } };
    expect(payload.error.code).toMatch(/^[a-z_]+$/);
    expect(payload.error.message.length).toBeGreaterThan(5);
    expect(await fingerprint(table)).toBe(before);
  }

  for (const def of ENTITIES) {
    it(`${def.name}: create and update refuse bad input and write nothing`, async () => {
      const table = tableName(def.table);
      const base = `/api/v1/${def.name}`;
      const body = validBodies(mine, randomUUID().slice(0, 8))[def.name];
      expect(body, `no sample body for ${def.name}: add one to test/support/sampleBodies.ts`).toBeDefined();
      const kinds = idKinds(mine);

      await expectRejected('POST', base, {}, table, [400]);
      await expectRejected('POST', base, [], table, [400]);
      for (const [field, value] of Object.entries(body!)) {
        await expectRejected('POST', base, { ...body, [field]: wrongType(value) }, table, [400]);
        if (typeof value === 'string') {
          await expectRejected('POST', base, { ...body, [field]: 'x'.repeat(250_000) }, table, [400]);
        }
      }
      await expectRejected('POST', base, { ...body, notAField: 1 }, table, [400]);
      for (const variant of withEachReferenceReplaced(body, kinds, () => randomUUID())) {
        await expectRejected('POST', base, variant.body, table, [400, 422]);
      }
      for (const variant of withEachReferenceReplaced(body, kinds, (kind) => theirs[kind]!)) {
        await expectRejected('POST', base, variant.body, table, [400, 422]);
      }

      // The same body is valid: the refusals above were about the bad parts only.
      const created = await api.request('POST', base, body);
      expect(created.status, await created.clone().text()).toBe(201);
      const row = (await created.json()) as Record<string, unknown> & { id: string };

      if (!def.update) {
        await expectRejected('PATCH', `${base}/${row.id}`, {}, table, [404, 422]);
        return;
      }
      const updatable = Object.entries(body!).filter(
        ([field]) => def.update!.safeParse({ [field]: body![field] }).success,
      );
      for (const [field, value] of updatable) {
        await expectRejected('PATCH', `${base}/${row.id}`, { [field]: wrongType(value) }, table, [400]);
      }
      await expectRejected('PATCH', `${base}/${row.id}`, { notAField: 1 }, table, [400]);
      const patch = Object.fromEntries(updatable);
      for (const variant of withEachReferenceReplaced(patch, kinds, () => randomUUID())) {
        await expectRejected('PATCH', `${base}/${row.id}`, variant.body, table, [400, 422]);
      }
      for (const variant of withEachReferenceReplaced(patch, kinds, (kind) => theirs[kind]!)) {
        await expectRejected('PATCH', `${base}/${row.id}`, variant.body, table, [400, 422]);
      }
      // Unknown and foreign rows in the path are simply not found.
      await expectRejected('PATCH', `${base}/${randomUUID()}`, patch, table, [404]);
      await expectRejected('PATCH', `${base}/not-a-uuid`, patch, table, [404]);
      const foreign = theirs[def.name];
      if (foreign) await expectRejected('PATCH', `${base}/${foreign}`, patch, table, [404]);
    });
  }
});

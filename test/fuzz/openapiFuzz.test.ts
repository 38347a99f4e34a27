import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import { ORG_TABLES } from '../../src/store/orgTables.ts';
import { queryRows } from '../../src/store/queryRows.ts';
import { ROUTE_EXPECTATIONS, type RouteCase, seedMissingRows } from '../auth/routeExpectations.ts';
import { type Client, clientFor, type DemoWorld, demoWorld, signIn } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

/**
 * Property-based requests against every operation of the live OpenAPI document, as the demo
 * organization's admin: bodies derived from each operation's JSON Schema (types, enums, bounds,
 * required fields), mixed with mutations (wrong types, missing or extra fields, huge strings, odd
 * unicode, bad ids and query parameters, malformed JSON). Whatever arrives: never a 5xx, every 4xx in
 * the `{"error":{code,message,details}}` shape and without any change to the organization's data; and
 * afterwards every reference stays inside its organization and no version went backwards.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped data here
type Schema = any;
interface Operation {
  method: string;
  path: string;
  route: string;
  params: { name: string; in: string }[];
  body?: Schema;
  routeCase?: RouteCase;
}
interface FuzzRequest {
  path: Record<string, string>;
  query: [string, string][];
  body: { json: unknown } | { raw: string; type: string } | undefined;
  headers: Record<string, string>;
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
/** Knobs that buy CPU time: kept small so each operation stays within a few seconds. */
const CAPS: Record<string, number> = {
  timeLimitSeconds: 0.3,
  iterations: 200,
  levels: 20,
  maxDelay: 4,
};

const WEIRD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202eevil',
  'a\u0301\u0301\u0301',
  '🎉'.repeat(50),
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  "'; DROP TABLE features; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%00%ff',
  '\\u0000',
  'null',
  '-1',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
];
const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  '"unterminated',
  '{"a":1}}',
  'nul',
  '[]',
  'null',
  '0',
  '"x"',
  '{"__proto__":{"polluted":1}}',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
];

function tableOfField(field: string, tables: Set<string>): string | undefined {
  const stem = field.replace(/Ids?$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  for (const candidate of [`${stem}s`, stem, `${stem}es`, stem.replace(/y$/, 'ies')]) {
    if (tables.has(candidate)) return candidate;
  }
  if (stem === 'person') return 'people';
  if (stem === 'requirement') return 'segment_requirements';
  return undefined;
}

describe.each(BACKENDS)('OpenAPI fuzzing of every operation (%s)', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let admin: Client;
  let operations: Operation[];
  /** Real ids of the organization per table, another organization's ids, product slugs. */
  let ids: Map<string, string[]>;
  let theirIds: string[];
  let allIds: string[];
  let slugs: string[];
  const failures: string[] = [];

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store);
    admin = await world.as('admin');
    await seedMissingRows(store, world.orgId, admin);
    const doc = (await (await admin.request('GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters: Operation['params']; requestBody?: Schema }>>;
    };
    operations = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        operations.push({
          method: method.toUpperCase(),
          path,
          route,
          params: op.parameters,
          body: op.requestBody?.content?.['application/json']?.schema,
          routeCase: ROUTE_EXPECTATIONS[route]?.[0],
        });
      }
    }
    // Signing in and out last: failed logins are rate-limited, and logout ends sessions.
    const last = (o: Operation) =>
      o.path.endsWith('/auth/login') ? 2 : o.path.endsWith('/auth/logout') ? 1 : 0;
    operations.sort((a, b) => last(a) - last(b));

    ids = new Map();
    for (const { table } of ORG_TABLES) {
      const name = getTableConfig(table).name;
      const rows = await queryRows<{ id: string }>(
        store.db,
        sql`SELECT id::text AS id FROM ${sql.identifier(name)} WHERE org_id = ${world.orgId} ORDER BY id LIMIT 4`,
      );
      if (rows.length)
        ids.set(
          name,
          rows.map((r) => r.id),
        );
    }
    for (const name of ['api_tokens']) {
      const rows = await queryRows<{ id: string }>(
        store.db,
        sql`SELECT id::text AS id FROM ${sql.identifier(name)} WHERE org_id = ${world.orgId} LIMIT 4`,
      );
      ids.set(
        name,
        rows.map((r) => r.id),
      );
    }
    allIds = [...ids.values()].flat();
    theirIds = (
      await queryRows<{ id: string }>(
        store.db,
        sql`(SELECT id::text AS id FROM features WHERE org_id = ${world.otherOrgId} LIMIT 2)
            UNION ALL (SELECT id::text FROM products WHERE org_id = ${world.otherOrgId} LIMIT 2)
            UNION ALL (SELECT id::text FROM initiatives WHERE org_id = ${world.otherOrgId} LIMIT 2)`,
      )
    ).map((r) => r.id);
    slugs = (
      await queryRows<{ slug: string }>(
        store.db,
        sql`SELECT slug FROM products WHERE org_id = ${world.orgId} LIMIT 3`,
      )
    ).map((r) => r.slug);
  });
  afterAll(async () => store.close());

  /** Cheap fingerprint of the organization: rows, versions and last update per table, and the audit length. */
  async function fingerprint(): Promise<string> {
    const parts = ORG_TABLES.map(({ table }) => {
      const cfg = getTableConfig(table);
      const cols = new Set(cfg.columns.map((c) => c.name));
      const version = cols.has('version') ? sql`coalesce(sum(version), 0)::bigint` : sql`0::bigint`;
      const updated = cols.has('updated_at') ? sql`max(updated_at)::text` : sql`''`;
      return sql`SELECT ${cfg.name}::text AS t, count(*)::bigint AS n, ${version} AS v, ${updated} AS u FROM ${sql.identifier(cfg.name)} WHERE org_id = ${world.orgId}`;
    });
    const rows = await queryRows<{ t: string; n: number; v: number; u: string | null }>(
      store.db,
      sql.join(parts, sql` UNION ALL `),
    );
    return JSON.stringify(rows.map((r) => [r.t, Number(r.n), Number(r.v), r.u]));
  }

  /** (table, id) → version of every versioned row, to check versions never go backwards. */
  async function versions(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const { table } of ORG_TABLES) {
      const cfg = getTableConfig(table);
      if (!cfg.columns.some((c) => c.name === 'version')) continue;
      const rows = await queryRows<{ id: string; version: number }>(
        store.db,
        sql`SELECT id::text AS id, version FROM ${sql.identifier(cfg.name)} WHERE org_id = ${world.orgId}`,
      );
      for (const r of rows) out.set(`${cfg.name}/${r.id}`, Number(r.version));
    }
    return out;
  }

  /** Rows whose foreign key points at a row of another organization (there must be none). */
  async function crossOrgReferences(): Promise<string[]> {
    const bad: string[] = [];
    const orgTables = new Set(ORG_TABLES.map(({ table }) => getTableConfig(table).name));
    for (const { table } of ORG_TABLES) {
      const cfg = getTableConfig(table);
      for (const fk of cfg.foreignKeys) {
        const ref = fk.reference();
        const target = getTableConfig(ref.foreignTable as PgTable).name;
        if (!orgTables.has(target) || ref.columns.length !== 1) continue;
        const col = ref.columns[0]!.name;
        const fcol = ref.foreignColumns[0]!.name;
        const rows = await queryRows<{ n: number }>(
          store.db,
          sql`SELECT count(*)::int AS n FROM ${sql.identifier(cfg.name)} a JOIN ${sql.identifier(target)} b
              ON b.${sql.identifier(fcol)} = a.${sql.identifier(col)} WHERE a.org_id <> b.org_id`,
        );
        if (Number(rows[0]?.n) > 0) bad.push(`${cfg.name}.${col} → ${target}: ${rows[0]?.n}`);
      }
    }
    return bad;
  }

  function idFor(table: string | undefined): fc.Arbitrary<string> {
    const mine = (table && ids.get(table)) || allIds;
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...mine) },
      { weight: 1, arbitrary: fc.constantFrom(...allIds) },
      { weight: 1, arbitrary: fc.constantFrom(...theirIds) },
      { weight: 1, arbitrary: fc.uuid() },
    );
  }

  /** A value that fits `schema` (mostly): the "valid-ish" half of the generated requests. */
  function fromSchema(schema: Schema, root: Schema, field: string, depth: number): fc.Arbitrary<unknown> {
    if (!schema || typeof schema !== 'object' || depth > 6) return fc.constant(null);
    if (schema.$ref) {
      const name = String(schema.$ref).split('/').pop()!;
      return fromSchema(root.$defs?.[name] ?? root.definitions?.[name] ?? {}, root, field, depth + 1);
    }
    if ('const' in schema) return fc.constant(schema.const);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (Array.isArray(alternatives) && alternatives.length)
      return fc.oneof(...alternatives.map((s: Schema) => fromSchema(s, root, field, depth + 1)));
    if (Array.isArray(schema.allOf) && schema.allOf.length)
      return fromSchema(schema.allOf[0], root, field, depth + 1);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    const tables = new Set(ids.keys());
    switch (type ?? (schema.properties ? 'object' : undefined)) {
      case 'object': {
        const props: Record<string, Schema> = schema.properties ?? {};
        const required = new Set<string>(schema.required ?? []);
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, s] of Object.entries(props)) shape[k] = fromSchema(s, root, k, depth + 1);
        if (
          Object.keys(props).length === 0 &&
          schema.additionalProperties &&
          typeof schema.additionalProperties === 'object'
        ) {
          const keys =
            schema.propertyNames?.format === 'uuid'
              ? idFor(undefined)
              : fc.string({ minLength: 1, maxLength: 12 });
          return fc.dictionary(keys, fromSchema(schema.additionalProperties, root, field, depth + 1), {
            maxKeys: 3,
          });
        }
        return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
      }
      case 'array': {
        const min = schema.minItems ?? 0;
        const max = Math.min(schema.maxItems ?? min + 3, min + 3);
        const item = fromSchema(schema.items ?? {}, root, field, depth + 1);
        return schema.uniqueItems
          ? fc.uniqueArray(item, { minLength: min, maxLength: max, selector: (v) => JSON.stringify(v) })
          : fc.array(item, { minLength: min, maxLength: max });
      }
      case 'string': {
        if (schema.format === 'uuid') return idFor(tableOfField(field, tables));
        if (schema.format === 'email') return fc.emailAddress();
        if (schema.format === 'date')
          return fc.constantFrom('2026-01-15', '2027-06-30', '2025-12-31', '2026-02-30');
        if (schema.format === 'date-time')
          return fc.constantFrom('2026-11-23T12:00:00Z', '2027-01-01T00:00:00.000Z');
        if (schema.format === 'uri' || schema.format === 'url' || /url|issuer/i.test(field))
          return fc.constantFrom(
            'https://hooks.invalid/sextant',
            'http://127.0.0.1:1/hook',
            'https://example.invalid/',
          );
        if (schema.pattern) {
          try {
            return fc
              .stringMatching(new RegExp(schema.pattern))
              .filter((s) => s.length <= (schema.maxLength ?? 200));
          } catch {
            // a pattern JavaScript cannot compile: fall through to plain strings
          }
        }
        const min = schema.minLength ?? 0;
        const max = Math.max(min, Math.min(schema.maxLength ?? 40, 40));
        return fc.oneof(
          { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max }) },
          { weight: 1, arbitrary: fc.constant('x'.repeat(schema.maxLength ?? 1000)) },
        );
      }
      case 'integer':
      case 'number': {
        const cap = CAPS[field];
        const lo =
          schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1e-6 : -1e6);
        let hi =
          schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1e-6 : 1e6);
        if (cap !== undefined) hi = Math.max(lo, Math.min(hi, cap));
        if (type === 'integer')
          return fc.integer({ min: Math.ceil(Math.max(lo, -1e9)), max: Math.floor(Math.min(hi, 1e9)) });
        return fc.double({
          min: Math.max(lo, -1e9),
          max: Math.min(hi, 1e9),
          noNaN: true,
          noDefaultInfinity: true,
        });
      }
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 10 }), fc.boolean());
    }
  }

  /** Breaks a valid-ish body in one of the ways clients (and attackers) do. */
  function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzRequest['body']> {
    const json = (a: fc.Arbitrary<unknown>) => a.map((v) => ({ json: v }));
    const edit = (f: (o: Record<string, unknown>, key: string, pick: number) => unknown) =>
      fc.tuple(valid, fc.nat(), fc.nat()).map(([v, k, pick]) => {
        if (!v || typeof v !== 'object' || Array.isArray(v)) return { json: f({}, 'value', pick) };
        const o = { ...(v as Record<string, unknown>) };
        const keys = Object.keys(o);
        return { json: f(o, keys.length ? keys[k % keys.length]! : 'value', pick) };
      });
    const wrongTypes = [
      123,
      -1,
      1.5,
      'text',
      true,
      null,
      [],
      {},
      [1, 'a'],
      { nested: { deep: [null] } },
      1e308,
      -0,
    ];
    return fc.oneof(
      { weight: 6, arbitrary: json(valid) },
      // wrong type of one field
      {
        weight: 2,
        arbitrary: edit((o, key, pick) => ({ ...o, [key]: wrongTypes[pick % wrongTypes.length] })),
      },
      // a required field missing
      {
        weight: 1,
        arbitrary: edit((o, key) => {
          delete o[key];
          return o;
        }),
      },
      // an unknown field
      { weight: 1, arbitrary: edit((o, _key, pick) => ({ ...o, [`zz${pick % 7}`]: pick })) },
      // odd unicode and injection-looking text
      {
        weight: 2,
        arbitrary: edit((o, key, pick) => ({ ...o, [key]: WEIRD_STRINGS[pick % WEIRD_STRINGS.length] })),
      },
      // a huge string (over any length limit; sometimes over the body limit)
      {
        weight: 1,
        arbitrary: edit((o, key, pick) => ({ ...o, [key]: 'x'.repeat(pick % 2 ? 300_000 : 1_100_000) })),
      },
      // the body is not an object at all
      { weight: 1, arbitrary: json(fc.constantFrom(null, [], 'text', 42, [{}])) },
      // not JSON
      {
        weight: 1,
        arbitrary: fc.constantFrom(...MALFORMED_JSON).map((raw) => ({ raw, type: 'application/json' })),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((raw) => ({ raw, type: 'text/csv' })) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }

  function queryValue(name: string): fc.Arbitrary<string> {
    const typical: Record<string, string[]> = {
      limit: ['1', '50', '500', '0', '501', '-3', '2.5', 'abc', '1e3'],
      offset: ['0', '10', '-1', 'x', '99999999'],
      order: ['asc', 'desc', 'sideways'],
      sort: ['createdAt', 'updatedAt', 'name', 'title', 'nope'],
      view: ['quarter', 'release', 'horizon', 'year'],
      cursor: [
        '',
        'bm9wZQ',
        'WyIyMDI2LTAxLTAxIiwiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAxIl0',
        '%%%',
      ],
      capacityShort: ['true', 'false', 'maybe'],
      q: ['audit', 'renewal OR export', '"exact phrase"', '-not', 'a & b | c', ':*'],
      format: ['csv', 'json', 'xml'],
      top: ['1', '50', '1000', '0', '1001', '2.5', '-1', '99999'],
      bubblesBy: ['expectedValue', 'exposure', 'cost', 'npv'],
      detail: ['summary', 'full', 'everything'],
    };
    const arbs: fc.Arbitrary<string>[] = [fc.constantFrom(...WEIRD_STRINGS), fc.string({ maxLength: 30 })];
    if (typical[name]) arbs.push(fc.constantFrom(...typical[name]!));
    if (/id$/i.test(name) || name === 'a' || name === 'b')
      arbs.push(idFor(tableOfField(name, new Set(ids.keys()))));
    if (name === 'productId') arbs.push(fc.constantFrom(...slugs));
    return fc.oneof(...arbs);
  }

  function pathValue(op: Operation, name: string): fc.Arbitrary<string> {
    const rc = op.routeCase;
    const good =
      name === 'id'
        ? idFor(rc?.idTable)
        : name === 'orgSlug'
          ? fc.constantFrom('demo', 'other')
          : name === 'productSlug'
            ? fc.constantFrom(...slugs)
            : name === 'entity'
              ? fc.constantFrom('features', 'feedback', 'products', 'initiatives', 'users', 'audit_log')
              : idFor(rc?.params?.[name]?.table);
    return fc.oneof(
      { weight: 6, arbitrary: good },
      // ('..' itself is resolved away by URL parsing before it reaches the server.)
      { weight: 1, arbitrary: fc.constantFrom('not-a-uuid', '%2e%2e', 'A'.repeat(300), '\u202e', '0') },
    );
  }

  function requestArb(op: Operation): fc.Arbitrary<FuzzRequest> {
    const pathParams = op.params.filter((p) => p.in === 'path');
    const queryParams = op.params.filter((p) => p.in === 'query').map((p) => p.name);
    const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(op, p.name)])));
    const query = fc.array(
      fc.oneof(
        ...(queryParams.length
          ? [
              fc
                .tuple(fc.constantFrom(...queryParams), fc.string())
                .chain(([n]) => fc.tuple(fc.constant(n), queryValue(n))),
            ]
          : []),
        fc.tuple(
          fc.constantFrom('unknownParam', 'custom.tier', 'limit', '__proto__'),
          fc.string({ maxLength: 20 }),
        ),
      ),
      { maxLength: 3 },
    );
    const body =
      op.method === 'GET' || op.method === 'DELETE'
        ? fc.constant(undefined)
        : mutated(op.body ? fromSchema(op.body, op.body, '', 0) : fc.constant({}));
    const headers = fc.oneof(
      { weight: 5, arbitrary: fc.constant({}) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('"1"', 'W/"2"', '*', 'garbage', '"99999999999999999999"')
          .map((v) => ({ 'if-match': v })),
      },
    );
    return fc.record({ path, query, body, headers });
  }

  async function send(op: Operation, req: FuzzRequest, client: Client): Promise<Response> {
    let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(req.path[name] ?? ''));
    if (req.query.length) url += `?${new URLSearchParams(req.query).toString()}`;
    if (req.body === undefined) return client.request(op.method, url, undefined, req.headers);
    if ('json' in req.body) return client.request(op.method, url, JSON.stringify(req.body.json), req.headers);
    return client.request(op.method, url, req.body.raw, { 'content-type': req.body.type, ...req.headers });
  }

  it('regressions found by the fuzzer: NUL characters and fractional limits are 400 / accepted, never 500', async () => {
    const before = await fingerprint();
    const cases: [string, string, unknown, number][] = [
      ['GET', '/api/v1/audit?action=%00', undefined, 400],
      ['GET', '/api/v1/products?lifecycleStage=%00&q=%3A*', undefined, 400],
      [
        'POST',
        '/api/v1/webhooks',
        { url: 'https://hooks.invalid/x', events: ['*'], description: '\u0000' },
        400,
      ],
      ['POST', '/api/v1/goals', { name: 'nul \u0000 inside' }, 400],
      ['GET', '/api/v1/notifications?limit=2.5', undefined, 200],
    ];
    for (const [method, path, body, status] of cases) {
      const res = await admin.request(method, path, body);
      const text = await res.text();
      expect(res.status, `${method} ${path} → ${text.slice(0, 200)}`).toBe(status);
      if (status === 400) expect(JSON.parse(text).error.code).toBe('invalid_input');
    }
    expect(await fingerprint()).toBe(before);
  });

  it('never a 5xx; 4xx are well-formed and change nothing; references and versions hold afterwards', async () => {
    expect(operations.length).toBeGreaterThan(150);
    const versionsBefore = await versions();
    const started = performance.now();
    const slow: string[] = [];
    for (const op of operations) {
      const t0 = performance.now();
      await fc
        .assert(
          fc.asyncProperty(requestArb(op), async (req) => {
            const client = op.path.endsWith('/auth/logout')
              ? clientFor(world.app, await signIn(world.app, 'contributor@demo.test'))
              : admin;
            const before = await fingerprint();
            const res = await send(op, req, client);
            const text = await res.text();
            const what = `${op.route} ${JSON.stringify(req).slice(0, 400)} → ${res.status} ${text.slice(0, 300)}`;
            expect(res.status, what).toBeLessThan(500);
            // Public pages for people (the portal, the changelog) answer their errors as HTML pages.
            const page =
              !op.path.startsWith('/api/') && (res.headers.get('content-type') ?? '').startsWith('text/html');
            if (res.status >= 400 && page) {
              expect(await fingerprint(), `a rejected request changed data: ${what}`).toBe(before);
            } else if (res.status >= 400) {
              let payload: { error?: { code?: unknown; message?: unknown; details?: unknown } } = {};
              try {
                payload = JSON.parse(text);
              } catch {
                // asserted below
              }
              expect(typeof payload.error?.code, what).toBe('string');
              expect(typeof payload.error?.message, what).toBe('string');
              expect(payload.error && 'details' in payload.error, what).toBe(true);
              expect(await fingerprint(), `a rejected request changed data: ${what}`).toBe(before);
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
        .catch((err: Error) => failures.push(err.message.split('\n').slice(0, 14).join('\n')));
      const ms = performance.now() - t0;
      if (ms > 5000) slow.push(`${op.route}: ${(ms / 1000).toFixed(1)} s`);
    }
    const after = await versions();
    const backwards = [...after].filter(([k, v]) => (versionsBefore.get(k) ?? 0) > v).map(([k]) => k);
    expect(backwards, 'versions only increase').toEqual([]);
    expect(await crossOrgReferences(), 'every reference stays inside its organization').toEqual([]);
    console.log(
      `[fuzz ${backend}] ${operations.length} operations × ${RUNS} requests in ${((performance.now() - started) / 1000).toFixed(0)} s${slow.length ? `; slow: ${slow.join(', ')}` : ''}`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});

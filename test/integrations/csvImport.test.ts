import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import { type Client, type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';

type Json = Record<string, unknown>;
const CSV = { 'content-type': 'text/csv' };

const BAD_JIRA = [
  'Issue key,Summary,Description,Status,Priority,Story Points',
  'PRJ-1,Good one,Fine,To Do,High,3',
  'PRJ-2,,Missing title,Done,Low,1',
  'PRJ-3,Bad status,x,Exploding,Medium,2',
  'PRJ-4,Bad points,x,Done,Medium,lots',
  'PRJ-5,Bad priority,x,Done,Urgent!,1',
  'PRJ-6,Too few cells',
].join('\n');

const GOOD_JIRA = [
  'Issue key,Summary,Description,Status,Priority,Story Points',
  'PRJ-10,CSV export,"Export any list as CSV.',
  'Streams large lists.",Done,High,5',
  'PRJ-11,"Quotes, commas ""and"" more",Plain spec,In Progress,Medium,2.5',
  'PRJ-12,Dark mode,,To Do,Lowest,',
].join('\n');

describe.each(BACKENDS)('CSV import and export on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let pm: Client;
  let owned: Json;
  let notOwned: Json;

  const countFeatures = async (productId: string) => {
    const res = await pm.request('GET', `/api/v1/features?productId=${productId}&limit=500`);
    return ((await res.json()) as { items: Json[] }).items.length;
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    pm = await world.as('product');
    const me = (await (await pm.request('GET', '/api/v1/auth/me')).json()) as { user: { id: string } };
    const products = (
      (await (await pm.request('GET', '/api/v1/products?limit=50')).json()) as { items: Json[] }
    ).items;
    owned = products.find((p) => p.ownerId === me.user.id)!;
    notOwned = products.find((p) => p.ownerId !== me.user.id)!;
  });
  afterAll(async () => store.close());

  it('a dry run reports every bad row with row number, column and reason', async () => {
    const res = await pm.request(
      'POST',
      `/api/v1/imports/csv?kind=jira&dryRun=true&product=${owned.slug}`,
      BAD_JIRA,
      CSV,
    );
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      rows: number;
      valid: number;
      errors: Json[];
      ignoredColumns: string[];
    };
    expect(report.rows).toBe(6);
    expect(report.valid).toBe(1);
    expect(report.ignoredColumns).toEqual(['Issue key']);
    const byRow = (row: number) => report.errors.filter((e) => e.row === row);
    expect(byRow(1)).toEqual([]);
    expect(byRow(2)).toEqual([expect.objectContaining({ column: 'Summary' })]);
    expect(byRow(3)).toEqual([
      expect.objectContaining({
        column: 'Status',
        reason: expect.stringContaining('unknown value "Exploding"'),
      }),
    ]);
    expect(byRow(4)).toEqual([
      expect.objectContaining({ column: 'Story Points', reason: '"lots" is not a number' }),
    ]);
    expect(byRow(5)).toEqual([expect.objectContaining({ column: 'Priority' })]);
    expect(byRow(6)[0]).toMatchObject({ row: 6, line: 7, reason: 'has 2 cells; the header has 6' });
  });

  it('committing a file with bad rows imports nothing and reports each bad row', async () => {
    const before = await countFeatures(String(owned.id));
    const res = await pm.request('POST', `/api/v1/imports/csv?kind=jira&product=${owned.id}`, BAD_JIRA, CSV);
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; details: { errors: Json[]; imported: number } };
    };
    expect(body.error.code).toBe('unprocessable');
    expect(new Set(body.error.details.errors.map((e) => e.row))).toEqual(new Set([2, 3, 4, 5, 6]));
    expect(await countFeatures(String(owned.id))).toBe(before);
  });

  it('a good file imports all rows and round-trips through the CSV export', async () => {
    const created = await pm.request('POST', '/api/v1/components', { productId: owned.id, name: 'probe' });
    expect(created.status).toBe(201);
    const before = await countFeatures(String(owned.id));
    const res = await pm.request('POST', `/api/v1/imports/csv?kind=jira&product=${owned.id}`, GOOD_JIRA, CSV);
    expect(res.status).toBe(200);
    const report = (await res.json()) as { imported: number; errors: Json[] };
    expect(report).toMatchObject({ imported: 3, errors: [] });
    expect(await countFeatures(String(owned.id))).toBe(before + 3);

    const exp = await pm.request('GET', `/api/v1/exports/features.csv?productId=${owned.id}`);
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-type')).toContain('text/csv');
    const csv = await exp.text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const mine = rows.filter((r) =>
      ['CSV export', 'Quotes, commas "and" more', 'Dark mode'].includes(r.title!),
    );
    expect(mine.map((r) => [r.title, r.spec, r.status, r.effort, r.moscow]).sort()).toEqual(
      [
        ['CSV export', 'Export any list as CSV.\nStreams large lists.', 'shipped', '5', 'must'],
        ['Dark mode', '', 'idea', '1', 'wont'],
        ['Quotes, commas "and" more', 'Plain spec', 'in_progress', '2.5', 'should'],
      ].sort(),
    );
    // The export imports back as it is (a dry run into the same product: every row valid).
    const again = await pm.request(
      'POST',
      `/api/v1/imports/csv?kind=jira&dryRun=1&product=${owned.id}`,
      csv,
      CSV,
    );
    const back = (await again.json()) as { rows: number; valid: number; errors: Json[] };
    expect(back.errors).toEqual([]);
    expect(back.valid).toBe(rows.length);
  });

  it('imports feedback with customer matching (case-insensitive) and explicit column mapping', async () => {
    const customers = (
      (await (await pm.request('GET', '/api/v1/customers?limit=2')).json()) as { items: Json[] }
    ).items;
    const name = String(customers[0]!.name);
    const file = [
      'Ask,Account,Why it matters',
      `Need SAML,${name.toUpperCase()},Security review`,
      'Need exports,No Such Customer Inc,Reporting',
    ].join('\n');
    const contributor = await world.as('contributor');
    const map = 'map=Ask%3Dtext&map=Why%20it%20matters%3Dwhy';
    const dry = await contributor.request(
      'POST',
      `/api/v1/imports/csv?kind=feedback&dryRun=true&${map}`,
      file,
      CSV,
    );
    const report = (await dry.json()) as { errors: Json[]; valid: number; mapping: Record<string, string> };
    expect(report.mapping).toEqual({ Ask: 'text', Account: 'customer', 'Why it matters': 'why' });
    expect(report.valid).toBe(1);
    expect(report.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Account',
        reason: 'no customer named "No Such Customer Inc"',
      }),
    ]);
    const good = file.split('\n').slice(0, 2).join('\n');
    const res = await contributor.request('POST', `/api/v1/imports/csv?kind=feedback&${map}`, good, CSV);
    expect(res.status).toBe(200);
    const list = (await (
      await pm.request('GET', `/api/v1/feedback?customerId=${customers[0]!.id}&limit=500`)
    ).json()) as { items: Json[] };
    expect(list.items.find((f) => f.text === 'Need SAML')).toMatchObject({
      why: 'Security review',
      source: 'import',
    });
  });

  it('imports Productboard notes as feedback and features only into products the caller may change', async () => {
    const notes = 'Note title,Note text,Company\nOnboarding,Setup took a week,\n';
    const res = await pm.request('POST', '/api/v1/imports/csv?kind=productboard-notes', notes, CSV);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).imported).toBe(1);
    const pb = 'Feature name,Description,Status\nRoadmap sharing,Share a read-only roadmap,Candidate\n';
    const other = await pm.request(
      'POST',
      `/api/v1/imports/csv?kind=productboard-features&product=${notOwned.id}`,
      pb,
      CSV,
    );
    expect(other.status).toBe(403);
    const mine = await pm.request(
      'POST',
      `/api/v1/imports/csv?kind=productboard-features&product=${owned.id}`,
      pb,
      CSV,
    );
    expect(mine.status).toBe(200);
    const viewer = await world.as('viewer');
    expect((await viewer.request('POST', '/api/v1/imports/csv?kind=feedback', notes, CSV)).status).toBe(403);
  });
});

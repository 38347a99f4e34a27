import { and, asc, desc, eq, is, Param, Placeholder, type SQL, sql } from 'drizzle-orm';
import { type PgColumn, type PgTable, QueryBuilder } from 'drizzle-orm/pg-core';
import type { Store } from './database.ts';
import { driverRows } from './driverRows.ts';
import { columnsOf, tableName } from './tables.ts';
import { isoFromTimestamptz } from './timestampText.ts';

/** One condition of a list: a column equal to a value or null, or a custom field holding a value. */
export type ListFilter =
  | { kind: 'null'; column: string }
  | { kind: 'equals'; column: string; value: string | number | boolean }
  | { kind: 'custom'; key: string; value: string };

export interface ListQuery {
  /** The properties each row carries, in this order. */
  columns: readonly string[];
  filters: readonly ListFilter[];
  /** Full-text search in web-search syntax (the table's `search` vector). */
  search?: string;
  sort: string;
  order: 'asc' | 'desc';
  /** The sort value and id of the last row of the previous page. */
  after?: { value: unknown; id: string };
  limit: number;
}

export type ListedRow = Record<string, unknown>;

/** How a statement's parameters are filled from one request's values: by placeholder name. */
type ParamSource = { name: string } | { constant: unknown };

interface ListStatement {
  text: string;
  params: ParamSource[];
  keys: string[];
  /** Per selected column: driver value → API value; null where the driver value already is it. */
  decoders: (((value: unknown) => unknown) | null)[];
}

// Driver values of these types are already what the API shows.
const AS_IS = new Set(['PgUUID', 'PgText', 'PgBoolean', 'PgInteger', 'PgSmallInt', 'PgDoublePrecision']);

function decoderFor(col: PgColumn): ((value: unknown) => unknown) | null {
  if (AS_IS.has(col.columnType)) return null;
  if (col.columnType === 'PgTimestamp' && (col as unknown as { withTimezone: boolean }).withTimezone)
    return (value) => isoFromTimestamptz(value as string);
  return (value) => {
    const decoded = col.mapFromDriverValue(value);
    return decoded instanceof Date ? decoded.toISOString() : decoded;
  };
}

/**
 * The statement of one query shape (table, columns, which filters, search or not, sort, order, cursor
 * or not): built with the query builder once, then only its parameter values change. Values never
 * reach the text, so the shapes are bounded by the registry (and the number of custom-field filters).
 */
function buildStatement(table: PgTable, q: ListQuery): ListStatement {
  const c = columnsOf(table);
  const p = (name: string) => sql.placeholder(name);
  const conditions: SQL[] = [eq(c.orgId!, p('orgId'))];
  q.filters.forEach((f, i) => {
    if (f.kind === 'null') conditions.push(sql`${c[f.column]!} IS NULL`);
    else if (f.kind === 'equals') conditions.push(eq(c[f.column]!, p(`f${i}`)));
    else {
      const [k, v] = [p(`f${i}k`), p(`f${i}v`)];
      conditions.push(
        sql`(${c.custom} -> ${k} = to_jsonb(${v}::text) OR ${c.custom} -> ${k} @> jsonb_build_array(${v}::text) OR (jsonb_typeof(${c.custom} -> ${k}) = 'number' AND ${c.custom} ->> ${k} = ${v}))`,
      );
    }
  });
  if (q.search !== undefined)
    conditions.push(sql`${c.search} @@ websearch_to_tsquery('english', ${p('search')})`);
  const sortCol = c[q.sort]!;
  if (q.after) {
    const op = q.order === 'asc' ? sql`>` : sql`<`;
    conditions.push(sql`(${sortCol}, ${c.id}) ${op} (${p('afterValue')}, ${p('afterId')})`);
  }
  const dir = q.order === 'asc' ? asc : desc;
  const selected = Object.fromEntries(q.columns.map((k) => [k, c[k]!]));
  const query = new QueryBuilder()
    .select(selected)
    .from(table)
    .where(and(...conditions))
    .orderBy(dir(sortCol), dir(c.id!))
    .limit(p('limit') as unknown as number)
    .toSQL();
  return {
    text: query.sql,
    params: query.params.map((param) => {
      if (is(param, Placeholder)) return { name: param.name };
      if (is(param, Param) && is(param.value, Placeholder)) return { name: param.value.name };
      return { constant: param };
    }),
    keys: [...q.columns],
    decoders: q.columns.map((k) => decoderFor(c[k]!)),
  };
}

function shapeKey(table: PgTable, q: ListQuery): string {
  const filters = q.filters.map((f) => (f.kind === 'custom' ? 'custom' : `${f.kind}:${f.column}`));
  return [
    tableName(table),
    q.columns.join(','),
    filters.join(','),
    q.search === undefined ? '' : 'search',
    q.sort,
    q.order,
    q.after ? 'after' : '',
  ].join('|');
}

// A few hundred shapes cover every entity's usual filters; past the bound (custom-field filters in
// ever new numbers) a statement is built for its one use.
const MAX_SHAPES = 1000;
const statements = new Map<string, ListStatement>();

function statementFor(table: PgTable, q: ListQuery): ListStatement {
  const key = shapeKey(table, q);
  let statement = statements.get(key);
  if (!statement) {
    statement = buildStatement(table, q);
    if (statements.size < MAX_SHAPES) statements.set(key, statement);
  }
  return statement;
}

/**
 * A page of an organization's rows ordered by (sort, id), continuing after the cursor, with one extra
 * row to tell whether there is more. Rows come as the API shows them: the requested columns in order,
 * timestamps as ISO strings.
 */
export async function listRows(
  store: Store,
  table: PgTable,
  orgId: string,
  q: ListQuery,
): Promise<ListedRow[]> {
  const statement = statementFor(table, q);
  const c = columnsOf(table);
  const values: Record<string, unknown> = { orgId, limit: q.limit + 1 };
  q.filters.forEach((f, i) => {
    if (f.kind === 'equals') values[`f${i}`] = c[f.column]!.mapToDriverValue(f.value);
    else if (f.kind === 'custom') {
      values[`f${i}k`] = f.key;
      values[`f${i}v`] = f.value;
    }
  });
  if (q.search !== undefined) values.search = q.search;
  if (q.after) {
    values.afterValue = q.after.value;
    values.afterId = q.after.id;
  }
  const params = statement.params.map((s) => ('name' in s ? values[s.name] : s.constant));
  const rows = await driverRows(store, statement.text, params);
  const { keys, decoders } = statement;
  return rows.map((row) => {
    const out: ListedRow = {};
    for (let i = 0; i < keys.length; i++) {
      const value = row[i];
      const decode = decoders[i];
      out[keys[i]!] = value === null || !decode ? value : decode(value);
    }
    return out;
  });
}

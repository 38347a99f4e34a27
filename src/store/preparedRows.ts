import { types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import type { Store } from './database.ts';

/** A statement built once: with a name, PostgreSQL parses it once per connection (and may keep its plan). */
export interface Statement {
  name?: string;
  text: string;
}

const raw = (value: string) => value;

// Date and time types arrive as the server's text, exactly as drizzle's own drivers configure them, so
// the columns' mapFromDriverValue decodes what they always decoded.
const RAW_TEXT_OIDS = [
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
];

const nodePgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    RAW_TEXT_OIDS.includes(oid) ? raw : pg.types.getTypeParser(oid, format as 'text'),
};

const pgliteParsers = Object.fromEntries(
  [
    pgliteTypes.TIMESTAMPTZ,
    pgliteTypes.TIMESTAMP,
    pgliteTypes.DATE,
    pgliteTypes.INTERVAL,
    1231,
    1115,
    1185,
    1187,
    1182,
  ].map((oid) => [oid, raw]),
);

/**
 * Runs a statement on the raw driver and returns its rows as arrays of driver values. No query builder
 * and no per-cell mapping on the way: for reads whose rows go straight to JSON.
 */
export async function preparedRows(
  store: Store,
  statement: Statement,
  values: unknown[],
): Promise<unknown[][]> {
  if (store.kind === 'postgres') {
    const result = await store.pool!.query({
      name: statement.name,
      text: statement.text,
      values,
      rowMode: 'array',
      types: nodePgTypes,
    });
    return result.rows as unknown[][];
  }
  // PGlite runs in this process: there is no connection to keep a parsed statement on.
  const result = await store.pglite!.query<unknown[]>(statement.text, values, {
    rowMode: 'array',
    parsers: pgliteParsers,
  });
  return result.rows;
}

import { types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import type { Store } from './database.ts';

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
 * Runs SQL with positional parameters on the raw driver and returns its rows as arrays of driver
 * values — no query builder and no per-cell mapping on the way, for reads whose rows go straight to
 * JSON. Unnamed on purpose: PostgreSQL plans each run for its values (see docs/decisions.md).
 */
export async function driverRows(store: Store, text: string, values: unknown[]): Promise<unknown[][]> {
  if (store.kind === 'postgres') {
    const result = await store.pool!.query({ text, values, rowMode: 'array', types: nodePgTypes });
    return result.rows as unknown[][];
  }
  const result = await store.pglite!.query<unknown[]>(text, values, {
    rowMode: 'array',
    parsers: pgliteParsers,
  });
  return result.rows;
}

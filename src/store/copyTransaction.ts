import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import copyStreams from 'pg-copy-streams';
import { csvField } from './bulkLoad.ts';
import type { Store } from './database.ts';
import type { Db } from './db.ts';
import * as schema from './schema.ts';

/** Appends rows to a table with COPY inside the open transaction. */
export type CopyRows = (table: PgTable, rows: Record<string, unknown>[]) => Promise<void>;

/**
 * A transaction that can also COPY: on a PostgreSQL server the query builder and COPY share one
 * connection inside one BEGIN … COMMIT, so bulk rows stream at COPY speed and still commit or roll back
 * with everything else. On PGlite `copy` is null (callers insert instead).
 */
export async function copyTransaction<T>(
  store: Store,
  fn: (tx: Db, copy: CopyRows | null) => Promise<T>,
): Promise<T> {
  if (store.kind !== 'postgres') return store.db.transaction(async (tx) => fn(tx as unknown as Db, null));
  const client = await store.pool!.connect();
  try {
    await client.query('BEGIN');
    const tx = drizzle(client, { schema }) as unknown as Db;
    const copy: CopyRows = async (table, rows) => {
      if (rows.length === 0) return;
      const all = getTableColumns(table) as Record<string, PgColumn>;
      // Only the columns the rows carry: the others keep their defaults, as with INSERT.
      const props = Object.keys(rows[0]!).filter((p) => all[p]);
      const names = props.map((p) => `"${all[p]!.name}"`).join(', ');
      const lines = function* () {
        const CHUNK = 1000;
        for (let i = 0; i < rows.length; i += CHUNK) {
          let out = '';
          for (const row of rows.slice(i, i + CHUNK))
            out += `${props.map((p) => csvField(row[p], all[p]!)).join(',')}\n`;
          yield out;
        }
      };
      const stream = client.query(
        copyStreams.from(`COPY "${getTableName(table)}" (${names}) FROM STDIN WITH (FORMAT csv)`),
      );
      await pipeline(Readable.from(lines()), stream);
    };
    const result = await fn(tx, copy);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

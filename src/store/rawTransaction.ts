import type { Store } from './database.ts';

/** Runs one SQL statement with positional parameters ($1, $2…) and returns its rows. */
export type RawQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * One transaction on the raw driver (a pooled client on a server, PGlite's own transaction when
 * embedded), for whole-store work the query builder has no words for: everything commits or nothing.
 */
export async function rawTransaction<T>(
  store: Store,
  fn: (query: RawQuery) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  if (store.kind === 'postgres') {
    const client = await store.pool!.connect();
    try {
      await client.query(options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      const result = await fn(async (sql, params = []) => (await client.query(sql, params)).rows);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
  // PGlite has one connection: its transaction already sees one consistent state.
  return store.pglite!.transaction(async (tx) =>
    fn(async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows),
  );
}

import type { Db } from '../store/db.ts';
import type { ServiceContext } from './context.ts';

/** Runs `fn` in one database transaction: every write of a request commits together or not at all. */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.store.db.transaction(async (tx) => fn(tx as unknown as Db));
}

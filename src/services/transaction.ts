import { sql } from 'drizzle-orm';
import type { Db } from '../store/db.ts';
import type { ServiceContext } from './context.ts';

/**
 * Runs `fn` in one database transaction: every write of a request commits together or not at all.
 * The last statement bumps the organization's data version, which is what cached reads are keyed on
 * (services/readCache.ts). It comes last so the organization's row is locked only while committing, and
 * because it commits with the writes, no process can see the new data under the old version.
 */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.store.db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    const out = await fn(tx);
    await tx.execute(sql`UPDATE organizations SET data_version = data_version + 1 WHERE id = ${ctx.orgId}`);
    return out;
  });
}

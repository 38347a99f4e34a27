import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../src/store/database.ts';

export type Backend = 'pglite' | 'postgres';
/** Every integration suite runs on both backends. */
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

/** A fresh migrated store: a new database cloned from the template, or PGlite loaded from the dump. */
export async function openTestStore(backend: Backend): Promise<Store> {
  if (backend === 'postgres') {
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const url = inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`);
    const store = await openStore({ databaseUrl: url, poolSize: 5 });
    return Object.assign(store, { url });
  }
  const dump = readFileSync(inject('pgliteDump'));
  return openStore({ memory: { loadDataDir: new Blob([dump]) } });
}

/** The connection URL of a postgres test store (for CLI subprocesses). */
export function storeUrl(store: Store): string | undefined {
  return (store as Store & { url?: string }).url;
}

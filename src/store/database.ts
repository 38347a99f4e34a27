import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './dataDirLock.ts';
import type { Db } from './db.ts';
import { queryRows } from './queryRows.ts';
import * as schema from './schema.ts';

export type StoreKind = 'pglite' | 'postgres';

/** An open store: the drizzle handle plus what the backend-specific paths (bulk load, locking) need. */
export interface Store {
  readonly kind: StoreKind;
  readonly db: Db;
  /** The raw pg pool when on a PostgreSQL server (used for COPY). */
  readonly pool?: pg.Pool;
  /** The raw PGlite instance when embedded. */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** postgres://… to use a PostgreSQL server; otherwise the embedded PGlite store is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files (default ./data). Ignored with databaseUrl. */
  dataDir?: string;
  /** Open an in-memory PGlite, optionally from a dumped data dir (tests). */
  memory?: { loadDataDir?: Blob };
  /** Written into the PGlite lock file so another process can say who holds the store. */
  lockOwner?: { command: string; url?: string };
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
}

const migrationsFolder = new URL('./migrations', import.meta.url).pathname;
// Arbitrary constant: serializes migrations when several processes start against one server.
const MIGRATION_LOCK_KEY = 727_001;

// PostgreSQL `date` values stay 'YYYY-MM-DD' strings on both drivers (PGlite already does this).
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
// bigint counts (count(*)) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/** Opens (and by default migrates) the store: PGlite under dataDir, or PostgreSQL at databaseUrl. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await migrateStore(store);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}

async function openPostgres(options: OpenStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  // Fail fast with the server's own message if it is unreachable or the URL is wrong.
  const client = await pool.connect();
  client.release();
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return { kind: 'postgres', db, pool, close: () => pool.end() };
}

async function openPglite(options: OpenStoreOptions): Promise<Store> {
  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (options.memory) {
    pglite = await PGlite.create({ loadDataDir: options.memory.loadDataDir });
  } else {
    const dataDir = options.dataDir ?? './data';
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir, options.lockOwner ?? { command: 'sextant' });
    try {
      pglite = await PGlite.create({ dataDir });
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    close: async () => {
      await pglite.close();
      lock?.release();
    },
  };
}

/** Applies pending SQL migrations; on a server, under an advisory lock so concurrent starts are safe. */
export async function migrateStore(store: Store): Promise<void> {
  if (store.kind === 'pglite') {
    await migratePglite(store.db as never, { migrationsFolder });
    return;
  }
  const client = await store.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

/** True when the store holds no organization yet (first start loads the demo). */
export async function isStoreEmpty(store: Store): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM organizations`);
  return Number(rows[0]?.n ?? 0) === 0;
}

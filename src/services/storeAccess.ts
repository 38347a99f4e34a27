import { DomainError } from '../domain/errors.ts';
import { isStoreEmpty, openStore, type Store } from '../store/database.ts';
import { DataDirLockedError } from '../store/dataDirLock.ts';

export type { Store } from '../store/database.ts';
export { isStoreEmpty };

export interface StoreLocation {
  /** postgres://… (default: the DATABASE_URL environment variable) */
  databaseUrl?: string;
  /** PGlite data directory (default: SEXTANT_DATA_DIR, else ./data) */
  dataDir?: string;
}

/** Where the store is, from explicit options first, then the environment, then the default ./data. */
export function resolveStoreLocation(
  options: StoreLocation = {},
): Required<Pick<StoreLocation, 'dataDir'>> & StoreLocation {
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  const dataDir = options.dataDir ?? (process.env.SEXTANT_DATA_DIR || './data');
  return { databaseUrl, dataDir };
}

export function describeStore(location: StoreLocation): string {
  if (location.databaseUrl) {
    const u = new URL(location.databaseUrl);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`; // never print the password
  }
  return `embedded PGlite in ${location.dataDir}`;
}

/**
 * Opens and migrates the configured store for a command. A data dir held by a running server is
 * refused with a message that says who holds it (PGlite admits one process at a time).
 */
export async function openConfiguredStore(
  options: StoreLocation & { command: string; url?: string },
): Promise<Store> {
  const location = resolveStoreLocation(options);
  try {
    return await openStore({
      databaseUrl: location.databaseUrl,
      dataDir: location.dataDir,
      lockOwner: { command: options.command, url: options.url },
    });
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new DomainError('conflict', err.message);
    throw err;
  }
}

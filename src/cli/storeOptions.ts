import type { Command } from 'commander';
import { DomainError } from '../domain/errors.ts';
import { openConfiguredStore, type Store } from '../services/storeAccess.ts';
import { CliError } from './cliError.ts';

export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

/** Adds --data-dir and --database-url (defaults: SEXTANT_DATA_DIR / DATABASE_URL, then ./data). */
export function withStoreOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'embedded store directory (env SEXTANT_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL server instead of the embedded store (env DATABASE_URL)');
}

/** Runs `fn` with the configured store open, closing it afterwards; domain errors become clear CLI errors. */
export async function withStore<T>(
  flags: StoreFlags,
  command: string,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  let store: Store;
  try {
    store = await openConfiguredStore({ dataDir: flags.dataDir, databaseUrl: flags.databaseUrl, command });
  } catch (err) {
    throw asCliError(err);
  }
  try {
    return await fn(store);
  } catch (err) {
    throw asCliError(err);
  } finally {
    await store.close();
  }
}

export function asCliError(err: unknown): unknown {
  if (err instanceof DomainError) return new CliError(err.message, 2);
  const e = err as { code?: string; message?: string };
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === '28P01' || e?.code === '3D000') {
    return new CliError(`cannot use the PostgreSQL server: ${e.message}`, 2);
  }
  return err;
}

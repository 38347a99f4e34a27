import type { Command } from 'commander';
import { backupStore, restoreStore } from '../../services/backup/storeBackup.ts';
import { progressBar } from '../progress.ts';
import { withStore, withStoreOptions } from '../storeOptions.ts';

/** `sextant backup` / `sextant restore`: the whole store (all organizations, users, everything) in one file. */
export function registerBackupCommands(program: Command): void {
  withStoreOptions(
    program
      .command('backup')
      .description(
        'write the whole store (every organization, user and setting, and the schema version) to a file',
      )
      .argument('<file>', 'output file (gzipped JSON lines)'),
  ).action(async (file: string, opts: { dataDir?: string; databaseUrl?: string }) => {
    await withStore(opts, 'sextant backup', async (store) => {
      const bar = progressBar('Backing up');
      const r = await backupStore(store, file, (e) => bar.update(e.done, e.total, e.table));
      bar.stop();
      process.stdout.write(`backed up ${r.rows} rows of ${r.tables} tables to ${file}\n`);
    });
  });
  withStoreOptions(
    program
      .command('restore')
      .description(
        'load a backup into an empty store, all or nothing (--force replaces a store that has data)',
      )
      .argument('<file>', 'a file written by `sextant backup`')
      .option('--force', 'replace everything in a store that already holds data'),
  ).action(async (file: string, opts: { force?: boolean; dataDir?: string; databaseUrl?: string }) => {
    await withStore(opts, 'sextant restore', async (store) => {
      const bar = progressBar('Restoring');
      try {
        const r = await restoreStore(store, file, { force: opts.force }, (e) =>
          bar.update(e.done, e.total, e.table),
        );
        bar.stop();
        process.stdout.write(
          `restored ${r.rows} rows of ${r.tables} tables from ${file} (backup of ${r.createdAt})\n`,
        );
      } finally {
        bar.stop();
      }
    });
  });
}

import type { Command } from 'commander';
import { describeStore, resolveStoreLocation } from '../../services/storeAccess.ts';
import { withStore, withStoreOptions } from '../storeOptions.ts';

export function registerMigrateCommand(program: Command): void {
  withStoreOptions(program.command('migrate').description('apply pending database migrations')).action(
    async (opts: { dataDir?: string; databaseUrl?: string }) => {
      // Opening the store applies pending migrations.
      await withStore(opts, 'sextant migrate', async () => {
        process.stdout.write(`migrations applied to ${describeStore(resolveStoreLocation(opts))}\n`);
      });
    },
  );
}

import type { Command } from 'commander';
import { exportOrganization, importOrganization } from '../../services/orgExport.ts';
import { progressBar } from '../progress.ts';
import { withStore, withStoreOptions } from '../storeOptions.ts';
import { registerImportCsvCommand } from './importCsv.ts';

export function registerExportImportCommands(program: Command): void {
  withStoreOptions(
    program
      .command('export')
      .description('write a whole organization as JSON')
      .argument('<file>', 'output file')
      .option('--org <slug>', 'organization slug or id', 'demo'),
  ).action(async (file: string, opts: { org: string; dataDir?: string; databaseUrl?: string }) => {
    await withStore(opts, 'sextant export', async (store) => {
      const bar = progressBar('Exporting');
      const r = await exportOrganization(store, opts.org, file, (e) => bar.update(e.done, e.done, e.table));
      bar.stop();
      process.stdout.write(`exported organization "${r.organization}" (${r.rows} rows) to ${file}\n`);
    });
  });
  const importCommand = withStoreOptions(
    program
      .command('import')
      .description('load an organization exported with `sextant export` into an empty store (all or nothing)')
      .argument('<file>', 'export file'),
  ).action(async (file: string, opts: { dataDir?: string; databaseUrl?: string }) => {
    await withStore(opts, 'sextant import', async (store) => {
      const bar = progressBar('Importing');
      const r = await importOrganization(store, file, (e) => bar.update(e.done, e.total, e.table));
      bar.stop();
      process.stdout.write(
        `imported organization "${r.organization}" (${r.rows} rows); members must set passwords with \`sextant user reset-password\`\n`,
      );
    });
  });
  registerImportCsvCommand(importCommand);
}

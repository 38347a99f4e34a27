import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.ts';
import { systemContext } from '../../services/context.ts';
import { CSV_KINDS } from '../../services/csvImport/csvPresets.ts';
import { type CsvImportReport, importCsv } from '../../services/csvImport/importCsv.ts';
import { findOrganization } from '../../services/organizations.ts';
import { CliError } from '../cliError.ts';
import { progressBar } from '../progress.ts';
import { withStore, withStoreOptions } from '../storeOptions.ts';

interface Options {
  kind: string;
  map: string[];
  dryRun?: boolean;
  org: string;
  product?: string;
  json?: boolean;
  dataDir?: string;
  databaseUrl?: string;
}

function printReport(r: CsvImportReport, json: boolean) {
  if (json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const mapping = Object.entries(r.mapping)
    .map(([col, field]) => `${col} → ${field}`)
    .join(', ');
  process.stdout.write(
    `columns: ${mapping}${r.ignoredColumns.length ? `; ignored: ${r.ignoredColumns.join(', ')}` : ''}\n`,
  );
  for (const e of r.errors) {
    process.stdout.write(
      `row ${e.row} (line ${e.line})${e.column ? `, column "${e.column}"` : ''}: ${e.reason}\n`,
    );
  }
  const verb = r.dryRun ? 'would import' : 'imported';
  process.stdout.write(
    `${r.rows} rows, ${r.valid} valid, ${r.errors.length} problem(s); ${verb} ${r.dryRun ? r.valid : r.imported} ${r.target}\n`,
  );
}

/**
 * `sextant import csv <file> --kind …`: a subcommand of `import` (commander dispatches to it when the first
 * argument is literally `csv`, so `sextant import <export.json>` keeps working). Streams the file.
 */
export function registerImportCsvCommand(importCommand: Command): void {
  withStoreOptions(
    importCommand
      .command('csv')
      .description(
        'import a CSV export as features or feedback: all rows or none; --dry-run reports every bad row',
      )
      .argument('<file>', 'CSV file')
      .requiredOption('--kind <kind>', CSV_KINDS.join(' | '))
      .option('--map <column=field...>', 'map a column to a field ("-" ignores it); repeatable', [])
      .option('--dry-run', 'validate and report only')
      .option('--org <slug>', 'organization slug or id', 'demo')
      .option('--product <slug|id>', 'the product imported features belong to')
      .option('--json', 'print the report as JSON'),
  ).action(async (file: string, opts: Options) => {
    const map: Record<string, string> = {};
    for (const m of opts.map) {
      const eq = m.lastIndexOf('=');
      if (eq <= 0) throw new CliError(`--map ${m}: expected column=field`, 2);
      map[m.slice(0, eq)] = m.slice(eq + 1);
    }
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (err) {
      throw new CliError(`cannot read ${file}: ${(err as Error).message}`, 2);
    }
    // `import` declares the same store flags, and commander may hand them to it rather than to `csv`.
    const parent = importCommand.opts<{ dataDir?: string; databaseUrl?: string }>();
    const flags = {
      dataDir: opts.dataDir ?? parent.dataDir,
      databaseUrl: opts.databaseUrl ?? parent.databaseUrl,
    };
    await withStore(flags, 'sextant import csv', async (store) => {
      const org = await findOrganization(store, opts.org);
      if (!org) throw new CliError(`no organization "${opts.org}" in this store`, 2);
      // No 'data' listener here: it would start the stream before the parser is attached, losing bytes.
      const stream = createReadStream(file);
      const bar = progressBar(opts.dryRun ? 'Checking' : 'Importing', !opts.json);
      let report: CsvImportReport;
      try {
        report = await importCsv(systemContext(store, org.id), stream, {
          kind: opts.kind,
          map,
          dryRun: opts.dryRun,
          product: opts.product,
          onProgress: (rows) => bar.update(stream.bytesRead, size, `${rows} rows`),
        });
      } catch (err) {
        bar.stop();
        if (err instanceof DomainError && err.code === 'unprocessable' && err.details) {
          printReport(err.details as CsvImportReport, Boolean(opts.json));
          throw new CliError(err.message, 1);
        }
        throw err;
      }
      bar.stop();
      printReport(report, Boolean(opts.json));
      if (report.errors.length > 0) process.exitCode = 1;
    });
  });
}

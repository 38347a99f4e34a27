import type { Command } from 'commander';
import { loadDemo } from '../../services/demo/loadDemo.ts';
import { CliError } from '../cliError.ts';
import { progressBar } from '../progress.ts';
import { withStore, withStoreOptions } from '../storeOptions.ts';

export function registerDemoCommand(program: Command): void {
  withStoreOptions(
    program
      .command('demo')
      .description('load the demo portfolio (deterministic by seed); --scale grows it for benchmarks')
      .option('--scale <n>', 'multiply features, customers, feedback, initiatives and people by n', '1')
      .option('--seed <n>', 'random seed', '42')
      .option('--slug <slug>', 'organization slug', 'demo')
      .option('--json', 'print a JSON summary'),
  ).action(
    async (opts: {
      scale: string;
      seed: string;
      slug: string;
      json?: boolean;
      dataDir?: string;
      databaseUrl?: string;
    }) => {
      const scale = Number(opts.scale);
      const seed = Number(opts.seed);
      if (!Number.isInteger(scale) || scale < 1 || scale > 1000)
        throw new CliError('--scale must be a whole number from 1 to 1000', 2);
      if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number', 2);
      await withStore(opts, 'sextant demo', async (store) => {
        const bar = progressBar(`Loading demo ×${scale}`, !opts.json);
        const started = performance.now();
        const result = await loadDemo(store, {
          scale,
          seed,
          slug: opts.slug,
          onProgress: (e) => bar.update(e.done, e.total),
        });
        bar.stop();
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...result, seconds })}\n`);
        else
          process.stdout.write(
            `loaded organization "${result.slug}": ${result.rows} rows in ${seconds.toFixed(1)} s\n`,
          );
      });
    },
  );
}

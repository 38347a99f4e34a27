import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { simulateProblemSchema } from '../../domain/simulateProblem.ts';
import { type SimulateProblemResult, simulateProblem } from '../../services/simulateProblem.ts';
import { closeWorkerPool } from '../../services/workerPool.ts';
import { CliError } from '../cliError.ts';
import { readJsonFile } from '../readJsonFile.ts';

interface SimulateFlags {
  trials: string;
  seed: string;
  json?: boolean;
}

const MAX_TRIALS = 50_000_000;

function parseIntegerFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(`--${name} must be an integer from ${min} to ${max}, got "${value}"`, 2);
  }
  return n;
}

const fmt = (x: number | null) =>
  x === null ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function printReport(r: SimulateProblemResult): void {
  const pct = (x: number | null) => (x === null ? '— (no target in the file)' : `${(x * 100).toFixed(1)} %`);
  const lines = [
    `Monte Carlo of portfolio value: ${r.trials.toLocaleString('en-US')} trials, seed ${r.seed}, ${r.seconds.toFixed(2)} s`,
    '',
    `  mean            ${fmt(r.mean)}   (± ${fmt(r.standardError)} standard error; exact expected value ${fmt(r.expectedValue)})`,
    `  std deviation   ${fmt(r.stdev)}`,
    `  P10 / P50 / P90 ${fmt(r.p10)} / ${fmt(r.p50)} / ${fmt(r.p90)}`,
    `  min / max       ${fmt(r.min)} / ${fmt(r.max)}`,
    `  P(value ≥ ${r.target === null ? 'target' : fmt(r.target)}) ${pct(r.probabilityOfTarget)}`,
    '',
    'Histogram',
  ];
  const maxCount = Math.max(...r.histogram.counts);
  r.histogram.counts.forEach((count, k) => {
    const bar = '█'.repeat(Math.round((count / maxCount) * 40));
    lines.push(`  ${fmt(r.histogram.edges[k]).padStart(14)}  ${bar} ${count}`);
  });
  lines.push('', 'Tornado (share of variance; portfolio value with the item at its worst … best)');
  for (const t of r.tornado.slice(0, 10)) {
    lines.push(
      `  ${t.id.padEnd(16)} ${(t.varianceShare * 100).toFixed(1).padStart(5)} %   ${fmt(t.low)} … ${fmt(t.high)}`,
    );
  }
  if (r.tornado.length > 10) lines.push(`  … ${r.tornado.length - 10} more`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `sextant simulate problem.json [--trials N] [--seed S] [--json]`: Monte Carlo of portfolio value. */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('Monte Carlo of portfolio value from a plain JSON problem file (format: docs/finance.md)')
    .argument('<problem>', 'problem JSON file: { discountRate, target?, items: [...] }')
    .option('--trials <n>', 'number of trials', '100000')
    .option('--seed <s>', 'generator seed (same seed, same numbers)', '1')
    .option('--json', 'print { trials, mean, stdev, p10, p50, p90, probabilityOfTarget, seconds } only')
    .action(async (file: string, flags: SimulateFlags) => {
      const trials = parseIntegerFlag('trials', flags.trials, 1, MAX_TRIALS);
      const seed = parseIntegerFlag('seed', flags.seed, 0, Number.MAX_SAFE_INTEGER);
      const problem = await readJsonFile(file, simulateProblemSchema);
      const bar = flags.json
        ? undefined
        : new SingleBar({ format: 'simulating [{bar}] {percentage}% {value}/{total} trials' });
      bar?.start(trials, 0);
      try {
        const result = await simulateProblem(problem, {
          trials,
          seed,
          onProgress: (done) => bar?.update(done),
        });
        bar?.stop();
        if (flags.json) {
          const { mean, stdev, p10, p50, p90, probabilityOfTarget, seconds } = result;
          process.stdout.write(
            `${JSON.stringify({ trials: result.trials, mean, stdev, p10, p50, p90, probabilityOfTarget, seconds })}\n`,
          );
        } else {
          printReport(result);
        }
      } finally {
        bar?.stop();
        await closeWorkerPool();
      }
    });
}

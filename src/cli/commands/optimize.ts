import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type OptimizeResult, optimizeProblemSchema, type Selection } from '../../domain/optimizeProblem.ts';
import {
  type FrontierReport,
  type OptimizeReport,
  optimizeFrontier,
  optimizeProblem,
} from '../../services/optimizeProblem.ts';
import { closeWorkerPool } from '../../services/workerPool.ts';
import { CliError } from '../cliError.ts';
import { readJsonFile } from '../readJsonFile.ts';

interface OptimizeFlags {
  timeLimit: string;
  method: string;
  json?: boolean;
  frontier?: string | boolean;
}

const num = (x: number | null, digits = 2) =>
  x === null ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: digits });
const selectionText = (s: Selection) => (typeof s === 'string' ? s : `${s.id}@${s.option}`);

function parseTimeLimit(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 86_400)
    throw new CliError(`--time-limit must be a number of seconds from 0 to 86400, got "${value}"`, 2);
  return n;
}

function parseLevels(value: string | boolean | undefined): number | null {
  if (value === undefined || value === false) return null;
  if (value === true) return 21;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > 200)
    throw new CliError(`--frontier must be an integer from 2 to 200, got "${value}"`, 2);
  return n;
}

const BOUND_SOURCES: Record<OptimizeResult['boundSource'], string> = {
  'branch-and-bound': 'Sextant branch and bound',
  mip: 'HiGHS branch-and-cut',
  lp: 'LP relaxation',
  none: 'none',
};

function printReport(r: OptimizeReport): void {
  const res = r.result;
  const lines = [
    `status     ${res.status}   (${res.method}, ${res.seconds.toFixed(2)} s)`,
    `objective  ${num(res.objective, 4)}`,
    `bound      ${num(res.bound, 4)}   (${BOUND_SOURCES[res.boundSource]})`,
    `gap        ${res.gap === null ? '—' : `${(res.gap * 100).toFixed(4)} %`}`,
    `selected   ${res.selected.length ? res.selected.map(selectionText).join(', ') : '(none)'}`,
  ];
  const used = Object.entries(res.usage).filter(([, v]) => v !== 0);
  if (used.length > 0) {
    lines.push('', 'resource use');
    for (const [id, v] of used) lines.push(`  ${id.padEnd(24)} ${num(v)}`);
  }
  if (r.conflicts && r.conflicts.lines.length > 0) {
    lines.push(
      '',
      `No selection satisfies all of these together${r.conflicts.minimal ? '' : ' (may not be minimal)'}:`,
    );
    for (const l of r.conflicts.lines) lines.push(`  - ${l}`);
    lines.push('Relax any one of them to make the problem feasible.');
  }
  if (r.explanations.length > 0) {
    lines.push('', 'left out');
    for (const e of r.explanations) lines.push(`  - ${e.text}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printFrontier(f: FrontierReport): void {
  const lines = ['', `efficient frontier (${f.points.length} budget levels, ${f.seconds.toFixed(1)} s)`];
  lines.push('  budget            optimal value     score ranking   status');
  for (const p of f.points)
    lines.push(
      `  ${num(p.budget).padStart(14)}  ${num(p.value).padStart(15)}  ${(p.rankingValue === null ? 'breaks rules' : num(p.rankingValue)).padStart(15)}   ${p.status}`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A progress bar that fills with elapsed time against the time limit (the solver reports no progress). */
function timeBar(label: string, seconds: number): { stop: () => void } {
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} s`, stream: process.stderr });
  bar.start(Math.ceil(seconds), 0);
  const t0 = Date.now();
  const timer = setInterval(
    () => bar.update(Math.min(Math.ceil(seconds), Math.floor((Date.now() - t0) / 1000))),
    250,
  );
  return {
    stop: () => {
      clearInterval(timer);
      bar.stop();
    },
  };
}

/** `sextant optimize problem.json [--time-limit S] [--method exact|greedy] [--json]`: choose the portfolio. */
export function registerOptimizeCommand(program: Command): void {
  program
    .command('optimize')
    .description('Choose the best portfolio under budgets, capacities and rules (format: docs/optimizer.md)')
    .argument('<problem>', 'problem JSON file: { resources, items, groups }')
    .option('--time-limit <seconds>', 'time limit for the solve', '10')
    .option('--method <method>', 'exact (HiGHS integer programming) or greedy (heuristic only)', 'exact')
    .option('--frontier [levels]', 'also compute the efficient frontier over budget levels (default 21)')
    .option('--json', 'print { status, objective, bound, gap, selected, seconds } only')
    .action(async (file: string, flags: OptimizeFlags) => {
      const timeLimitSeconds = parseTimeLimit(flags.timeLimit);
      if (flags.method !== 'exact' && flags.method !== 'greedy')
        throw new CliError(`--method must be exact or greedy, got "${flags.method}"`, 2);
      const levels = parseLevels(flags.frontier);
      const problem = await readJsonFile(file, optimizeProblemSchema);
      const bar = flags.json ? undefined : timeBar('optimizing', timeLimitSeconds);
      try {
        let report: OptimizeReport;
        try {
          report = await optimizeProblem(problem, {
            method: flags.method,
            timeLimitSeconds,
            explain: !flags.json,
          });
        } finally {
          bar?.stop();
        }
        if (flags.json) {
          const { status, objective, bound, gap, selected, seconds } = report.result;
          process.stdout.write(`${JSON.stringify({ status, objective, bound, gap, selected, seconds })}\n`);
          return;
        }
        printReport(report);
        if (levels !== null) {
          const fbar = new SingleBar({
            format: 'frontier [{bar}] {value}/{total} levels',
            stream: process.stderr,
          });
          fbar.start(levels, 0);
          try {
            const f = await optimizeFrontier(problem, {
              levels,
              timeLimitSeconds: Math.min(timeLimitSeconds, 5),
              onProgress: (d) => fbar.update(d),
            });
            fbar.stop();
            printFrontier(f);
          } catch (err) {
            fbar.stop();
            throw err;
          }
        }
      } catch (err) {
        if (err instanceof CliError) throw err;
        throw new CliError(`optimization failed: ${(err as Error).message}`, 1);
      } finally {
        await closeWorkerPool();
      }
    });
}

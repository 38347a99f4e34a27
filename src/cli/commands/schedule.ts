import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  type LateCause,
  type ScheduleObjective,
  type ScheduleProblem,
  type ScheduleResult,
  scheduleProblemSchema,
} from '../../domain/scheduleProblem.ts';
import { ScheduleInputError, scheduleProblem } from '../../services/scheduleProblem.ts';
import { closeWorkerPool } from '../../services/workerPool.ts';
import { CliError } from '../cliError.ts';
import { readJsonFile } from '../readJsonFile.ts';

interface ScheduleFlags {
  timeLimit: string;
  objective: string;
  seed: string;
  json?: boolean;
}

const MAX_ROWS = 60;

function parseTimeLimit(value: string): number {
  const s = Number(value);
  if (value.trim() === '' || !Number.isFinite(s) || s < 0 || s > 3600)
    throw new CliError(`--time-limit must be a number of seconds from 0 to 3600, got "${value}"`, 2);
  return s;
}

function describeCause(cause: LateCause): string {
  if ('resource' in cause) return `${cause.resource} is full in period ${cause.period}`;
  if ('after' in cause) return `waits for ${cause.after}`;
  return `cannot start before period ${cause.earliest}`;
}

function printReport(problem: ScheduleProblem, r: ScheduleResult): void {
  const gap =
    r.makespan === null || r.lowerBound === 0 ? 0 : ((r.makespan - r.lowerBound) / r.lowerBound) * 100;
  const lines = [
    `Schedule of ${problem.items.length} items on ${problem.resources.length} resources: ${r.status}`,
    `  makespan     ${r.makespan} periods (single-pass priority rule: ${r.stats.initialMakespan})`,
    `  lower bound  ${r.lowerBound} (critical path ${r.stats.criticalPathBound}, resources ${r.stats.resourceBound}, disjunctive ${r.stats.disjunctiveBound})${r.status === 'feasible' ? `, gap ${gap.toFixed(1)} %` : ''}`,
    `  search       ${r.stats.schedules.toLocaleString('en-US')} schedules in ${(r.stats.elapsedMs / 1000).toFixed(2)} s`,
    '',
    `  ${'item'.padEnd(20)} ${'start'.padStart(6)} ${'end'.padStart(6)} ${'deadline'.padStart(8)}`,
  ];
  const items = [...problem.items].sort((a, b) => r.starts[a.id] - r.starts[b.id] || (a.id < b.id ? -1 : 1));
  for (const it of items.slice(0, MAX_ROWS))
    lines.push(
      `  ${it.id.padEnd(20)} ${String(r.starts[it.id]).padStart(6)} ${String(r.ends[it.id]).padStart(6)} ${String(it.deadline ?? '').padStart(8)}`,
    );
  if (items.length > MAX_ROWS) lines.push(`  … ${items.length - MAX_ROWS} more (use --json for all)`);
  lines.push('');
  if (r.late.length === 0) lines.push('Every deadline is met.');
  else {
    lines.push(`${r.late.length} item(s) late:`);
    for (const l of r.late.slice(0, MAX_ROWS))
      lines.push(
        `  ${l.id.padEnd(20)} ends ${l.end}, due ${l.deadline} (+${l.slip}): ${describeCause(l.cause)}`,
      );
    if (r.late.length > MAX_ROWS) lines.push(`  … ${r.late.length - MAX_ROWS} more`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `sextant schedule problem.json [--time-limit S] [--objective makespan|priority] [--json]`: roadmap scheduling. */
export function registerScheduleCommand(program: Command): void {
  program
    .command('schedule')
    .description(
      'Resource-constrained roadmap scheduling from a plain JSON file (format: docs/scheduling.md)',
    )
    .argument('<problem>', 'problem JSON file: { resources: [...], items: [...] }')
    .option('--time-limit <seconds>', 'seconds the improvement search may run', '2')
    .option(
      '--objective <objective>',
      'makespan (shortest roadmap) or priority (high priority first)',
      'makespan',
    )
    .option('--seed <n>', 'local-search seed', '1')
    .option('--json', 'print { status, makespan, lowerBound, starts, late } only')
    .action(async (file: string, flags: ScheduleFlags) => {
      const seconds = parseTimeLimit(flags.timeLimit);
      if (flags.objective !== 'makespan' && flags.objective !== 'priority')
        throw new CliError(`--objective must be makespan or priority, got "${flags.objective}"`, 2);
      const seed = Number(flags.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new CliError(`--seed must be a whole number ≥ 0`, 2);
      const problem = await readJsonFile(file, scheduleProblemSchema);
      const bar =
        flags.json || seconds < 0.5
          ? undefined
          : new SingleBar({
              format: 'scheduling [{bar}] {value}/{total} s (stops early at the lower bound)',
              stream: process.stderr,
            });
      const total = Math.ceil(seconds);
      bar?.start(total, 0);
      const started = Date.now();
      const tick =
        bar && setInterval(() => bar.update(Math.min(total, Math.floor((Date.now() - started) / 1000))), 200);
      let result: ScheduleResult;
      try {
        result = await scheduleProblem(problem, {
          timeLimitSeconds: seconds,
          objective: flags.objective as ScheduleObjective,
          seed,
        });
      } catch (err) {
        if (err instanceof ScheduleInputError) throw new CliError(`${file}: ${err.message}`, 2);
        throw err;
      } finally {
        if (tick) clearInterval(tick);
        bar?.update(total);
        bar?.stop();
        await closeWorkerPool();
      }
      if (flags.json) {
        const { status, makespan, lowerBound, starts, late } = result;
        process.stdout.write(`${JSON.stringify({ status, makespan, lowerBound, starts, late })}\n`);
        if (status === 'infeasible') {
          process.stderr.write(`sextant: infeasible: ${result.message}\n`);
          process.exitCode = 1;
        }
        return;
      }
      if (result.status === 'infeasible') throw new CliError(`infeasible: ${result.message}`, 1);
      printReport(problem, result);
    });
}

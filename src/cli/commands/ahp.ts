import type { Command } from 'commander';
import { ahpProblemSchema } from '../../domain/ahpProblem.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AhpReport, computeAhp } from '../../services/ahp.ts';
import { CliError } from '../cliError.ts';
import { readJsonFile } from '../readJsonFile.ts';

/** Exit status when the judgments are too inconsistent (CR > 0.1): distinct from a malformed file (2). */
export const EXIT_INCONSISTENT = 3;

function printReport(r: AhpReport): void {
  const names = Object.keys(r.weights);
  const width = Math.max(4, ...names.map((n) => n.length));
  const lines = ['AHP weights (principal eigenvector, Saaty 1980)', ''];
  for (const name of [...names].sort((a, b) => r.weights[b] - r.weights[a])) {
    const w = r.weights[name];
    lines.push(
      `  ${name.padEnd(width)}  ${(w * 100).toFixed(1).padStart(5)} %  ${'█'.repeat(Math.round(w * 40))}`,
    );
  }
  lines.push(
    '',
    `  λmax ${r.lambdaMax.toFixed(3)}   CI ${r.consistencyIndex.toFixed(3)}   CR ${r.consistencyRatio.toFixed(3)} (≤ 0.1: consistent enough)`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `sextant ahp matrix.json [--json]`: weights and consistency of a pairwise comparison matrix. */
export function registerAhpCommand(program: Command): void {
  program
    .command('ahp')
    .description('weights from a pairwise comparison matrix (AHP); refuses a consistency ratio above 0.1')
    .argument('<matrix>', 'JSON file: { "items": [names], "matrix": [[1, 3, "1/5"], …] }')
    .option('--json', 'print { weights, lambdaMax, consistencyIndex, consistencyRatio } only')
    .action(async (file: string, flags: { json?: boolean }) => {
      const problem = await readJsonFile(file, ahpProblemSchema);
      let report: AhpReport;
      try {
        report = computeAhp(problem);
      } catch (err) {
        if (err instanceof DomainError) {
          throw new CliError(`${file}: ${err.message}`, err.code === 'unprocessable' ? EXIT_INCONSISTENT : 2);
        }
        throw err;
      }
      if (flags.json) {
        const { weights, lambdaMax, consistencyIndex, consistencyRatio } = report;
        process.stdout.write(
          `${JSON.stringify({ weights, lambdaMax, consistencyIndex, consistencyRatio })}\n`,
        );
      } else {
        printReport(report);
      }
    });
}

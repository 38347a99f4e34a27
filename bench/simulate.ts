/**
 * Monte Carlo benchmark: 100,000 trials × 200 initiatives, Sextant's engine (in-thread, and through the
 * worker pool as the CLI runs it) against the same vectorized simulation in numpy, in one run on one machine.
 *
 *   node --import tsx bench/simulate.ts [--quick]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SimulateProblem, simulateProblemSchema } from '../src/domain/simulateProblem.ts';
import { simulatePortfolio } from '../src/engine/finance/portfolioSimulation.ts';
import { nextUint32, seedXoshiro128 } from '../src/engine/finance/xoshiro128.ts';
import { simulateProblem } from '../src/services/simulateProblem.ts';
import { closeWorkerPool } from '../src/services/workerPool.ts';

const quick = process.argv.includes('--quick');
const trials = quick ? 10_000 : 100_000;
const itemCount = 200;
const repeats = quick ? 1 : 5;
const seed = 2026;

/** A reproducible problem: 200 initiatives with varied probabilities, costs, benefits and timing. */
function generateProblem(n: number): SimulateProblem {
  const rng = seedXoshiro128(12345);
  const u = () => nextUint32(rng) / 2 ** 32;
  const tri = (scale: number) => {
    const low = Math.round(scale * (0.5 + u() * 0.5));
    const likely = low + Math.round(scale * u() * 0.5);
    return { low, likely, high: likely + Math.round(scale * u()) };
  };
  const items = Array.from({ length: n }, (_, i) => {
    const first = 1 + Math.floor(u() * 4);
    return {
      id: `I${i + 1}`,
      probability: Math.round((0.3 + 0.7 * u()) * 100) / 100,
      costPeriod: Math.floor(u() * 3),
      cost: tri(50 + u() * 450),
      benefit: tri(40 + u() * 160),
      benefitPeriods: [first, first + 3 + Math.floor(u() * 8)],
    };
  });
  return simulateProblemSchema.parse({ discountRate: 0.08, target: 25_000, items });
}

interface Row {
  name: string;
  seconds: number;
  mean: number;
  stdev: number;
  p10: number;
  p50: number;
  p90: number;
  probabilityOfTarget: number | null;
}

async function main(): Promise<void> {
  const problem = generateProblem(itemCount);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-bench-'));
  const file = path.join(dir, 'problem.json');
  writeFileSync(file, JSON.stringify(problem));
  const rows: Row[] = [];

  // In-thread engine: warm up once (JIT), then best of `repeats`.
  simulatePortfolio(problem, { trials: Math.min(trials, 20_000), seed });
  let best = Number.POSITIVE_INFINITY;
  let engine = simulatePortfolio(problem, { trials, seed });
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    engine = simulatePortfolio(problem, { trials, seed });
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  rows.push({ name: 'Sextant engine, 1 thread', seconds: best, ...engine });

  // Worker pool (what `sextant simulate` runs): the first call also starts the threads; reported apart.
  const first = await simulateProblem(problem, { trials, seed });
  best = Number.POSITIVE_INFINITY;
  let pooled = first;
  for (let k = 0; k < repeats; k++) {
    pooled = await simulateProblem(problem, { trials, seed });
    best = Math.min(best, pooled.seconds);
  }
  rows.push({ ...pooled, name: `Sextant worker pool (${os.availableParallelism()} cores)`, seconds: best });
  rows.push({ ...first, name: '  … first call incl. thread start' });
  await closeWorkerPool();

  // numpy baseline, same problem file, same trial count; its own timer excludes interpreter start-up.
  const script = fileURLToPath(new URL('./simulate_numpy.py', import.meta.url));
  let numpy: Row | null = null;
  for (let k = 0; k < Math.max(1, repeats); k++) {
    const run = spawnSync('python3', [script, file, String(trials), String(seed)], { encoding: 'utf8' });
    if (run.status !== 0) {
      process.stderr.write(`numpy baseline failed: ${run.stderr}\n`);
      break;
    }
    const r = JSON.parse(run.stdout) as Omit<Row, 'name'>;
    if (!numpy || r.seconds < numpy.seconds) numpy = { name: 'numpy baseline (PCG64, vectorized)', ...r };
  }
  if (numpy) rows.push(numpy);

  const f = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));
  const header = [
    'implementation',
    'seconds',
    'speed vs numpy',
    'mean',
    'stdev',
    'P10',
    'P50',
    'P90',
    'P(≥ target)',
  ];
  const table = rows.map((r) => [
    r.name,
    f(r.seconds, 3),
    numpy ? `${(numpy.seconds / r.seconds).toFixed(2)}×` : '—',
    f(r.mean),
    f(r.stdev),
    f(r.p10),
    f(r.p50),
    f(r.p90),
    f(r.probabilityOfTarget, 4),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const line = (cells: string[]) => `| ${cells.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
  console.log(
    `simulate: ${trials.toLocaleString('en-US')} trials × ${itemCount} initiatives, seed ${seed}, best of ${repeats}; ` +
      `exact expected value ${engine.expectedValue.toFixed(1)} (engine mean ± 3 SE: ${engine.mean.toFixed(1)} ± ${(3 * engine.standardError).toFixed(1)})`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores`);
}

await main();

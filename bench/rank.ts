/**
 * Re-ranking benchmark: a portfolio of 100,000 features and 1,000,000 feedback links (50 segments, 20,000
 * customers). Sextant's columnar engine (in-thread, and through the worker pool as the server runs it)
 * against the same computation in numpy and against a plain object-by-object TypeScript implementation,
 * all in one run on one machine, with the results checked equal.
 *
 *   node --import tsx bench/rank.ts [--quick]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextUint32, seedXoshiro128 } from '../src/engine/finance/xoshiro128.ts';
import {
  computePriorities,
  type PriorityColumns,
  type PriorityResult,
  resolvePriorityOptions,
} from '../src/engine/scoring/portfolioPriority.ts';
import {
  buildPriorityColumns,
  explainPriorities,
  type FeatureRankingInput,
  type FeedbackLinkInput,
  type PriorityFeatureInput,
} from '../src/engine/scoring/rankFeatures.ts';
import { referencePriorities } from '../src/engine/scoring/referencePriority.ts';
import { closeWorkerPool, runInWorker } from '../src/services/workerPool.ts';
import type { RankWorkerInput } from '../src/services/workers/rankWorker.ts';

const quick = process.argv.includes('--quick');
const FEATURES = quick ? 10_000 : 100_000;
const LINKS = quick ? 100_000 : 1_000_000;
const SEGMENTS = 50;
const CUSTOMERS = quick ? 2_000 : 20_000;
const repeats = quick ? 2 : 5;
const options = { topSegments: 10, capacityShort: true };

/** A reproducible portfolio: 20 % base features, the rest target 1–3 segments; links spread over a year. */
function generate(): FeatureRankingInput {
  const rng = seedXoshiro128(4242);
  const u = () => nextUint32(rng) / 2 ** 32;
  const int = (n: number) => Math.floor(u() * n);
  const raw = Array.from({ length: SEGMENTS }, () => u() ** 2);
  const total = raw.reduce((t, x) => t + x, 0);
  const weights = raw.map((x) => x / total).sort((a, b) => b - a);
  const segments = weights.map((weight, k) => ({
    segmentId: `S${k}`,
    name: `Segment ${k}`,
    rank: k + 1,
    weight,
  }));
  const impact = () => ({ revenue: int(4), retention: int(4), adoption: int(4) });
  const features: PriorityFeatureInput[] = Array.from({ length: FEATURES }, (_, k) => {
    const base = u() < 0.2;
    const targets = [...new Set(Array.from({ length: 1 + int(3) }, () => `S${int(SEGMENTS)}`))];
    const estimated = base ? Array.from({ length: 5 }, () => `S${int(SEGMENTS)}`) : targets;
    return {
      id: `F${k}`,
      productId: `P${k % 40}`,
      title: `Feature ${k}`,
      scope: base ? 'base' : 'segment_specific',
      targetSegmentIds: base ? [] : targets,
      impactBySegment: Object.fromEntries(estimated.map((s) => [s, impact()])),
      pulledBack: u() < 0.01 ? { rationale: 'customer promise' } : null,
    };
  });
  const customers = Array.from({ length: CUSTOMERS }, (_, k) => ({
    id: `C${k}`,
    segmentId: u() < 0.05 ? null : `S${int(SEGMENTS)}`,
    annualRevenue: Math.round(1_000 * Math.exp(6 * u())),
  }));
  const t0 = Date.UTC(2025, 0, 1);
  const links: FeedbackLinkInput[] = Array.from({ length: LINKS }, () => ({
    // Demand is skewed: a tenth of the features get half of the feedback.
    featureId: `F${u() < 0.5 ? int(FEATURES / 10) : int(FEATURES)}`,
    customerId: u() < 0.1 ? null : `C${int(CUSTOMERS)}`,
    importance: int(4),
    createdAt: t0 + int(365 * 86_400_000),
  }));
  return { segments, features, customers, links };
}

/**
 * Median wall-clock and CPU milliseconds over n runs after a warm-up. CPU time (process.cpuUsage) is
 * reported beside wall time because the benchmark machine is shared: other processes stretch wall time,
 * much less the CPU time this process actually spent.
 */
function timeIt<T>(fn: () => T, n: number): { median: number; cpu: number; value: T } {
  const times: number[] = [];
  const cpus: number[] = [];
  let value = fn();
  for (let k = 0; k < n; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { median: median(times), cpu: median(cpus), value };
}

async function timeAsync<T>(fn: () => Promise<T>, n: number): Promise<{ median: number; value: T }> {
  const times: number[] = [];
  let value = await fn();
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], value };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}

/** Writes every column as a raw little-endian file for the numpy baseline. */
function writeColumns(dir: string, columns: PriorityColumns): void {
  const types: Record<string, string> = {};
  for (const [name, array] of Object.entries(columns) as [string, ArrayBufferView][]) {
    writeFileSync(
      path.join(dir, `${name}.bin`),
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    );
    types[name] = {
      Float64Array: '<f8',
      Float32Array: '<f4',
      Int32Array: '<i4',
      Uint8Array: 'u1',
    }[array.constructor.name] as string;
  }
  writeFileSync(
    path.join(dir, 'meta.json'),
    JSON.stringify({ types, options: resolvePriorityOptions(options) }),
  );
}

async function main(): Promise<void> {
  const tGen = performance.now();
  const input = generate();
  const genSeconds = (performance.now() - tGen) / 1000;

  const build = timeIt(() => buildPriorityColumns(input), Math.min(3, repeats));
  const { columns } = build.value;
  const engine = timeIt(() => computePriorities(columns, options), repeats);
  const result: PriorityResult = engine.value;
  const page = timeIt(
    () => explainPriorities(input, columns, result, options, { start: 0, end: 50 }),
    repeats,
  );

  const worker = await timeAsync(
    () =>
      runInWorker<RankWorkerInput, PriorityResult>(
        new URL('../src/services/workers/rankWorker.ts', import.meta.url),
        {
          columns,
          options,
        },
      ),
    repeats,
  );
  await closeWorkerPool();

  const naive = timeIt(() => referencePriorities(input, options), Math.min(2, repeats));
  const naiveScores = naive.value.map((r) => r.score);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-rank-'));
  writeColumns(dir, columns);
  const script = fileURLToPath(new URL('./rank_numpy.py', import.meta.url));
  let numpySeconds: number | null = null;
  let numpyCpu: number | null = null;
  let numpyDiff: number | null = null;
  let numpyOrderEqual = false;
  for (let k = 0; k < Math.min(3, repeats); k++) {
    const run = spawnSync('python3', [script, dir], { encoding: 'utf8' });
    if (run.status !== 0) {
      process.stderr.write(`numpy baseline failed: ${run.stderr}\n`);
      break;
    }
    const { seconds, cpuSeconds } = JSON.parse(run.stdout) as { seconds: number; cpuSeconds: number };
    numpySeconds = numpySeconds === null ? seconds : Math.min(numpySeconds, seconds);
    numpyCpu = numpyCpu === null ? cpuSeconds : Math.min(numpyCpu, cpuSeconds);
  }
  if (numpySeconds !== null) {
    const bytes = readFileSync(path.join(dir, 'score.f64'));
    const scores = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    numpyDiff = maxDiff(scores, result.score);
    const orderBytes = readFileSync(path.join(dir, 'order.i32'));
    const order = new Int32Array(orderBytes.buffer, orderBytes.byteOffset, orderBytes.byteLength / 4);
    numpyOrderEqual = order.every((x, k) => x === result.order[k]);
  }

  const engineMs = engine.median;
  const rows: [string, number | null, number | null, string][] = [
    ['Sextant engine: computePriorities (columns, 1 thread)', engineMs, engine.cpu, 'the re-ranking itself'],
    [
      'Sextant worker pool: same, incl. structured clone both ways',
      worker.median,
      null,
      'what the server runs',
    ],
    [
      'numpy baseline (same columns, vectorized)',
      numpySeconds === null ? null : numpySeconds * 1000,
      numpyCpu === null ? null : numpyCpu * 1000,
      'file loading excluded',
    ],
    [
      'naive TypeScript, object by object (referencePriorities)',
      naive.median,
      naive.cpu,
      'Maps, one object per link',
    ],
    ['buildPriorityColumns from plain objects', build.median, build.cpu, 'once per load, not per re-rank'],
    ['explain the first page (50 features)', page.median, page.cpu, 'breakdowns for the API'],
  ];
  const parked = result.parked.reduce((t, x) => t + x, 0);
  console.log(
    `rank: ${FEATURES.toLocaleString('en-US')} features, ${LINKS.toLocaleString('en-US')} feedback links, ` +
      `${SEGMENTS} segments, ${CUSTOMERS.toLocaleString('en-US')} customers; median of ${repeats} after a warm-up ` +
      `(data generated in ${genSeconds.toFixed(1)} s); ${parked.toLocaleString('en-US')} features parked`,
  );
  const header = ['step', 'wall ms', 'vs engine', 'CPU ms', 'CPU vs engine', 'note'];
  const table = rows.map(([name, ms, cpu, note]) => [
    name,
    ms === null ? '—' : ms.toFixed(1),
    ms === null ? '—' : `${(ms / engineMs).toFixed(2)}×`,
    cpu === null ? '—' : cpu.toFixed(1),
    cpu === null ? '—' : `${(cpu / engine.cpu).toFixed(2)}×`,
    note,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const line = (cells: string[]) => `| ${cells.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
  console.log(
    `checks: max |score − naive| = ${maxDiff(result.score, naiveScores).toExponential(1)}, ` +
      `max |score − numpy| = ${numpyDiff === null ? '—' : numpyDiff.toExponential(1)}, ` +
      `numpy order identical: ${numpySeconds === null ? '—' : numpyOrderEqual}, ` +
      `worker result identical: ${maxDiff(worker.value.score, result.score) === 0}; ` +
      `engine target < 1000 ms: ${engineMs < 1000 ? 'met' : 'MISSED'}`,
  );
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores`);
}

await main();

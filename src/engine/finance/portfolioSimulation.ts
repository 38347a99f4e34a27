import type { SimulateProblem } from '../../domain/simulateProblem.ts';
import { type Histogram, histogram } from './histogram.ts';
import { percentileOfSorted } from './percentile.ts';
import { type SimulationChunk, simulateChunk } from './simulateChunk.ts';
import { buildSimulationModel, type SimulationModel } from './simulationModel.ts';

export const DEFAULT_TRIALS = 100_000;
export const DEFAULT_SEED = 1;
/** Trials per block; fixed (not tied to the thread count) so results depend only on seed and trials. */
export const CHUNK_TRIALS = 10_000;

export interface SimulationOptions {
  trials?: number;
  seed?: number;
  /** Histogram bins (default 40). */
  bins?: number;
}

/** One bar of the tornado: how much one initiative drives the spread of portfolio value. */
export interface TornadoEntry {
  id: string;
  /** Simulated mean of the item's contribution. */
  mean: number;
  /** Simulated standard deviation of the item's contribution. */
  stdev: number;
  /** Item variance / Σ item variances (items are independent, so this is its share of total variance). */
  varianceShare: number;
  /** Portfolio value with this item at its worst outcome and every other item at its expected value. */
  low: number;
  /** Portfolio value with this item at its best outcome and every other item at its expected value. */
  high: number;
}

export interface SimulationSummary {
  trials: number;
  seed: number;
  mean: number;
  stdev: number;
  /** stdev / √trials: the Monte Carlo error of `mean`. */
  standardError: number;
  /** Exact expected value computed in closed form, for comparison with `mean`. */
  expectedValue: number;
  min: number;
  max: number;
  p10: number;
  p50: number;
  p90: number;
  target: number | null;
  /** P(value ≥ target); null without a target. */
  probabilityOfTarget: number | null;
  histogram: Histogram;
  /** Sorted by varianceShare, largest first. */
  tornado: TornadoEntry[];
}

/** Splits `trials` into blocks of CHUNK_TRIALS (the last one shorter). */
export function planChunks(trials: number): { index: number; trials: number }[] {
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError('trials must be a positive integer');
  const out: { index: number; trials: number }[] = [];
  for (let index = 0, start = 0; start < trials; index++, start += CHUNK_TRIALS) {
    out.push({ index, trials: Math.min(CHUNK_TRIALS, trials - start) });
  }
  return out;
}

/**
 * Merges simulated blocks (in block order) into the summary: mean, sample standard deviation, P10/P50/P90
 * (type-7 percentiles of the sorted values), probability of reaching the target, a histogram and the tornado.
 */
export function summarizeSimulation(
  problem: SimulateProblem,
  model: SimulationModel,
  chunks: readonly SimulationChunk[],
  seed: number,
  bins = 40,
): SimulationSummary {
  const trials = chunks.reduce((n, c) => n + c.values.length, 0);
  const values = new Float64Array(trials);
  let offset = 0;
  for (const c of chunks) {
    values.set(c.values, offset);
    offset += c.values.length;
  }
  let sum = 0;
  for (let j = 0; j < trials; j++) sum += values[j];
  const mean = sum / trials;
  let sq = 0;
  let hits = 0;
  const target = problem.target ?? null;
  for (let j = 0; j < trials; j++) {
    const d = values[j] - mean;
    sq += d * d;
    if (target !== null && values[j] >= target) hits++;
  }
  const stdev = trials > 1 ? Math.sqrt(sq / (trials - 1)) : 0;
  const hist = histogram(values, bins);
  values.sort();

  const nItems = model.ids.length;
  const expectedValue = model.expectedContribution.reduce((a, b) => a + b, 0);
  const variances = new Float64Array(nItems);
  const means = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let s = 0;
    let ss = 0;
    for (const c of chunks) {
      s += c.itemShiftedSum[i];
      ss += c.itemShiftedSumSq[i];
    }
    means[i] = model.expectedContribution[i] + s / trials;
    variances[i] = trials > 1 ? Math.max(0, (ss - (s * s) / trials) / (trials - 1)) : 0;
  }
  const totalVariance = variances.reduce((a, b) => a + b, 0);
  const tornado: TornadoEntry[] = problem.items.map((item, i) => {
    const others = expectedValue - model.expectedContribution[i];
    const dc = model.costDiscount[i];
    const annuity = model.benefitAnnuity[i];
    const outcomes: number[] = [];
    if (item.probability < 1) outcomes.push(0);
    if (item.probability > 0) outcomes.push(item.benefit.low * annuity, item.benefit.high * annuity);
    return {
      id: item.id,
      mean: means[i],
      stdev: Math.sqrt(variances[i]),
      varianceShare: totalVariance > 0 ? variances[i] / totalVariance : 0,
      low: others - item.cost.high * dc + Math.min(...outcomes),
      high: others - item.cost.low * dc + Math.max(...outcomes),
    };
  });
  tornado.sort((a, b) => b.varianceShare - a.varianceShare || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return {
    trials,
    seed,
    mean,
    stdev,
    standardError: stdev / Math.sqrt(trials),
    expectedValue,
    min: values[0],
    max: values[trials - 1],
    p10: percentileOfSorted(values, 0.1),
    p50: percentileOfSorted(values, 0.5),
    p90: percentileOfSorted(values, 0.9),
    target,
    probabilityOfTarget: target === null ? null : hits / trials,
    histogram: hist,
    tornado,
  };
}

/**
 * Monte Carlo of portfolio value, in the calling thread (the service runs the same blocks on worker
 * threads and gets identical numbers). Seeded and reproducible: same problem, trials and seed → same summary.
 */
export function simulatePortfolio(
  problem: SimulateProblem,
  options: SimulationOptions = {},
): SimulationSummary {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const model = buildSimulationModel(problem);
  const chunks = planChunks(trials).map((c) => simulateChunk(model, seed, c.index, c.trials));
  return summarizeSimulation(problem, model, chunks, seed, options.bins);
}

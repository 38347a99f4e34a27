import type { SimulateProblem } from '../domain/simulateProblem.ts';
import {
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  planChunks,
  type SimulationSummary,
  summarizeSimulation,
} from '../engine/finance/portfolioSimulation.ts';
import type { SimulationChunk } from '../engine/finance/simulateChunk.ts';
import { buildSimulationModel } from '../engine/finance/simulationModel.ts';
import { runInWorker } from './workerPool.ts';
import type { SimulateWorkerInput } from './workers/simulateWorker.ts';

export interface SimulateProblemOptions {
  /** Number of trials (default 100,000). */
  trials?: number;
  /** Generator seed (default 1); the same seed and trials give the same numbers. */
  seed?: number;
  /** Histogram bins (default 40). */
  bins?: number;
  /** Called after each finished block of trials (for a progress bar). */
  onProgress?: (doneTrials: number, totalTrials: number) => void;
  signal?: AbortSignal;
  /** Clock in milliseconds (default performance.now), injectable for tests. */
  now?: () => number;
}

export interface SimulateProblemResult extends SimulationSummary {
  /** Wall-clock seconds of the simulation (blocks on worker threads, then the summary). */
  seconds: number;
}

const workerUrl = new URL('./workers/simulateWorker.ts', import.meta.url);

/**
 * Monte Carlo of portfolio value on worker threads: the trials are split into fixed blocks that run in
 * parallel on the shared pool, then merged in block order, so the summary is identical to the engine's
 * in-thread `simulatePortfolio` for the same seed and trials, whatever the number of threads.
 */
export async function simulateProblem(
  problem: SimulateProblem,
  options: SimulateProblemOptions = {},
): Promise<SimulateProblemResult> {
  const now = options.now ?? (() => performance.now());
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const start = now();
  const plan = planChunks(trials);
  let done = 0;
  const chunks = await Promise.all(
    plan.map(async (c) => {
      const chunk = await runInWorker<SimulateWorkerInput, SimulationChunk>(
        workerUrl,
        { problem, seed, chunkIndex: c.index, trials: c.trials },
        options.signal,
      );
      done += c.trials;
      options.onProgress?.(done, trials);
      return chunk;
    }),
  );
  const summary = summarizeSimulation(problem, buildSimulationModel(problem), chunks, seed, options.bins);
  return { ...summary, seconds: (now() - start) / 1000 };
}

import type { SimulateProblem } from '../../domain/simulateProblem.ts';
import { type SimulationChunk, simulateChunk } from '../../engine/finance/simulateChunk.ts';
import { buildSimulationModel } from '../../engine/finance/simulationModel.ts';

/** One block of Monte Carlo trials, as sent to a worker thread. */
export interface SimulateWorkerInput {
  problem: SimulateProblem;
  seed: number;
  chunkIndex: number;
  trials: number;
}

/** Worker entry: simulates one block of trials (the model is rebuilt here; it costs microseconds). */
export default function simulateWorker(input: SimulateWorkerInput): SimulationChunk {
  return simulateChunk(buildSimulationModel(input.problem), input.seed, input.chunkIndex, input.trials);
}

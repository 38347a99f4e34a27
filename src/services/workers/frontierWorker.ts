import type { FrontierLevel, FrontierPoint } from '../../engine/optimize/efficientFrontier.ts';
import { solveFrontierLevels } from '../../engine/optimize/efficientFrontier.ts';
import type { RankingKey } from '../../engine/optimize/greedyScoreRanking.ts';
import { workerHighs } from './optimizeWorker.ts';

/** A run of frontier levels (ascending budgets) for one worker thread. */
export interface FrontierWorkerInput {
  levels: FrontierLevel[];
  timeLimitSeconds: number;
  relGap?: number;
  ranking?: RankingKey;
}

/** Worker entry: solves the levels in ascending order, each warm-started from the previous one. */
export default async function frontierWorker(input: FrontierWorkerInput): Promise<FrontierPoint[]> {
  const highs = await workerHighs();
  return solveFrontierLevels(input.levels, highs, {
    timeLimitSeconds: input.timeLimitSeconds,
    relGap: input.relGap,
    ranking: input.ranking,
  });
}

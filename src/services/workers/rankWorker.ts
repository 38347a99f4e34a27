import {
  computePriorities,
  type PriorityColumns,
  type PriorityOptions,
  type PriorityResult,
} from '../../engine/scoring/portfolioPriority.ts';

/** A re-ranking job: the portfolio as typed-array columns (see buildPriorityColumns) and the options. */
export interface RankWorkerInput {
  columns: PriorityColumns;
  options?: PriorityOptions;
}

/**
 * Worker entry: re-ranks the portfolio off the event loop. Typed arrays cross the thread boundary by
 * structured clone (a memcpy), and the result is columnar too; the caller explains the features it shows.
 */
export default function rankWorker(input: RankWorkerInput): PriorityResult {
  return computePriorities(input.columns, input.options);
}

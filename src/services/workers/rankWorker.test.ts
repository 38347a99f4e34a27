import { afterAll, describe, expect, it } from 'vitest';
import { computePriorities, type PriorityResult } from '../../engine/scoring/portfolioPriority.ts';
import { HAND_PORTFOLIO } from '../../engine/scoring/priorityFixture.ts';
import { buildPriorityColumns, explainPriorities } from '../../engine/scoring/rankFeatures.ts';
import { closeWorkerPool, runInWorker } from '../workerPool.ts';
import type { RankWorkerInput } from './rankWorker.ts';

afterAll(closeWorkerPool);

describe('rankWorker (worker thread)', () => {
  it('returns exactly the in-thread result, typed arrays intact, and explains a page of it', async () => {
    const { columns } = buildPriorityColumns(HAND_PORTFOLIO);
    const options = { topSegments: 2 };
    const result = await runInWorker<RankWorkerInput, PriorityResult>(
      new URL('./rankWorker.ts', import.meta.url),
      {
        columns,
        options,
      },
    );
    expect(result).toEqual(computePriorities(columns, options));
    expect(result.score).toBeInstanceOf(Float64Array);
    // Hand-computed in rankFeatures.test.ts: F2 first, then F1; the page holds just those two.
    const page = explainPriorities(HAND_PORTFOLIO, columns, result, options, { start: 0, end: 2 });
    expect(page.features.map((f) => [f.featureId, f.rank])).toEqual([
      ['F2', 1],
      ['F1', 2],
    ]);
    expect(page.features[1].score).toBeCloseTo(0.725, 12);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { scheduleProblemSchema } from '../domain/scheduleProblem.ts';
import { solveSchedule } from '../engine/schedule/solveSchedule.ts';
import { ScheduleInputError, scheduleProblem } from './scheduleProblem.ts';
import { closeWorkerPool } from './workerPool.ts';

afterAll(() => closeWorkerPool());

const problem = scheduleProblemSchema.parse({
  resources: [{ id: 'backend', capacity: 4 }],
  items: [
    { id: 'F0', duration: 2, demand: { backend: 3 } },
    { id: 'F1', duration: 3, demand: { backend: 2 }, after: ['F0'], priority: 10, deadline: 4 },
    { id: 'F2', duration: 2, demand: { backend: 2 } },
  ],
});

describe('scheduleProblem (worker thread)', () => {
  it('gives the same schedule as the engine in this thread', async () => {
    const options = { maxSchedules: 50, timeLimitSeconds: 30, seed: 7 };
    const viaWorker = await scheduleProblem(problem, options);
    const inThread = solveSchedule(problem, { maxSchedules: 50, timeLimitMs: 30_000, seed: 7 });
    expect(viaWorker.starts).toEqual(inThread.starts);
    expect(viaWorker.late).toEqual(inThread.late);
    // F0 [0,2) uses 3 of 4, so F2 (2) waits; F1 after F0 at 2 ends 5 > 4.
    expect(viaWorker.makespan).toBe(5);
    expect(viaWorker.late).toEqual([{ id: 'F1', deadline: 4, end: 5, slip: 1, cause: { after: 'F0' } }]);
  });

  it('turns bad input into a ScheduleInputError', async () => {
    const bad = { ...problem, items: [...problem.items, { ...problem.items[0], id: 'F9', after: ['nope'] }] };
    await expect(scheduleProblem(bad)).rejects.toThrow(ScheduleInputError);
    await expect(scheduleProblem(bad)).rejects.toThrow(/unknown item "nope"/);
  });
});

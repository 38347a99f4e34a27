import { describe, expect, it } from 'vitest';
import { compareScenarios } from './compareScenarios.ts';

describe('compareScenarios', () => {
  it('lists items kept, added, removed and rescheduled, with objective and usage deltas', () => {
    const c = compareScenarios(
      {
        name: 'base',
        result: {
          status: 'optimal',
          objective: 100,
          selected: ['A', { id: 'B', option: 'start-Q1' }, 'C'],
          usage: { budget: 90, eng: 4 },
        },
      },
      {
        name: 'lean',
        result: {
          status: 'optimal',
          objective: 80,
          selected: ['A', { id: 'B', option: 'start-Q2' }, 'D'],
          usage: { budget: 70, risk: 3 },
        },
      },
    );
    expect(c).toEqual({
      a: 'base',
      b: 'lean',
      objectiveA: 100,
      objectiveB: 80,
      objectiveDelta: -20,
      inBoth: ['A'],
      onlyInA: ['C'],
      onlyInB: ['D'],
      rescheduled: [{ id: 'B', optionA: 'start-Q1', optionB: 'start-Q2' }],
      usage: [
        { resource: 'budget', a: 90, b: 70, delta: -20 },
        { resource: 'eng', a: 4, b: 0, delta: -4 },
        { resource: 'risk', a: 0, b: 3, delta: 3 },
      ],
    });
  });
});

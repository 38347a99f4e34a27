import { describe, expect, it } from 'vitest';
import type { StoredInitiative } from './storedInitiatives.ts';
import { simulationItem, storedSimulateProblem } from './storedPortfolioSimulation.ts';

const base: StoredInitiative = {
  id: 'a',
  name: 'A',
  kind: 'platform',
  stage: 'approved',
  productId: null,
  segmentId: null,
  startPeriod: '2027Q3',
  costPerPeriod: [60, 40],
  benefitPerPeriod: [0, 0, 30, 30, 30, 30],
  probability: 0.8,
  costRange: null,
  benefitRange: null,
  alignment: {},
};

describe('simulationItem', () => {
  it('counts periods from the planning start and spreads a benefit range over the benefit quarters', () => {
    const item = simulationItem(
      {
        ...base,
        costRange: { low: 80, likely: 100, high: 150 },
        benefitRange: { low: 60, likely: 120, high: 180 },
      },
      '2027Q1',
    );
    expect(item).toEqual({
      id: 'a',
      probability: 0.8,
      costPeriod: 2,
      cost: { low: 80, likely: 100, high: 150 },
      benefit: { low: 15, likely: 30, high: 45 },
      benefitPeriods: [4, 7],
    });
  });

  it('uses the stored flows as certain values without ranges', () => {
    const item = simulationItem(base, '2027Q1');
    expect(item.cost).toEqual({ low: 100, likely: 100, high: 100 });
    expect(item.benefit).toEqual({ low: 30, likely: 30, high: 30 });
  });

  it('takes an initiative that started before the plan as starting at period 0', () => {
    const item = simulationItem({ ...base, startPeriod: '2026Q1' }, '2027Q1');
    expect(item.costPeriod).toBe(0);
    expect(item.benefitPeriods).toEqual([2, 5]);
  });

  it('gives an initiative without benefit a zero benefit in its start quarter', () => {
    const item = simulationItem({ ...base, benefitPerPeriod: [] }, '2027Q1');
    expect(item.benefit).toEqual({ low: 0, likely: 0, high: 0 });
    expect(item.benefitPeriods).toEqual([2, 2]);
  });

  it('builds a problem at the given rate with the target only when given', () => {
    expect(storedSimulateProblem([base], '2027Q1', 0.02)).not.toHaveProperty('target');
    expect(storedSimulateProblem([base], '2027Q1', 0.02, 5).target).toBe(5);
  });
});

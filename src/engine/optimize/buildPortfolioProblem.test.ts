import { describe, expect, it } from 'vitest';
import { portfolioInitiativeSchema, portfolioSettingsSchema } from '../../domain/optimizeProblem.ts';
import { buildPortfolioProblem, initiativeValue } from './buildPortfolioProblem.ts';

const x = portfolioInitiativeSchema.parse({
  id: 'X',
  name: 'Expand',
  costPerPeriod: [100, 50],
  benefitPerPeriod: [0, 400],
  probability: 0.5,
  alignment: { growth: 0.5, retention: 1 },
  demandPerRolePerPeriod: { eng: [2, 1], design: [1, 0] },
  requires: ['Y'],
  riskExposure: 10,
  durationPeriods: 2,
  segmentId: 'health',
});
const y = portfolioInitiativeSchema.parse({
  id: 'Y',
  name: 'Platform',
  costPerPeriod: [30],
  benefitPerPeriod: [],
  probability: 1,
  alignment: { growth: 1 },
  demandPerRolePerPeriod: {},
  requires: ['Z'],
  durationPeriods: 1,
});
const settings = portfolioSettingsSchema.parse({
  objective: 'expected_npv',
  goalWeights: { growth: 2, retention: 3 },
  discountRate: 0.1,
  periods: ['Q1', 'Q2', 'Q3'],
  budgetPerPeriod: [200, 200, 200],
  capacityPerRolePerPeriod: { eng: [3, 3, 3] },
  segmentBounds: [{ segmentId: 'health', min: 10 }],
  goalBounds: [{ goalId: 'growth', max: 500 }],
  riskCap: 25,
});

describe('initiativeValue', () => {
  it('computes each objective by hand', () => {
    // 0.5·2 + 1·3 = 4
    expect(initiativeValue(x, { ...settings, objective: 'strategic_value' }, 0)).toBe(4);
    // 0.5·400/1.1 − 100 − 50/1.1 = 181.818… − 145.4545… = 36.3636…
    expect(initiativeValue(x, settings, 0)).toBeCloseTo(36.363636, 5);
    expect(initiativeValue(x, settings, 1)).toBeCloseTo(36.363636 / 1.1, 5);
    expect(initiativeValue(x, { ...settings, objective: 'risk_adjusted' }, 0)).toBeCloseTo(26.363636, 5);
  });
});

describe('buildPortfolioProblem', () => {
  it('fixed mode: one budget per period, role capacities, risk, groups, warnings', () => {
    const { problem, warnings } = buildPortfolioProblem([x, y], settings);
    expect(problem.resources.map((r) => r.id)).toEqual([
      'budget-Q1',
      'budget-Q2',
      'budget-Q3',
      'eng-Q1',
      'eng-Q2',
      'eng-Q3',
      'risk',
    ]);
    const px = problem.items[0];
    expect(px.uses).toEqual({ 'budget-Q1': 100, 'budget-Q2': 50, 'eng-Q1': 2, 'eng-Q2': 1, risk: 10 });
    expect(px.requires).toEqual(['Y']);
    expect(problem.items[1].requires).toEqual([]);
    expect(warnings).toContain('Y requires Z, which is not among the candidates: ignored');
    expect(warnings).toContain('role design has no capacity in the settings: its demand is not limited');
    expect(problem.groups).toEqual([
      {
        id: 'segment-health',
        resource: ['budget-Q1', 'budget-Q2', 'budget-Q3'],
        items: ['X'],
        min: 10,
        max: undefined,
      },
      {
        id: 'goal-growth',
        resource: ['budget-Q1', 'budget-Q2', 'budget-Q3'],
        items: ['X', 'Y'],
        weights: { X: 0.5, Y: 1 },
        min: undefined,
        max: 500,
      },
    ]);
  });

  it('time-phased mode: one option per start that finishes inside the plan, costs shifted', () => {
    const { problem } = buildPortfolioProblem([x, y], { ...settings, timePhased: true });
    const opts = problem.items[0].options ?? [];
    expect(opts.map((o) => [o.id, o.start, o.end])).toEqual([
      ['start-Q1', 0, 1],
      ['start-Q2', 1, 2],
    ]);
    expect(opts[1].uses).toEqual({ 'budget-Q2': 100, 'budget-Q3': 50, 'eng-Q2': 2, 'eng-Q3': 1, risk: 10 });
    expect(opts[1].value).toBeCloseTo(36.363636 / 1.1, 5);
    expect((problem.items[1].options ?? []).map((o) => o.id)).toEqual(['start-Q1', 'start-Q2', 'start-Q3']);
    const delayed = buildPortfolioProblem([x, y], { ...settings, timePhased: true, maxDelay: 1 }).problem;
    expect((delayed.items[1].options ?? []).map((o) => o.id)).toEqual(['start-Q1', 'start-Q2']);
  });
});

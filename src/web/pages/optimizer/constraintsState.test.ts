import { describe, expect, it } from 'vitest';
import {
  bodyFromState,
  type ConstraintsState,
  EMPTY_CONSTRAINTS,
  fieldOfIssue,
  searchFromState,
  stateFromSearch,
} from './constraintsState.ts';

const SEG = '11111111-1111-4111-8111-111111111111';
const GOAL = '22222222-2222-4222-8222-222222222222';
const ROLE = '33333333-3333-4333-8333-333333333333';
const INI = '44444444-4444-4444-8444-444444444444';

const full: ConstraintsState = {
  objective: 'expected_npv',
  budgetShare: '',
  budgetPerPeriod: '3e6, 4000000',
  capacity: { [ROLE]: '12' },
  segmentBounds: { [SEG]: { min: '1000', max: '' } },
  goalBounds: { [GOAL]: { min: '', max: '5e5' } },
  riskCap: '250000',
  include: [INI],
  exclude: [],
  stages: ['proposed', 'approved'],
  method: 'greedy',
  timeLimitSeconds: '2',
  timePhased: false,
  maxDelay: '3',
};

describe('optimizer constraints in the URL and in the request', () => {
  it('round-trips every field through the query string, keeping unrelated parameters', () => {
    const search = searchFromState(full, new URLSearchParams('tab=run&scenario=x&objective=risk_adjusted'));
    expect(search.get('tab')).toBe('run');
    expect(search.get('scenario')).toBe('x');
    expect(stateFromSearch(search)).toEqual(full);
  });

  it('leaves defaults out of the link', () => {
    expect(searchFromState(EMPTY_CONSTRAINTS, new URLSearchParams()).toString()).toBe('');
    expect(stateFromSearch(new URLSearchParams())).toEqual(EMPTY_CONSTRAINTS);
  });

  it('builds the body the API takes: numbers parsed, percent share as a fraction, only what is set', () => {
    expect(bodyFromState(full)).toEqual({
      objective: 'expected_npv',
      budgetPerPeriod: [3_000_000, 4_000_000],
      capacityPerRolePerPeriod: { [ROLE]: 12 },
      segmentBounds: [{ segmentId: SEG, min: 1000 }],
      goalBounds: [{ goalId: GOAL, max: 500_000 }],
      riskCap: 250_000,
      include: [INI],
      stages: ['proposed', 'approved'],
      method: 'greedy',
      timeLimitSeconds: 2,
      timePhased: false,
      maxDelay: 3,
    });
    expect(bodyFromState({ ...EMPTY_CONSTRAINTS, budgetShare: '45' })).toEqual({
      objective: 'strategic_value',
      budgetShare: 0.45,
    });
  });

  it('sends text that is not a number as typed, so the server names the field', () => {
    expect(bodyFromState({ ...EMPTY_CONSTRAINTS, riskCap: 'lots' }).riskCap).toBe('lots');
  });

  it('maps API issue paths back to the form field', () => {
    const body = bodyFromState(full);
    expect(fieldOfIssue(['segmentBounds', 0, 'min'], body)).toBe(`seg.${SEG}`);
    expect(fieldOfIssue(['goalBounds', 0], body)).toBe(`goal.${GOAL}`);
    expect(fieldOfIssue(['capacityPerRolePerPeriod', ROLE, 1], body)).toBe(`cap.${ROLE}`);
    expect(fieldOfIssue(['include', 0], body)).toBe('include');
    expect(fieldOfIssue(['budgetPerPeriod'], body)).toBe('budgetPerPeriod');
  });
});

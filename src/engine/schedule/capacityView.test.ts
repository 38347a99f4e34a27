import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CapacityInput, capacityView } from './capacityView.ts';
import { type CapacityChange, whatIfCapacity } from './whatIfCapacity.ts';

const example = (): CapacityInput => ({
  periods: ['2027Q1', '2027Q2'],
  people: [
    { id: 'alice', teamId: 'A', roleId: 'dev', fte: 1 },
    { id: 'bob', teamId: 'A', roleId: 'dev', fte: 1, timeOff: [0, 0.5] },
    { id: 'carol', teamId: 'B', roleId: 'design', fte: 0.5 },
  ],
  demands: [
    {
      sourceKind: 'initiative',
      sourceId: 'I1',
      sourceName: 'Billing',
      personId: 'alice',
      perPeriod: [1.5, 0.5],
    },
    {
      sourceKind: 'feature',
      sourceId: 'F1',
      sourceName: 'Search',
      teamId: 'A',
      roleId: 'dev',
      perPeriod: [0.5, 1],
    },
    { sourceKind: 'feature', sourceId: 'F2', sourceName: 'Export', personId: 'alice', perPeriod: [0.3, 0] },
    {
      sourceKind: 'allocation',
      sourceId: 'X',
      sourceName: 'Support',
      personId: 'carol',
      perPeriod: [0.1, 0.1],
    },
  ],
});

const cell = (v: ReturnType<typeof capacityView>, level: string, key: string, period: number) =>
  v.cells.find((c) => c.level === level && c.key === key && c.period === period)!;

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('capacityView (hand-computed example)', () => {
  const view = capacityView(example());

  it('computes capacity minus time off and demand per person, team and role', () => {
    expect(cell(view, 'person', 'bob', 1)).toMatchObject({ capacity: 0.5, demand: 0, utilization: 0 });
    expect(cell(view, 'person', 'alice', 0).demand).toBeCloseTo(1.8);
    expect(cell(view, 'person', 'alice', 0).utilization).toBeCloseTo(180);
    // Team A: alice 1 + bob 1 (Q1), 1 + 0.5 (Q2); demand alice's 1.8 + team-level 0.5 = 2.3 (Q1), 0.5 + 1 = 1.5 (Q2).
    expect(cell(view, 'team', 'A', 0).capacity).toBe(2);
    expect(cell(view, 'team', 'A', 0).demand).toBeCloseTo(2.3);
    expect(cell(view, 'team', 'A', 1)).toMatchObject({ capacity: 1.5, demand: 1.5, utilization: 100 });
    expect(cell(view, 'role', 'dev', 1)).toMatchObject({ capacity: 1.5, demand: 1.5 });
    expect(cell(view, 'role', 'design', 0)).toMatchObject({ capacity: 0.5, demand: 0.1 });
    expect(cell(view, 'team', 'B', 0).utilization).toBeCloseTo(20);
  });

  it('raises over-allocation alerts naming the causes, largest first', () => {
    expect(view.alerts.map((a) => `${a.level}:${a.key}:${a.periodLabel}`).sort()).toEqual([
      'person:alice:2027Q1',
      'role:dev:2027Q1',
      'team:A:2027Q1',
    ]);
    const team = view.alerts.find((a) => a.level === 'team')!;
    expect(team.over).toBeCloseTo(0.3);
    expect(team.causes.map((c) => [c.sourceId, c.amount])).toEqual([
      ['I1', 1.5],
      ['F1', 0.5],
      ['F2', 0.3],
    ]);
    const alice = view.alerts.find((a) => a.level === 'person')!;
    expect(alice.causes).toEqual([
      { sourceKind: 'initiative', sourceId: 'I1', sourceName: 'Billing', amount: 1.5 },
      { sourceKind: 'feature', sourceId: 'F2', sourceName: 'Export', amount: 0.3 },
    ]);
  });

  it('lists under-used capacity (below 60 %)', () => {
    const under = view.underUsed.map((u) => `${u.level}:${u.key}:${u.period}`).sort();
    expect(under).toEqual([
      'person:alice:1',
      'person:bob:0',
      'person:bob:1',
      'person:carol:0',
      'person:carol:1',
      'role:design:0',
      'role:design:1',
      'team:B:0',
      'team:B:1',
    ]);
  });

  it('rejects unknown targets and bad numbers with a clear message', () => {
    const bad = example();
    bad.demands.push({
      sourceKind: 'feature',
      sourceId: 'F9',
      sourceName: 'x',
      personId: 'zed',
      perPeriod: [1],
    });
    expect(() => capacityView(bad)).toThrow(/unknown person "zed"/);
    const bad2 = example();
    bad2.demands[0].perPeriod = [1, 2, 3];
    expect(() => capacityView(bad2)).toThrow(/3 values for 2 periods/);
    const bad3 = example();
    bad3.people[0].fte = -1;
    expect(() => capacityView(bad3)).toThrow(/fte/);
  });
});

describe('whatIfCapacity', () => {
  it('shows alerts appearing when someone leaves and going when an initiative is dropped', () => {
    const input = deepFreeze(example());
    const res = whatIfCapacity(input, [
      { kind: 'removePerson', personId: 'bob' },
      { kind: 'dropInitiative', id: 'I1' },
    ]);
    // Without bob, team A has 1 FTE; Q2 demand is F1's 1 → 100 %, Q1: 0.5 + 0.3 = 0.8.
    expect(res.newAlerts).toEqual([]);
    expect(res.resolvedAlerts.map((a) => `${a.level}:${a.key}:${a.period}`).sort()).toEqual([
      'person:alice:0',
      'role:dev:0',
      'team:A:0',
    ]);
    const teamQ2 = res.deltas.find((d) => d.level === 'team' && d.key === 'A' && d.period === 1)!;
    expect(teamQ2).toMatchObject({
      capacityBefore: 1.5,
      capacityAfter: 1,
      demandBefore: 1.5,
      demandAfter: 1,
    });
    expect(res.after.cells.some((c) => c.key === 'bob')).toBe(false);
  });

  it('raises the alert a leaver causes, and moves their own demand to their team', () => {
    // Without bob, team A Q2 has 1 FTE for 1.5 FTE of demand: a new alert on team A and role dev.
    const res = whatIfCapacity(example(), [{ kind: 'removePerson', personId: 'bob' }]);
    expect(res.newAlerts.map((x) => `${x.level}:${x.key}:${x.period}`).sort()).toEqual([
      'role:dev:1',
      'team:A:1',
    ]);
    const input = example();
    input.demands.push({
      sourceKind: 'allocation',
      sourceId: 'Y',
      sourceName: 'On call',
      personId: 'bob',
      perPeriod: [0, 0.5],
    });
    const moved = whatIfCapacity(input, [{ kind: 'removePerson', personId: 'bob' }]);
    // Team A Q2 after: capacity 1, demand F1 1 + I1 0.5 + bob's 0.5 (now on the team) = 2.
    const a = moved.after.alerts.find((x) => x.level === 'team' && x.period === 1)!;
    expect(a.demand).toBeCloseTo(2);
    expect(a.over).toBeCloseTo(1);
    expect(a.causes.map((c) => c.sourceId)).toEqual(['F1', 'I1', 'Y']);
  });

  it('delays an initiative and reports what falls past the horizon; adding a person adds capacity', () => {
    const res = whatIfCapacity(example(), [
      { kind: 'delayInitiative', id: 'I1', periods: 1 },
      { kind: 'addPerson', person: { id: 'dan', teamId: 'A', roleId: 'dev', fte: 1 } },
    ]);
    expect(cell(res.after, 'person', 'alice', 1).demand).toBeCloseTo(1.5);
    expect(res.beyondHorizon).toEqual([{ sourceId: 'I1', amount: 0.5 }]);
    expect(cell(res.after, 'team', 'A', 0).capacity).toBe(3);
    expect(() => whatIfCapacity(example(), [{ kind: 'dropInitiative', id: 'nope' }])).toThrow(/"nope"/);
  });

  it('never modifies the stored input (random change lists, deeply frozen input)', () => {
    const change: fc.Arbitrary<CapacityChange> = fc.oneof(
      fc.constantFrom<CapacityChange>(
        { kind: 'removePerson', personId: 'alice' },
        { kind: 'removePerson', personId: 'carol' },
        { kind: 'dropInitiative', id: 'I1' },
      ),
      fc
        .integer({ min: -2, max: 3 })
        .map((n): CapacityChange => ({ kind: 'delayInitiative', id: 'I1', periods: n })),
      fc.double({ min: 0, max: 2, noNaN: true }).map(
        (fte): CapacityChange => ({
          kind: 'addPerson',
          person: { id: 'new', teamId: 'B', roleId: 'dev', fte },
        }),
      ),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 4 }), (changes) => {
        const original = example();
        const snapshot = structuredClone(original);
        const frozen = deepFreeze(original);
        try {
          const res = whatIfCapacity(frozen, changes);
          // Capacity is conserved across levels: Σ persons = Σ teams = Σ roles, per period.
          for (let t = 0; t < 2; t++) {
            const sum = (level: string) =>
              res.after.cells
                .filter((c) => c.level === level && c.period === t)
                .reduce((s, c) => s + c.capacity, 0);
            expect(sum('team')).toBeCloseTo(sum('person'));
            expect(sum('role')).toBeCloseTo(sum('person'));
          }
        } catch (e) {
          // Removing a person twice or dropping twice is a clear input error, not a crash.
          expect((e as Error).name).toBe('ScheduleInputError');
        }
        expect(frozen).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ScheduleProblem,
  type ScheduleProblemInput,
  scheduleProblemSchema,
} from '../../domain/scheduleProblem.ts';
import { bruteForceMakespan } from './bruteForceMakespan.ts';
import { generateProjectInstance } from './generateProjectInstance.ts';
import { generateRoadmapInstance } from './generateRoadmapInstance.ts';
import { solveSchedule } from './solveSchedule.ts';
import { arbitraryProblem } from './testProblems.ts';
import { validateSchedule } from './validateSchedule.ts';

const parse = (p: ScheduleProblemInput) => scheduleProblemSchema.parse(p);
const quick = { maxSchedules: 300, timeLimitMs: 10_000 };

describe('solveSchedule on hand-computed examples', () => {
  it('keeps two items that cannot share the resource apart, and runs the third alongside', () => {
    // A (2 units) and B (2 units) cannot overlap under capacity 3; C (1 unit) follows A.
    // Best: A [0,3), then B and C together [3,5) → 5 = critical path A→C.
    const p = parse({
      resources: [{ id: 'r', capacity: 3 }],
      items: [
        { id: 'A', duration: 3, demand: { r: 2 } },
        { id: 'B', duration: 2, demand: { r: 2 } },
        { id: 'C', duration: 2, demand: { r: 1 }, after: ['A'] },
      ],
    });
    const res = solveSchedule(p, quick);
    expect(res.makespan).toBe(5);
    expect(res.lowerBound).toBe(5);
    expect(res.status).toBe('optimal');
    expect(res.starts).toEqual({ A: 0, B: 3, C: 3 });
    expect(validateSchedule(p, res.starts).ok).toBe(true);
  });

  it('reports the resource bound ⌈work / capacity⌉ and proves optimality with it', () => {
    // Five independent items of 1 unit × 2 periods on capacity 2: work 10 → ⌈10/2⌉ = 5.
    const p = parse({
      resources: [{ id: 'r', capacity: 2 }],
      items: Array.from({ length: 5 }, (_, i) => ({ id: `I${i}`, duration: 2, demand: { r: 1 } })),
    });
    const res = solveSchedule(p, quick);
    expect(res.stats.criticalPathBound).toBe(2);
    expect(res.stats.resourceBound).toBe(5);
    // Five 2-period blocks on 2 lanes need 3 rounds of 2 periods = 6 periods: 5 is not reachable.
    expect(res.makespan).toBe(6);
    expect(res.status).toBe('feasible');
  });

  it('uses capacity that varies per period and repeats its last value', () => {
    // Capacity 1, 1, then 3 forever: an item needing 2 units cannot start before period 2.
    const p = parse({
      resources: [{ id: 'r', capacity: [1, 1, 3] }],
      items: [
        { id: 'big', duration: 4, demand: { r: 2 } },
        { id: 'small', duration: 2, demand: { r: 1 } },
      ],
    });
    const res = solveSchedule(p, quick);
    expect(res.starts.big).toBe(2);
    expect(res.makespan).toBe(6);
    // Resource bound: work 8 + 2 = 10; cumulative capacity 1,2,5,8,11 → T = 5. Critical path 4.
    expect(res.stats.resourceBound).toBe(5);
    expect(validateSchedule(p, res.starts).ok).toBe(true);
  });

  it('says which item slips, by how much, and which resource in which period pushed it', () => {
    // One lane of capacity 2, three 2-period items needing all of it. C (priority 5) and B (priority 1)
    // are both due at 2: only one can make it, so the lower-priority B slips by 2 because r is full in period 0.
    const p = parse({
      resources: [{ id: 'r', capacity: 2 }],
      items: [
        { id: 'A', duration: 2, demand: { r: 2 }, priority: 10 },
        { id: 'B', duration: 2, demand: { r: 2 }, priority: 1, deadline: 2 },
        { id: 'C', duration: 2, demand: { r: 2 }, priority: 5, deadline: 2 },
      ],
    });
    for (const objective of ['makespan', 'priority'] as const) {
      const res = solveSchedule(p, { ...quick, objective });
      expect(res.starts).toEqual({ C: 0, B: 2, A: 4 });
      expect(res.late).toEqual([
        { id: 'B', deadline: 2, end: 4, slip: 2, cause: { resource: 'r', period: 0 } },
      ]);
    }
  });

  it('without deadlines, the priority objective finishes high-priority items first', () => {
    const p = parse({
      resources: [{ id: 'r', capacity: 1 }],
      items: [
        { id: 'low', duration: 1, demand: { r: 1 }, priority: 1 },
        { id: 'high', duration: 3, demand: { r: 1 }, priority: 9 },
      ],
    });
    const res = solveSchedule(p, { ...quick, objective: 'priority' });
    expect(res.starts).toEqual({ high: 0, low: 3 });
  });

  it('blames a predecessor or the release date when no resource is involved', () => {
    const p = parse({
      resources: [{ id: 'r', capacity: 5 }],
      items: [
        { id: 'P', duration: 3, demand: { r: 1 } },
        { id: 'Q', duration: 1, demand: { r: 1 }, after: ['P'], deadline: 2 },
        { id: 'R', duration: 2, earliest: 5, deadline: 6 },
      ],
    });
    const res = solveSchedule(p, quick);
    expect(res.late).toEqual([
      { id: 'Q', deadline: 2, end: 4, slip: 2, cause: { after: 'P' } },
      { id: 'R', deadline: 6, end: 7, slip: 1, cause: { earliest: 5 } },
    ]);
  });

  it('is infeasible, naming the item and the resource, when a demand exceeds every capacity', () => {
    const p = parse({
      resources: [{ id: 'backend', capacity: 4 }],
      items: [{ id: 'F1', duration: 3, demand: { backend: 5 } }],
    });
    const res = solveSchedule(p, quick);
    expect(res.status).toBe('infeasible');
    expect(res.makespan).toBeNull();
    expect(res.message).toMatch(/"F1".*"backend"/);
  });

  it('is infeasible when a demand fits only in early periods that are already taken', () => {
    // 3 units for 2 periods at the start, 1 unit afterwards: only one of the two items fits.
    const p = parse({
      resources: [{ id: 'r', capacity: [3, 3, 1] }],
      items: [
        { id: 'X', duration: 2, demand: { r: 2 } },
        { id: 'Y', duration: 2, demand: { r: 2 } },
      ],
    });
    const res = solveSchedule(p, quick);
    expect(res.status).toBe('infeasible');
    expect(res.message).toMatch(/"r"/);
  });

  it('is infeasible when a resource that ends at 0 cannot absorb the work', () => {
    const p = parse({
      resources: [{ id: 'r', capacity: [2, 2, 2, 0] }],
      items: [
        { id: 'X', duration: 2, demand: { r: 2 } },
        { id: 'Y', duration: 2, demand: { r: 2 } },
      ],
    });
    const res = solveSchedule(p, quick);
    expect(res.status).toBe('infeasible');
    expect(res.message).toBe(
      'resource "r" offers 6 unit-periods from period 0 on, but the items that cannot start earlier need 8',
    );
  });

  it('handles an empty problem and milestones', () => {
    expect(solveSchedule(parse({ resources: [], items: [] })).makespan).toBe(0);
    const p = parse({
      resources: [],
      items: [
        { id: 'M', duration: 0, earliest: 4 },
        { id: 'N', duration: 2, after: ['M'] },
      ],
    });
    const res = solveSchedule(p, quick);
    expect(res.starts).toEqual({ M: 4, N: 4 });
    expect(res.status).toBe('optimal');
  });

  it('stops at the time limit', () => {
    let clock = 0;
    const p = parse({
      resources: [{ id: 'r', capacity: 3 }],
      items: Array.from({ length: 30 }, (_, i) => ({
        id: `I${i}`,
        duration: 1 + (i % 4),
        demand: { r: 1 + (i % 3) },
        after: i > 2 ? [`I${i - 3}`] : [],
      })),
    });
    const res = solveSchedule(p, { timeLimitMs: 100, now: () => (clock += 10) });
    expect(res.stats.schedules).toBeLessThanOrEqual(12);
    expect(validateSchedule(p, res.starts).ok).toBe(true);
  });
});

describe('solveSchedule properties (random instances)', () => {
  it('never breaks a capacity or dependency, and never beats the brute-force optimum (≤ 6 items)', () => {
    fc.assert(
      fc.property(arbitraryProblem(6), fc.integer({ min: 1, max: 1000 }), (p, seed) => {
        const res = solveSchedule(p, { maxSchedules: 150, seed, timeLimitMs: 10_000 });
        const optimum = bruteForceMakespan(p);
        if (res.status === 'infeasible') {
          // Our capacities always end ≥ every demand, so a schedule exists.
          return false;
        }
        const check = validateSchedule(p, res.starts);
        expect(check.violations).toEqual([]);
        expect(res.lowerBound).toBeLessThanOrEqual(optimum);
        expect(res.makespan!).toBeGreaterThanOrEqual(optimum);
        if (res.status === 'optimal') expect(res.makespan).toBe(optimum);
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('finds the brute-force optimum on tiny single-resource instances', () => {
    let hits = 0;
    let runs = 0;
    fc.assert(
      fc.property(arbitraryProblem(5, 3, 1), (p) => {
        runs++;
        const res = solveSchedule(p, { maxSchedules: 400, timeLimitMs: 10_000 });
        if (res.makespan === bruteForceMakespan(p)) hits++;
      }),
      { numRuns: 100, seed: 42 },
    );
    // A heuristic, so not always — but on 5 items it should almost always be exact.
    expect(hits / runs).toBeGreaterThanOrEqual(0.95);
  });

  it('improvement never ends later than the single-pass priority-rule schedule (30 items)', () => {
    fc.assert(
      fc.property(arbitraryProblem(30, 5, 3), (p) => {
        const single = solveSchedule(p, { singlePass: true });
        const improved = solveSchedule(p, { maxSchedules: 100, timeLimitMs: 10_000 });
        expect(validateSchedule(p, single.starts).ok).toBe(true);
        expect(validateSchedule(p, improved.starts).violations).toEqual([]);
        expect(improved.makespan!).toBeLessThanOrEqual(single.makespan!);
        expect(improved.makespan!).toBeGreaterThanOrEqual(improved.lowerBound);
        for (const late of improved.late) {
          expect(late.end).toBe(improved.ends[late.id]);
          expect(late.slip).toBe(late.end - late.deadline);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('priority objective', () => {
  it('never has more priority-weighted lateness than the plain LFT schedule (random instances)', () => {
    const weightedLateness = (p: ScheduleProblem, ends: Record<string, number>) =>
      p.items.reduce(
        (sum, it) =>
          sum +
          (it.deadline === undefined
            ? 0
            : (1 + Math.max(0, it.priority)) * Math.max(0, ends[it.id] - it.deadline)),
        0,
      );
    fc.assert(
      fc.property(arbitraryProblem(25, 4, 2), (p) => {
        const plain = solveSchedule(p, { singlePass: true });
        const priority = solveSchedule(p, { objective: 'priority', maxSchedules: 60, timeLimitMs: 10_000 });
        expect(validateSchedule(p, priority.starts).violations).toEqual([]);
        expect(weightedLateness(p, priority.ends)).toBeLessThanOrEqual(weightedLateness(p, plain.ends));
      }),
      { numRuns: 60 },
    );
  });
});

describe('solveSchedule on generated benchmark instances', () => {
  it('returns valid schedules between the lower bound and the single-pass schedule (ProGen-style j30)', () => {
    for (const [k, rs] of [0.2, 0.5, 0.7, 1].entries()) {
      const p = generateProjectInstance({
        items: 30,
        resources: 4,
        networkComplexity: 1.8,
        resourceFactor: 0.75,
        resourceStrength: rs,
        seed: 100 + k,
      });
      const single = solveSchedule(p, { singlePass: true });
      const res = solveSchedule(p, { maxSchedules: 300, timeLimitMs: 10_000 });
      expect(validateSchedule(p, single.starts).violations).toEqual([]);
      expect(validateSchedule(p, res.starts).violations).toEqual([]);
      expect(res.makespan!).toBeGreaterThanOrEqual(res.lowerBound);
      expect(res.makespan!).toBeLessThanOrEqual(single.makespan!);
    }
  });

  it('returns a valid schedule with explained lateness for a product-scale roadmap (500 items, capacity per period)', () => {
    const p = generateRoadmapInstance({ items: 500, teams: 10, periods: 12, seed: 3 });
    for (const objective of ['makespan', 'priority'] as const) {
      const res = solveSchedule(p, { objective, maxSchedules: 20, timeLimitMs: 10_000 });
      expect(validateSchedule(p, res.starts).violations).toEqual([]);
      const byId = new Map(p.items.map((it) => [it.id, it]));
      for (const late of res.late) {
        const it = byId.get(late.id)!;
        expect(late.end).toBe(res.starts[late.id] + it.duration);
        expect(late.end).toBeGreaterThan(it.deadline!);
        if ('after' in late.cause) expect(it.after).toContain(late.cause.after);
        if ('resource' in late.cause) expect(Object.keys(it.demand)).toContain(late.cause.resource);
      }
    }
  });
});

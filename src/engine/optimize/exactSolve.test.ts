import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { type OptimizeProblemInput, optimizeProblemSchema } from '../../domain/optimizeProblem.ts';
import { bruteForce } from './bruteForce.ts';
import { checkSelection } from './checkSelection.ts';
import { type CompiledProblem, choiceToSelection, choiceValue, compileProblem } from './compileProblem.ts';
import { exactSolve, type SolveOutcome } from './exactSolve.ts';
import { greedySolve } from './greedySolve.ts';
import { randomProblem } from './randomProblem.ts';
import { arbitraryPacking, arbitraryShape } from './testShapes.ts';

// The package's types describe a CommonJS default; under ESM the default export is the loader itself.
const highs = await (highsLoader as unknown as typeof import('highs')['default'])();
const compile = (p: OptimizeProblemInput) => compileProblem(optimizeProblemSchema.parse(p));

describe('exactSolve on hand-computed examples', () => {
  // The textbook 0/1 knapsack: values 60/100/120, weights 10/20/30, capacity 50 → 220 (items 2 and 3).
  const knapsack = compile({
    resources: [{ id: 'w', capacity: 50 }],
    items: [
      { id: 'a', value: 60, uses: { w: 10 } },
      { id: 'b', value: 100, uses: { w: 20 } },
      { id: 'c', value: 120, uses: { w: 30 } },
    ],
  });

  it('finds the textbook knapsack optimum 220 and proves it', () => {
    const r = exactSolve(knapsack, highs);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(220);
    expect(r.bound).toBeCloseTo(220, 6);
    expect(r.choice && choiceToSelection(knapsack, r.choice)).toEqual(['b', 'c']);
  });

  it('the ratio greedy alone stops at 160; local search reaches 220', () => {
    expect(greedySolve(knapsack, { constructionOnly: true }).value).toBe(160);
    expect(greedySolve(knapsack).value).toBe(220);
  });

  it('honours requires timing: the prerequisite must end before the dependant starts', () => {
    // B can run in periods 0-1 (value 5) or 2-3 (value 6); A needs B finished and can start at 1 or 4.
    // A@1 is incompatible with both B schedules; A@4 works with either, so B@2-3 (6) + A@4 (8) = 14.
    const cp = compile({
      resources: [{ id: 'budget', capacity: 100 }],
      items: [
        {
          id: 'A',
          requires: ['B'],
          options: [
            { id: 'start-1', start: 1, end: 2, value: 10, uses: { budget: 1 } },
            { id: 'start-4', start: 4, end: 5, value: 8, uses: { budget: 1 } },
          ],
        },
        {
          id: 'B',
          options: [
            { id: 'early', start: 0, end: 1, value: 5, uses: { budget: 1 } },
            { id: 'late', start: 2, end: 3, value: 6, uses: { budget: 1 } },
          ],
        },
      ],
    });
    const r = exactSolve(cp, highs);
    expect(r.objective).toBe(14);
    expect(r.choice && choiceToSelection(cp, r.choice)).toEqual([
      { id: 'A', option: 'start-4' },
      { id: 'B', option: 'late' },
    ]);
  });

  it('reports infeasible (no crash) when mandatory items exceed the budget', () => {
    const cp = compile({
      resources: [{ id: 'budget', capacity: 10 }],
      items: [
        { id: 'A', value: 1, uses: { budget: 8 }, mandatory: true },
        { id: 'B', value: 1, uses: { budget: 8 }, mandatory: true },
      ],
    });
    const r = exactSolve(cp, highs);
    expect(r.status).toBe('infeasible');
    expect(r.choice).toBeNull();
  });

  it('excludes, forbidden and group bounds change the answer as computed by hand', () => {
    // Without rules: A+B+C = 30. A excludes B; C forbidden; group {B,D} needs ≥ 5 budget → B or D.
    // Candidates: A+D = 10+4 = 14 (budget 9), B+D = 9+4 = 13, B alone = 9 → 14.
    const cp = compile({
      resources: [{ id: 'budget', capacity: 20 }],
      items: [
        { id: 'A', value: 10, uses: { budget: 5 }, excludes: ['B'] },
        { id: 'B', value: 9, uses: { budget: 5 } },
        { id: 'C', value: 11, uses: { budget: 5 }, forbidden: true },
        { id: 'D', value: 4, uses: { budget: 4 } },
      ],
      groups: [{ id: 'g', resource: 'budget', items: ['B', 'D'], min: 4 }],
    });
    const r = exactSolve(cp, highs);
    expect(r.objective).toBe(14);
    expect(r.choice && choiceToSelection(cp, r.choice)).toEqual(['A', 'D']);
  });
});

describe('exactSolve against brute-force enumeration (property)', () => {
  const shapes = arbitraryShape(9, 4);

  /** The solve's outcome agrees with enumeration: infeasible, or optimal with a valid plan of the best value. */
  const expectBruteForce = (cp: CompiledProblem, r: SolveOutcome): boolean => {
    const ref = bruteForce(cp);
    if (ref.choice === null) {
      expect(r.status).toBe('infeasible');
      return false;
    }
    expect(r.status).toBe('optimal');
    expect(r.choice && checkSelection(cp, r.choice)).toEqual([]);
    expect(r.choice && choiceValue(cp, r.choice)).toBeCloseTo(ref.value, 6);
    expect(r.objective).toBeCloseTo(ref.value, 6);
    return true;
  };

  it('exact equals brute force; every selection is feasible; exact ≥ greedy', () => {
    fc.assert(
      fc.property(shapes, (s) => {
        const cp = compileProblem(randomProblem(s.seed, s));
        const r = exactSolve(cp, highs, { timeLimitSeconds: 20 });
        const g = greedySolve(cp, { timeLimitMs: 50 });
        if (!expectBruteForce(cp, r)) {
          expect(g.choice).toBeNull();
          return;
        }
        if (g.choice) {
          expect(checkSelection(cp, g.choice)).toEqual([]);
          expect(r.objective ?? 0).toBeGreaterThanOrEqual(g.value - 1e-9);
        }
      }),
      { numRuns: 300, seed: 20271 },
    );
  });

  it('HiGHS alone (no branch and bound) also equals brute force', () => {
    fc.assert(
      fc.property(shapes, (s) => {
        const cp = compileProblem(randomProblem(s.seed, s));
        const r = exactSolve(cp, highs, {
          timeLimitSeconds: 20,
          steps: { branchAndBound: false, genetic: false },
        });
        if (expectBruteForce(cp, r)) expect(r.boundSource).not.toBe('branch-and-bound');
      }),
      { numRuns: 150, seed: 20272 },
    );
  });

  it('the genetic search then HiGHS (no branch and bound) equals brute force on plain packings', () => {
    fc.assert(
      fc.property(arbitraryPacking(14, 1, 4), (s) => {
        const cp = compileProblem(randomProblem(s.seed, s));
        const r = exactSolve(cp, highs, { timeLimitSeconds: 20, steps: { branchAndBound: false } });
        if (expectBruteForce(cp, r)) expect(['genetic', 'heuristic', 'solver']).toContain(r.source);
      }),
      { numRuns: 100, seed: 20273 },
    );
  });

  it('holds on 14–18 plain items with requires/excludes/mandatory/groups', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 14, max: 18 }),
        (seed, items) => {
          const cp = compileProblem(
            randomProblem(seed, {
              items,
              resources: 3,
              requiresRate: 0.08,
              excludesRate: 0.05,
              mandatoryRate: 0.05,
              groups: 1,
              tightness: 0.4,
            }),
          );
          const ref = bruteForce(cp);
          const r = exactSolve(cp, highs, { timeLimitSeconds: 20 });
          if (ref.choice === null) {
            expect(r.status).toBe('infeasible');
            return;
          }
          expect(r.choice && checkSelection(cp, r.choice)).toEqual([]);
          expect(r.objective).toBeCloseTo(ref.value, 6);
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  });
});

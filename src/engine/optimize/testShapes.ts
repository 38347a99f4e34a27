import fc from 'fast-check';
import type { RandomProblemShape } from './randomProblem.ts';

/**
 * fast-check generator of a seed and a `randomProblem` shape with every constraint kind (options,
 * requires, excludes, mandatory, forbidden, group bounds), small enough for brute-force enumeration.
 */
export function arbitraryShape(
  maxItems: number,
  maxResources: number,
): fc.Arbitrary<RandomProblemShape & { seed: number }> {
  return fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    items: fc.integer({ min: 1, max: maxItems }),
    resources: fc.integer({ min: 0, max: maxResources }),
    optionRate: fc.constantFrom(0, 0.3, 0.6),
    requiresRate: fc.constantFrom(0, 0.1, 0.25),
    excludesRate: fc.constantFrom(0, 0.1, 0.2),
    mandatoryRate: fc.constantFrom(0, 0.1),
    forbiddenRate: fc.constantFrom(0, 0.1),
    groups: fc.integer({ min: 0, max: 2 }),
    tightness: fc.constantFrom(0.25, 0.5, 0.75),
  });
}

/** Like `arbitraryShape`, but plain packings only: no options, requires, excludes or groups. */
export function arbitraryPacking(
  maxItems: number,
  minResources: number,
  maxResources: number,
): fc.Arbitrary<RandomProblemShape & { seed: number }> {
  return fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    items: fc.integer({ min: 1, max: maxItems }),
    resources: fc.integer({ min: minResources, max: maxResources }),
    mandatoryRate: fc.constantFrom(0, 0.15),
    forbiddenRate: fc.constantFrom(0, 0.15),
    tightness: fc.constantFrom(0.25, 0.5, 0.75),
  });
}

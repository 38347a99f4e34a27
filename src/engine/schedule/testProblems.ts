import fc from 'fast-check';
import { type ScheduleProblem, scheduleProblemSchema } from '../../domain/scheduleProblem.ts';

/**
 * fast-check generator of valid random scheduling problems (for the property tests): `n` items with
 * durations, demands on up to `resources` resources, backward-only dependencies (so never a cycle),
 * release dates, and capacities that vary per period but whose last value covers every demand.
 */
export function arbitraryProblem(
  maxItems: number,
  maxDuration = 3,
  resources = 2,
): fc.Arbitrary<ScheduleProblem> {
  const item = fc.record({
    duration: fc.integer({ min: 0, max: maxDuration }),
    demand: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: resources, maxLength: resources }),
    after: fc.array(fc.nat(), { maxLength: 2 }),
    earliest: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
    deadline: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    priority: fc.integer({ min: 0, max: 5 }),
  });
  const capacity = fc.oneof(
    fc.integer({ min: 3, max: 5 }),
    fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }).map((a) => [...a, 3]),
  );
  return fc
    .record({
      items: fc.array(item, { minLength: 1, maxLength: maxItems }),
      capacities: fc.array(capacity, { minLength: resources, maxLength: resources }),
    })
    .map(({ items, capacities }) =>
      scheduleProblemSchema.parse({
        resources: capacities.map((capacity, r) => ({ id: `r${r}`, capacity })),
        items: items.map((it, i) => ({
          id: `I${i}`,
          duration: it.duration,
          demand: Object.fromEntries(it.demand.map((a, r) => [`r${r}`, a])),
          after: i === 0 ? [] : [...new Set(it.after.map((a) => `I${a % i}`))],
          earliest: it.earliest,
          deadline: it.deadline,
          priority: it.priority,
        })),
      }),
    );
}

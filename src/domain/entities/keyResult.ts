import { z } from 'zod';
import { Id, Money, Name, NonNegative, Period, updateOf } from '../primitives.ts';

/**
 * A key result of a strategic goal, tied to a KPI: progress runs from `start` to `target` (either
 * direction), the current value being the KPI's latest measurement. `startPeriod`..`duePeriod` is the
 * time the goal has to get there (it decides whether the goal is off track).
 */
export const KeyResultCreate = z
  .strictObject({
    goalId: Id,
    kpiId: Id.nullable().default(null),
    name: Name,
    start: Money.default(0),
    target: Money,
    weight: NonNegative.default(1),
    startPeriod: Period.nullable().default(null),
    duePeriod: Period.nullable().default(null),
  })
  .refine((k) => !k.startPeriod || !k.duePeriod || k.startPeriod <= k.duePeriod, {
    message: 'duePeriod must not be before startPeriod',
    path: ['duePeriod'],
  });

export const KeyResultUpdate = updateOf(
  z.strictObject({
    kpiId: Id.nullable(),
    name: Name,
    start: Money,
    target: Money,
    weight: NonNegative,
    startPeriod: Period.nullable(),
    duePeriod: Period.nullable(),
  }),
);

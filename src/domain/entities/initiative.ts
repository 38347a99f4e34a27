import { z } from 'zod';
import { CustomValues, Fraction, Id, Money, Name, Period, PerPeriod, Text, updateOf } from '../primitives.ts';
import { INITIATIVE_KINDS, INITIATIVE_STAGES } from './enums.ts';

export const Range = z
  .strictObject({ low: Money, likely: Money, high: Money })
  .refine((r) => r.low <= r.likely && r.likely <= r.high, 'needs low ≤ likely ≤ high');

/** FTE needed of one role in each period from the initiative's start. */
export const RoleDemand = z.strictObject({
  roleId: Id,
  perPeriod: z.array(z.number().min(0).max(10_000)).max(120),
});

export const InitiativeCreate = z.strictObject({
  name: Name,
  description: Text.default(''),
  kind: z.enum(INITIATIVE_KINDS),
  stage: z.enum(INITIATIVE_STAGES).default('proposed'),
  productId: Id.nullable().default(null),
  segmentId: Id.nullable().default(null),
  startPeriod: Period,
  costPerPeriod: PerPeriod.default([]),
  benefitPerPeriod: PerPeriod.default([]),
  probability: Fraction.default(1),
  costRange: Range.nullable().default(null),
  benefitRange: Range.nullable().default(null),
  demand: z.array(RoleDemand).max(50).default([]),
  /** Alignment with each strategic goal (goal id → 0..1). */
  alignment: z.record(Id, Fraction).default({}),
  requires: z.array(Id).max(100).default([]),
  excludes: z.array(Id).max(100).default([]),
  mandatory: z.boolean().default(false),
  custom: CustomValues.default({}),
});
export const InitiativeUpdate = updateOf(InitiativeCreate);

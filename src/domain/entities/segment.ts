import { z } from 'zod';
import { Fraction, Id, Importance, LIMITS, Name, NonNegative, Text, updateOf } from '../primitives.ts';
import { SWOT_KINDS } from './enums.ts';

export const SwotItem = z.strictObject({
  kind: z.enum(SWOT_KINDS),
  text: z.string().trim().min(1).max(1000),
  score: z.number().int().min(1).max(5),
});

/** A market segment. A manual priority override needs a rationale (checked by the service). */
export const SegmentCreate = z.strictObject({
  name: Name,
  description: Text.default(''),
  marketSize: NonNegative.default(0),
  /** Annual growth rates over the forecast horizon, e.g. [0.12, 0.1, 0.08]. */
  growthForecast: z.array(z.number().min(-1).max(10)).max(20).default([]),
  ourShare: Fraction.default(0),
  swot: z.array(SwotItem).max(100).default([]),
  /** How well the segment serves each strategic goal (goal id → 0..1). */
  goalFit: z.record(Id, Fraction).default({}),
  valueProposition: Text.default(''),
  overrideRank: z.number().int().min(1).max(1000).nullable().default(null),
  overrideRationale: z.string().max(LIMITS.text).nullable().default(null),
});
export const SegmentUpdate = updateOf(SegmentCreate);

/** A strategic customer requirement of a segment: what they need and, above all, why. */
export const SegmentRequirementCreate = z.strictObject({
  segmentId: Id,
  text: z.string().trim().min(1).max(2000),
  why: Text.default(''),
  importance: Importance.default(2),
});
export const SegmentRequirementUpdate = updateOf(SegmentRequirementCreate.omit({ segmentId: true }));

import { z } from 'zod';
import { Fraction, Id, Name, Text, updateOf } from '../primitives.ts';

export const CompetitorCreate = z.strictObject({
  name: Name,
  website: z.string().max(500).default(''),
  strengths: Text.default(''),
  weaknesses: Text.default(''),
  segmentIds: z.array(Id).max(100).default([]),
  productIds: z.array(Id).max(100).default([]),
  /** The competitor's largest share in the segments it serves (0..1). */
  marketShare: Fraction.default(0),
});
export const CompetitorUpdate = updateOf(CompetitorCreate);

import { z } from 'zod';
import { Id, IsoDate, LIMITS } from '../primitives.ts';

/** A new portfolio review: the agenda is generated from the data when it is created. */
export const ReviewCreate = z.strictObject({
  title: z.string().trim().min(1).max(200).default('Portfolio review'),
  heldOn: IsoDate.optional(),
});

/** Minutes and the decisions taken at the review (ids from the decision log). */
export const ReviewUpdate = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  minutes: z.string().max(LIMITS.markdown).optional(),
  decisionIds: z.array(Id).max(500).optional(),
});

import { z } from 'zod';
import { Name, NonNegative, Text, updateOf } from '../primitives.ts';

export const GoalCreate = z.strictObject({
  name: Name,
  description: Text.default(''),
  weight: NonNegative.default(1),
  targetMetric: z.string().max(200).default(''),
});
export const GoalUpdate = updateOf(GoalCreate);
export type GoalCreate = z.infer<typeof GoalCreate>;

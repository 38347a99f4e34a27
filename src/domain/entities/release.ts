import { z } from 'zod';
import { Id, IsoDate, Markdown, Name, updateOf } from '../primitives.ts';
import { RELEASE_STATUSES } from './enums.ts';

export const ReleaseCreate = z.strictObject({
  productId: Id,
  name: Name,
  plannedDate: IsoDate.nullable().default(null),
  actualDate: IsoDate.nullable().default(null),
  status: z.enum(RELEASE_STATUSES).default('planned'),
  notes: Markdown.default(''),
});
export const ReleaseUpdate = updateOf(ReleaseCreate.omit({ productId: true }));

import { z } from 'zod';
import { Id, updateOf } from '../primitives.ts';

/** An email address normalized to lower case, so one person subscribes once per product. */
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be an email address' }))
  .transform((s) => s.toLowerCase());

/** Someone who receives a product's release announcements (the segment's variant when it has one). */
export const AnnouncementSubscriberCreate = z.strictObject({
  productId: Id,
  segmentId: Id.nullable().default(null),
  email: Email,
  name: z.string().trim().max(200).default(''),
});
export const AnnouncementSubscriberUpdate = updateOf(AnnouncementSubscriberCreate.omit({ productId: true }));

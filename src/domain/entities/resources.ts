import { z } from 'zod';
import { Id, Name, Period, updateOf } from '../primitives.ts';

export const TeamCreate = z.strictObject({ name: Name, productId: Id.nullable().default(null) });
export const TeamUpdate = updateOf(TeamCreate);

export const RoleCreate = z.strictObject({ name: Name });
export const RoleUpdate = updateOf(RoleCreate);

export const PersonCreate = z.strictObject({
  name: Name,
  teamId: Id.nullable().default(null),
  roleId: Id.nullable().default(null),
  userId: Id.nullable().default(null),
  fte: z.number().min(0).max(1.5).default(1),
  /** FTE lost to time off per period, e.g. {"2027Q3": 0.25}. */
  timeOff: z.record(Period, z.number().min(0).max(1.5)).default({}),
});
export const PersonUpdate = updateOf(PersonCreate);

export const AllocationCreate = z
  .strictObject({
    personId: Id,
    productId: Id.nullable().default(null),
    initiativeId: Id.nullable().default(null),
    period: Period,
    fte: z.number().min(0).max(1.5),
  })
  .refine((a) => (a.productId == null) !== (a.initiativeId == null), {
    message: 'an allocation is to exactly one product or one initiative',
    path: ['productId'],
  });
export const AllocationUpdate = z
  .strictObject({ fte: z.number().min(0).max(1.5) })
  .partial()
  .strict();

import { z } from 'zod';
import { Fraction, Id, Name, Text } from '../primitives.ts';
import { RISK_STATUSES } from './enums.ts';

/** A risk on a product or an initiative; exposure = probability × impact (impact in money). */
export const RiskCreate = z
  .strictObject({
    title: Name,
    productId: Id.nullable().default(null),
    initiativeId: Id.nullable().default(null),
    probability: Fraction,
    impact: z.number().min(0).max(1e15),
    mitigation: Text.default(''),
    owner: z.string().max(200).default(''),
    status: z.enum(RISK_STATUSES).default('open'),
  })
  .refine((r) => (r.productId == null) !== (r.initiativeId == null), {
    message: 'a risk belongs to exactly one product or one initiative',
    path: ['productId'],
  });
export const RiskUpdate = z
  .strictObject({
    title: Name,
    probability: Fraction,
    impact: z.number().min(0).max(1e15),
    mitigation: Text,
    owner: z.string().max(200),
    status: z.enum(RISK_STATUSES),
  })
  .partial()
  .strict();

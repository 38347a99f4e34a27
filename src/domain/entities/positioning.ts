import { z } from 'zod';
import { Id, LIMITS, Money } from '../primitives.ts';

/** A plan and its price point. */
export const PricePlan = z.strictObject({
  name: z.string().trim().min(1).max(100),
  price: Money,
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  per: z.enum(['month', 'year', 'user_month', 'user_year', 'one_time']),
  features: z.array(z.string().max(200)).max(100).default([]),
});

/**
 * A product's positioning and pricing, overall (segmentId null) or in one segment. Each change is kept in
 * the history and recorded in the decision log with its rationale.
 */
export const PositioningUpdate = z.strictObject({
  segmentId: Id.nullable().default(null),
  statement: z.string().max(LIMITS.text).default(''),
  valueProposition: z.string().max(LIMITS.text).default(''),
  plans: z.array(PricePlan).max(20).default([]),
  rationale: z.string().trim().min(1, 'a pricing or positioning change needs its rationale').max(LIMITS.text),
});

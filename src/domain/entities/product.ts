import { z } from 'zod';
import { CustomValues, Fraction, Id, LIMITS, Money, Name, Period, Text, updateOf } from '../primitives.ts';
import { INVESTMENT_DECISIONS, LIFECYCLE_STAGES } from './enums.ts';

export const ProductLineCreate = z.strictObject({ name: Name, description: Text.default('') });
export const ProductLineUpdate = updateOf(ProductLineCreate);

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and dashes')
  .max(80);

export const ProductSegment = z.strictObject({ segmentId: Id, fit: Fraction, share: Fraction.default(0) });

export const ProductCreate = z.strictObject({
  productLineId: Id,
  name: Name,
  slug: Slug,
  description: Text.default(''),
  ownerId: Id.nullable().default(null),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).default('ideation'),
  investmentDecision: z.enum(INVESTMENT_DECISIONS).nullable().default(null),
  decisionRationale: z.string().max(LIMITS.text).nullable().default(null),
  segments: z.array(ProductSegment).max(100).default([]),
  changelogPublic: z.boolean().default(true),
  custom: CustomValues.default({}),
});
/** Ownership and the investment decision change through their own actions (portfolio managers only). */
export const ProductUpdate = updateOf(
  ProductCreate.omit({ ownerId: true, investmentDecision: true, decisionRationale: true }),
);

export const ProductDecision = z.strictObject({
  decision: z.enum(INVESTMENT_DECISIONS),
  rationale: z.string().trim().min(1, 'a decision needs its rationale').max(LIMITS.text),
});
export const ProductOwner = z.strictObject({ ownerId: Id.nullable() });

export const ProductFinancialCreate = z.strictObject({
  productId: Id,
  period: Period,
  revenue: Money.default(0),
  cost: Money.default(0),
});
export const ProductFinancialUpdate = updateOf(
  ProductFinancialCreate.omit({ productId: true, period: true }),
);

export const ComponentCreate = z.strictObject({ productId: Id, name: Name, description: Text.default('') });
export const ComponentUpdate = updateOf(ComponentCreate.omit({ productId: true }));

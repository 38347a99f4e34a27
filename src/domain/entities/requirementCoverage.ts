import { z } from 'zod';
import { Id, Text, updateOf } from '../primitives.ts';

export const COVERAGE_LEVELS = ['none', 'partial', 'full', 'better'] as const;

/**
 * How well one of our products, one of our features, or a competitor covers a segment requirement, with the
 * evidence. Exactly one subject per row: the row is one cell of the competitive matrix.
 */
export const RequirementCoverageCreate = z
  .strictObject({
    requirementId: Id,
    productId: Id.nullable().default(null),
    featureId: Id.nullable().default(null),
    competitorId: Id.nullable().default(null),
    level: z.enum(COVERAGE_LEVELS),
    evidence: Text.default(''),
  })
  .refine((r) => [r.productId, r.featureId, r.competitorId].filter((x) => x != null).length === 1, {
    message: 'name exactly one of productId, featureId or competitorId',
    path: ['productId'],
  });

/** The subject of a coverage row is fixed; its level and evidence change as the products do. */
export const RequirementCoverageUpdate = updateOf(
  z.strictObject({ level: z.enum(COVERAGE_LEVELS), evidence: Text }),
);

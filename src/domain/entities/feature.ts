import { z } from 'zod';
import { CustomValues, Fraction, Id, LIMITS, Markdown, NonNegative, updateOf } from '../primitives.ts';
import { FEATURE_SCOPES, FEATURE_STATUSES, KANO, MOSCOW } from './enums.ts';

/** Expected impact of a feature in one target segment, each on a 0–3 scale (none, low, medium, high). */
export const SegmentImpact = z.strictObject({
  segmentId: Id,
  revenue: z.number().min(0).max(3),
  retention: z.number().min(0).max(3),
  adoption: z.number().min(0).max(3),
});

export const FeatureCreate = z.strictObject({
  productId: Id,
  componentId: Id.nullable().default(null),
  releaseId: Id.nullable().default(null),
  title: z.string().trim().min(1).max(300),
  spec: Markdown.default(''),
  status: z.enum(FEATURE_STATUSES).default('idea'),
  scope: z.enum(FEATURE_SCOPES).default('segment_specific'),
  /** Total effort in person-weeks. */
  effort: NonNegative.default(1),
  /** Effort per role id in person-weeks (for capacity and scheduling). */
  effortByRole: z.record(Id, NonNegative).default({}),
  reach: NonNegative.default(0),
  impact: z.number().min(0).max(10).default(0),
  confidence: Fraction.default(0.5),
  businessValue: z.number().min(0).max(100).default(0),
  timeCriticality: z.number().min(0).max(100).default(0),
  riskReduction: z.number().min(0).max(100).default(0),
  moscow: z.enum(MOSCOW).nullable().default(null),
  kano: z.enum(KANO).nullable().default(null),
  segmentImpacts: z.array(SegmentImpact).max(100).default([]),
  parkedReason: z.string().max(LIMITS.text).nullable().default(null),
  custom: CustomValues.default({}),
});
export const FeatureUpdate = updateOf(FeatureCreate);

import { z } from 'zod';
import { Id, Importance, Name, NonNegative, Text, updateOf } from '../primitives.ts';
import { FEEDBACK_SOURCES, FEEDBACK_STATUSES } from './enums.ts';

export const CustomerCreate = z.strictObject({
  name: Name,
  segmentId: Id.nullable().default(null),
  annualRevenue: NonNegative.default(0),
});
export const CustomerUpdate = updateOf(CustomerCreate);

/** Quick capture needs nothing but the text; triage fills in the rest later. */
export const FeedbackCreate = z.strictObject({
  text: z.string().trim().min(1, 'feedback text must not be empty').max(10_000),
  why: Text.default(''),
  source: z.enum(FEEDBACK_SOURCES).default('other'),
  customerId: Id.nullable().default(null),
  segmentId: Id.nullable().default(null),
  status: z.enum(FEEDBACK_STATUSES).default('new'),
});
export const FeedbackUpdate = updateOf(FeedbackCreate);

/** Links a feedback item to a feature with how important it is to that customer (0–3). */
export const FeedbackLinkCreate = z.strictObject({
  feedbackId: Id,
  featureId: Id,
  importance: Importance.default(1),
});
export const FeedbackLinkUpdate = updateOf(FeedbackLinkCreate.pick({ importance: true }));

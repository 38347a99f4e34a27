import { z } from 'zod';
import { Id, LIMITS } from '../primitives.ts';
import { DECISION_KINDS } from './enums.ts';

/** What a decision can be about (and link to). */
export const DECISION_SUBJECTS = [
  'product',
  'segment',
  'initiative',
  'feature',
  'release',
  'goal',
  'risk',
  'scenario',
] as const;
export type DecisionSubject = (typeof DECISION_SUBJECTS)[number];

export const DecisionLink = z.strictObject({ type: z.enum(DECISION_SUBJECTS), id: Id });

/** A decision log entry: what was decided, why, and what it concerns. The log is append-only. */
export const DecisionCreate = z.strictObject({
  kind: z.enum(DECISION_KINDS).default('other'),
  title: z.string().trim().min(1).max(500),
  rationale: z.string().trim().min(1, 'a decision needs its rationale').max(LIMITS.text),
  subjectType: z.enum(DECISION_SUBJECTS).nullable().default(null),
  subjectId: Id.nullable().default(null),
  links: z.array(DecisionLink).max(50).default([]),
});

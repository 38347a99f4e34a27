import { z } from 'zod';
import { Id, LIMITS } from '../primitives.ts';
import { DECISION_KINDS } from './enums.ts';

export const DecisionLink = z.strictObject({ type: z.string().min(1).max(40), id: Id });

/** A decision log entry: what was decided, why, and what it concerns. The log is append-only. */
export const DecisionCreate = z.strictObject({
  kind: z.enum(DECISION_KINDS).default('other'),
  title: z.string().trim().min(1).max(500),
  rationale: z.string().trim().min(1, 'a decision needs its rationale').max(LIMITS.text),
  subjectType: z.string().max(40).nullable().default(null),
  subjectId: Id.nullable().default(null),
  links: z.array(DecisionLink).max(50).default([]),
});

import { ApiError } from '../../api/client.ts';
import type { ConstraintsBody } from '../../api/optimizer.ts';
import { fieldOfIssue } from './constraintsState.ts';

/** Top-level fields of a constraints body: an issue about one of these is shown beside its field. */
export const CONSTRAINT_FIELDS = [
  'objective',
  'budgetPerPeriod',
  'budgetShare',
  'capacityPerRolePerPeriod',
  'segmentBounds',
  'goalBounds',
  'riskCap',
  'timePhased',
  'maxDelay',
  'include',
  'exclude',
  'stages',
  'method',
  'timeLimitSeconds',
];

/** The API's validation issues keyed by form field (first message per field). */
export function constraintErrors(err: unknown, body: ConstraintsBody): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const issue of err.issues) {
    const field = fieldOfIssue(issue.path, body);
    out[field] ??= issue.message;
  }
  return out;
}

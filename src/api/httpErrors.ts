import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import { inputValueError } from '../services/databaseErrors.ts';

/** The one place where domain error codes become HTTP statuses. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unknown_reference: 422,
  not_found: 404,
  conflict: 409,
  version_mismatch: 412,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unprocessable: 422,
};

export function errorBody(code: string, message: string, details: unknown = null) {
  return { error: { code, message, details } };
}

/** Renders any thrown error as `{"error":{code,message,details}}`; unknown errors are 500 and logged. */
export function renderError(c: Context, failure: unknown): Response {
  // Values the store refuses (NUL characters, unparsable numbers) are the client's error, wherever
  // they slipped past validation: a 400, not a 500.
  const err = inputValueError(failure) ?? failure;
  if (err instanceof DomainError) {
    const res = c.json(errorBody(err.code, err.message, err.details), STATUS[err.code]);
    if (err.code === 'rate_limited' && err.details && typeof err.details === 'object') {
      const retry = (err.details as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retry) res.headers.set('Retry-After', String(retry));
    }
    return res;
  }
  const e = err as { status?: number; message?: string };
  if (e?.status === 413) return c.json(errorBody('payload_too_large', 'the request body is too large'), 413);
  // Never echo internals (or secrets) to the client; the log has the stack without request bodies.
  console.error(`[sextant] ${c.req.method} ${c.req.path} failed:`, err);
  return c.json(errorBody('internal', 'an unexpected error occurred; it has been logged'), 500);
}

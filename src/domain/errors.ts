/** Error codes the API maps to HTTP statuses in one place (api/errorHandler.ts). */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_reference'
  | 'not_found'
  | 'conflict'
  | 'version_mismatch'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unprocessable';

/** A failure the caller can fix: thrown by services and the engine, never a 500. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `${what} ${id} does not exist in this organization`, { id });

import { DomainError } from '../domain/errors.ts';

/** PostgreSQL error codes we turn into client errors instead of 500s. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const CHECK_VIOLATION = '23514';

function pgCode(err: unknown): { code?: string; detail?: string; constraint?: string } {
  // drizzle may wrap the driver's error; both PGlite and node-postgres expose `code`.
  let e = err as { code?: string; detail?: string; constraint?: string; cause?: unknown } | undefined;
  for (let i = 0; i < 3 && e; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    e = e.cause as typeof e;
  }
  return {};
}

/** Maps constraint violations to DomainErrors; rethrows anything else unchanged. */
export function translateDatabaseError(err: unknown, label: string): never {
  const { code, constraint } = pgCode(err);
  if (code === UNIQUE_VIOLATION) {
    throw new DomainError('conflict', `a ${label} with the same unique values already exists`, {
      constraint,
    });
  }
  if (code === FOREIGN_KEY_VIOLATION) {
    throw new DomainError(
      'conflict',
      `this ${label} is still referenced by other records; remove those first`,
      {
        constraint,
      },
    );
  }
  if (code === CHECK_VIOLATION) {
    throw new DomainError('invalid_input', `the ${label} violates a rule of the store`, { constraint });
  }
  throw err;
}

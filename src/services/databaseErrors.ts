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

/**
 * SQLSTATEs PostgreSQL raises for a malformed *value* (a NUL character, text that is not a number, a
 * number or date out of range): caused by what the client sent, never by our data. Division by zero
 * and other data exceptions stay 500s: those are our bugs.
 */
const INPUT_VALUE_ERRORS: Record<string, string> = {
  '22021': 'text must not contain NUL (\\u0000) characters',
  '22P05': 'text contains a character the store cannot hold',
  '22P02': 'a value is not in the expected format',
  '22003': 'a number is out of range',
  '22001': 'a text is too long',
  '22007': 'a date or time is malformed',
  '22008': 'a date or time is out of range',
};

/** The client error for a database error caused by a request's values, or undefined. */
export function inputValueError(err: unknown): DomainError | undefined {
  const { code } = pgCode(err);
  const message = code ? INPUT_VALUE_ERRORS[code] : undefined;
  return message ? new DomainError('invalid_input', message, { sqlstate: code }) : undefined;
}

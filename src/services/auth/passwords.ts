import { hash, type Options, verify } from '@node-rs/argon2';
import { DomainError } from '../../domain/errors.ts';

// argon2id (algorithm 2; the enum is a const enum we cannot import) at OWASP's recommended cost.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as Options;

export const MIN_PASSWORD_LENGTH = 10;

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256) {
    throw new DomainError('invalid_input', `passwords need ${MIN_PASSWORD_LENGTH} to 256 characters`, {
      issues: [{ path: ['password'], message: 'too short or too long' }],
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

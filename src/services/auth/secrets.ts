import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable secret (256 bits), URL-safe. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored only as SHA-256 digests: a leaked table reveals no usable session or token. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

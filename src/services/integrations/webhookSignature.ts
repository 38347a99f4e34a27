import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `Sextant-Signature` header value: `v1=` + hex HMAC-SHA256 of `timestamp + "." + body` under the
 * subscription's secret. Signing the timestamp with the body lets receivers refuse replays of old deliveries.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks a signature in constant time (for receivers written in TypeScript, and for the tests). */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { loginAttempts } from '../../store/schema.ts';
import { digest } from './secrets.ts';

/** How many failed sign-ins are tolerated within the window before answering 429. */
export interface LoginLimits {
  windowMs: number;
  /** Failures for one account from one address: the brute-force guess rate. */
  maxPerEmailIp: number;
  /** Failures from one address over all accounts: password spraying. Looser, since offices share addresses. */
  maxPerIp: number;
  /** Failures for one account from all addresses: distributed guessing, loose so the owner rarely notices. */
  maxPerEmail: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * 60_000,
  maxPerEmailIp: 5,
  maxPerIp: 50,
  maxPerEmail: 50,
};

const fromEnv = (name: string): number | undefined => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : undefined;
};

let overrides: Partial<LoginLimits> = {};

/** Changes the limits of this process (tests, or an embedding application). */
export function setLoginLimits(limits: Partial<LoginLimits>): void {
  overrides = { ...limits };
}

/** The limits in force: explicit overrides, then SEXTANT_LOGIN_* environment variables, then defaults. */
export function loginLimits(): LoginLimits {
  const windowSeconds = fromEnv('SEXTANT_LOGIN_WINDOW_SECONDS');
  return {
    windowMs: overrides.windowMs ?? (windowSeconds ? windowSeconds * 1000 : DEFAULT_LOGIN_LIMITS.windowMs),
    maxPerEmailIp:
      overrides.maxPerEmailIp ??
      fromEnv('SEXTANT_LOGIN_MAX_PER_ACCOUNT') ??
      DEFAULT_LOGIN_LIMITS.maxPerEmailIp,
    maxPerIp: overrides.maxPerIp ?? fromEnv('SEXTANT_LOGIN_MAX_PER_IP') ?? DEFAULT_LOGIN_LIMITS.maxPerIp,
    maxPerEmail:
      overrides.maxPerEmail ??
      fromEnv('SEXTANT_LOGIN_MAX_PER_ACCOUNT_ALL_IPS') ??
      DEFAULT_LOGIN_LIMITS.maxPerEmail,
  };
}

const emailKey = (email: string) => digest(`login:${email.trim().toLowerCase()}`);

/**
 * When the `max`-th most recent failure matching `where` leaves the window, i.e. when one more
 * attempt is allowed; undefined while fewer than `max` failures are in the window.
 */
async function blockedUntil(
  store: Store,
  where: ReturnType<typeof and>,
  max: number,
  windowMs: number,
): Promise<Date | undefined> {
  const rows = await store.db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(where)
    .orderBy(desc(loginAttempts.at))
    .offset(max - 1)
    .limit(1);
  return rows[0] ? new Date(rows[0].at.getTime() + windowMs) : undefined;
}

/**
 * Refuses a sign-in with `rate_limited` (429, Retry-After) while there were too many recent failures
 * for this account from this address, from this address, or for this account. Checked before the
 * password, so a correct guess after the limit does not get through either. The counts live in the
 * database, so every Sextant process sees the same ones.
 */
export async function checkLoginRate(
  store: Store,
  email: string,
  ip: string,
  now = new Date(),
): Promise<void> {
  const limits = loginLimits();
  const since = new Date(now.getTime() - limits.windowMs);
  const key = emailKey(email);
  const recent = gt(loginAttempts.at, since);
  const checks = [
    {
      where: and(eq(loginAttempts.emailHash, key), eq(loginAttempts.ip, ip), recent),
      max: limits.maxPerEmailIp,
      what: 'for this account from your address',
    },
    { where: and(eq(loginAttempts.ip, ip), recent), max: limits.maxPerIp, what: 'from your address' },
    {
      where: and(eq(loginAttempts.emailHash, key), recent),
      max: limits.maxPerEmail,
      what: 'for this account',
    },
  ];
  for (const check of checks) {
    const until = await blockedUntil(store, check.where, check.max, limits.windowMs);
    if (!until || until <= now) continue;
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new DomainError(
      'rate_limited',
      `too many failed sign-ins ${check.what}; try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${until.toISOString()})`,
      { retryAfterSeconds, retryAt: until.toISOString() },
    );
  }
}

/** Counts one failed sign-in; old rows of the same address are pruned on the way. */
export async function recordLoginFailure(
  store: Store,
  email: string,
  ip: string,
  now = new Date(),
): Promise<void> {
  const keep = new Date(now.getTime() - Math.max(loginLimits().windowMs, 86_400_000));
  await store.db.transaction(async (tx) => {
    await tx.delete(loginAttempts).where(and(eq(loginAttempts.ip, ip), lt(loginAttempts.at, keep)));
    await tx.insert(loginAttempts).values({ emailHash: emailKey(email), ip, at: now });
  });
}

/** A successful sign-in forgives the account's earlier failures (from every address). */
export async function clearLoginFailures(store: Store, email: string): Promise<void> {
  await store.db.delete(loginAttempts).where(eq(loginAttempts.emailHash, emailKey(email)));
}

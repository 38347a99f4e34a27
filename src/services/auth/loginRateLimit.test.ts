import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_LIMITS, loginLimits, setLoginLimits } from './loginRateLimit.ts';

const VARS = [
  'SEXTANT_LOGIN_WINDOW_SECONDS',
  'SEXTANT_LOGIN_MAX_PER_ACCOUNT',
  'SEXTANT_LOGIN_MAX_PER_IP',
  'SEXTANT_LOGIN_MAX_PER_ACCOUNT_ALL_IPS',
];

describe('login limits', () => {
  afterEach(() => {
    setLoginLimits({});
    for (const v of VARS) delete process.env[v];
  });

  it('defaults to 5 failures per account and address in 15 minutes, 50 per address, 50 per account', () => {
    expect(loginLimits()).toEqual({ windowMs: 900_000, maxPerEmailIp: 5, maxPerIp: 50, maxPerEmail: 50 });
    expect(loginLimits()).toEqual(DEFAULT_LOGIN_LIMITS);
  });

  it('reads positive integers from the environment and ignores anything else', () => {
    process.env.SEXTANT_LOGIN_WINDOW_SECONDS = '60';
    process.env.SEXTANT_LOGIN_MAX_PER_ACCOUNT = '3';
    process.env.SEXTANT_LOGIN_MAX_PER_IP = '-4';
    process.env.SEXTANT_LOGIN_MAX_PER_ACCOUNT_ALL_IPS = 'lots';
    expect(loginLimits()).toEqual({ windowMs: 60_000, maxPerEmailIp: 3, maxPerIp: 50, maxPerEmail: 50 });
  });

  it('lets explicit settings win over the environment', () => {
    process.env.SEXTANT_LOGIN_MAX_PER_ACCOUNT = '3';
    setLoginLimits({ maxPerEmailIp: 2, windowMs: 1000 });
    expect(loginLimits()).toMatchObject({ maxPerEmailIp: 2, windowMs: 1000, maxPerIp: 50 });
  });
});

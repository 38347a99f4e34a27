import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { DomainError } from '../domain/errors.ts';
import { sameSecret } from '../services/auth/secrets.ts';
import {
  type OpenedSession,
  type Principal,
  resolveSession,
  resolveToken,
  SESSION_TTL_MS,
} from '../services/auth/sessions.ts';
import type { Store } from '../services/storeAccess.ts';

export const SESSION_COOKIE = 'sextant_session';
export const CSRF_COOKIE = 'sextant_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const ORG_HEADER = 'x-sextant-org';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: a bearer token (scripts) or a session cookie (the web app). Cookie-authenticated
 * writes must echo the session's CSRF token in a header, which another site cannot read or set.
 */
export async function authenticate(c: Context, store: Store): Promise<Principal> {
  const auth = c.req.header('authorization');
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const principal = m ? await resolveToken(store, m[1]!) : undefined;
    if (!principal) throw new DomainError('unauthenticated', 'the API token is unknown, expired or revoked');
    return principal;
  }
  const sessionId = getCookie(c, SESSION_COOKIE);
  if (!sessionId) {
    throw new DomainError('unauthenticated', 'sign in first (POST /api/v1/auth/login) or send an API token');
  }
  const principal = await resolveSession(store, sessionId, c.req.header(ORG_HEADER));
  if (!principal) throw new DomainError('unauthenticated', 'your session has ended; sign in again');
  if (!SAFE.has(c.req.method)) {
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (!principal.csrfToken || !sameSecret(sent, principal.csrfToken)) {
      throw new DomainError(
        'forbidden',
        `missing or wrong ${CSRF_HEADER} header (take it from the login response)`,
      );
    }
  }
  return principal;
}

/**
 * The client's address, for login rate limiting. Behind one reverse proxy (SEXTANT_TRUST_PROXY=1) it
 * is the last X-Forwarded-For hop — the one the proxy itself added, which a client cannot forge.
 */
export function clientIp(c: Context): string {
  if (process.env.SEXTANT_TRUST_PROXY === '1') {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const last = hops[hops.length - 1];
    if (last) return last.slice(0, 100);
  }
  // @hono/node-server passes the Node request as env.incoming (env.server.incoming when nested).
  type Bindings = { incoming?: { socket?: { remoteAddress?: string } } };
  const env = c.env as (Bindings & { server?: Bindings }) | undefined;
  return (env?.server ?? env)?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Hands a new session to the browser: the id in an HttpOnly cookie (scripts cannot read it), the CSRF
 * token in a readable cookie the web app echoes in a header. SameSite=Lax keeps other sites' forms
 * from sending them; Secure when served over HTTPS.
 */
export function setSessionCookies(c: Context, session: OpenedSession): void {
  const secure = new URL(c.req.url).protocol === 'https:';
  const common = { path: '/', sameSite: 'Lax' as const, secure, maxAge: SESSION_TTL_MS / 1000 };
  setCookie(c, SESSION_COOKIE, session.sessionId, { ...common, httpOnly: true });
  setCookie(c, CSRF_COOKIE, session.csrfToken, common);
}

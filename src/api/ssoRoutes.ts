import type { Context } from 'hono';
import {
  deleteSsoConfig,
  finishSsoLogin,
  getSsoConfig,
  SsoConfigInput,
  setSsoConfig,
  startSsoLogin,
} from '../services/auth/sso.ts';
import { setSessionCookies } from './principal.ts';
import type { RouteSpec } from './routeSpec.ts';

export const SSO_CALLBACK_PATH = '/api/v1/auth/sso/callback';

/**
 * Where the identity provider sends the browser back: SEXTANT_PUBLIC_URL when Sextant runs behind a
 * proxy (the URL users see), else this request's own origin. Register it at the provider.
 */
function callbackUrl(c: Context): string {
  const base = process.env.SEXTANT_PUBLIC_URL?.replace(/\/+$/, '') || new URL(c.req.url).origin;
  return `${base}${SSO_CALLBACK_PATH}`;
}

/** OpenID Connect single sign-on: per-organization settings (admins) and the sign-in redirects. */
export const SSO_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/auth/sso',
    action: 'admin',
    tag: 'auth',
    summary: 'The organization’s single sign-on settings (never the client secret)',
    handler: async (c, ctx) => c.json(await getSsoConfig(ctx)),
  },
  {
    method: 'PUT',
    path: '/api/v1/auth/sso',
    action: 'admin',
    tag: 'auth',
    summary:
      'Set up OpenID Connect single sign-on: issuer, client id and secret, default role, allowed domains',
    body: SsoConfigInput,
    handler: async (c, ctx, body) => c.json(await setSsoConfig(ctx, body)),
  },
  {
    method: 'DELETE',
    path: '/api/v1/auth/sso',
    action: 'admin',
    tag: 'auth',
    summary: 'Turn single sign-on off',
    handler: async (c, ctx) => {
      await deleteSsoConfig(ctx);
      return c.body(null, 204);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/auth/sso/:orgSlug/start',
    action: 'public',
    tag: 'auth',
    summary:
      'Start signing in with the organization’s identity provider (redirects there; PKCE, state, nonce)',
    handler: async (c, ctx) => {
      const url = await startSsoLogin(ctx.store, c.req.param('orgSlug') ?? '', callbackUrl(c));
      c.header('cache-control', 'no-store');
      return c.redirect(url.href, 302);
    },
  },
  {
    method: 'GET',
    path: SSO_CALLBACK_PATH,
    action: 'public',
    tag: 'auth',
    summary: 'Where the identity provider returns: verifies the sign-in, opens a session, redirects to /',
    handler: async (c, ctx) => {
      const params = new URL(c.req.url).searchParams;
      const { session } = await finishSsoLogin(ctx.store, params);
      setSessionCookies(c, session);
      c.header('cache-control', 'no-store');
      return c.redirect('/', 302);
    },
  },
];

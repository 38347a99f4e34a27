import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import { login, logout, switchOrganization } from '../services/auth/sessions.ts';
import {
  assertOwnToken,
  createToken,
  listTokens,
  revokeToken,
  TokenCreate,
} from '../services/auth/tokens.ts';
import { addUser, listUsers, UserAdd } from '../services/auth/users.ts';
import { parseInput } from '../services/entities/entityService.ts';
import { pathId } from './entityRoutes.ts';
import { CSRF_COOKIE, clientIp, SESSION_COOKIE, setSessionCookies } from './principal.ts';
import type { RouteSpec } from './routeSpec.ts';

const Login = z.strictObject({ email: z.string().max(320), password: z.string().max(256) });
const SwitchOrg = z.strictObject({ orgId: z.string().max(100) });

/** Sign-in, sign-out, the current user, the organization switcher, API tokens and users. */
export const AUTH_ROUTES: RouteSpec[] = [
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    action: 'public',
    tag: 'auth',
    summary: 'Sign in with email and password; answers with the session cookie',
    body: Login,
    handler: async (c, ctx, body) => {
      const input = parseInput(Login, body, 'login');
      const session = await login(ctx.store, input.email, input.password, clientIp(c));
      setSessionCookies(c, session);
      return c.json({
        userId: session.userId,
        csrfToken: session.csrfToken,
        organizations: session.memberships,
      });
    },
  },
  {
    method: 'POST',
    path: '/api/v1/auth/logout',
    action: 'signed_in',
    tag: 'auth',
    summary: 'Sign out: the session is revoked at once',
    handler: async (c, ctx) => {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) await logout(ctx.store, sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/auth/me',
    action: 'signed_in',
    tag: 'auth',
    summary: 'The signed-in user, the current organization and role, and all memberships',
    handler: async (c, ctx) =>
      c.json({
        user: { id: ctx.actor.userId, email: ctx.actor.name, via: ctx.actor.type },
        orgId: ctx.orgId,
        role: ctx.actor.role,
        organizations: c.get('principal').memberships,
      }),
  },
  {
    method: 'POST',
    path: '/api/v1/auth/switch-org',
    action: 'signed_in',
    tag: 'auth',
    summary: 'Make another of your organizations the current one for this session',
    body: SwitchOrg,
    handler: async (c, ctx, body) => {
      const input = parseInput(SwitchOrg, body, 'organization switch');
      const principal = c.get('principal');
      const m = principal.memberships.find(
        (x: { orgId: string; orgSlug: string }) => x.orgId === input.orgId || x.orgSlug === input.orgId,
      );
      if (!m) throw new DomainError('not_found', `you are not a member of organization ${input.orgId}`);
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (!sessionId || principal.via !== 'session') {
        throw new DomainError(
          'invalid_input',
          'API tokens belong to one organization; switch with a session',
        );
      }
      await switchOrganization(ctx.store, sessionId, m.orgId);
      return c.json({ orgId: m.orgId, role: m.role });
    },
  },
  {
    method: 'GET',
    path: '/api/v1/tokens',
    action: 'signed_in',
    tag: 'auth',
    summary: 'Your API tokens in this organization (never their secrets)',
    handler: async (c, ctx) => c.json({ items: await listTokens(ctx.store, ctx.orgId, ctx.actor.userId!) }),
  },
  {
    method: 'POST',
    path: '/api/v1/tokens',
    action: 'signed_in',
    tag: 'auth',
    summary: 'Create an API token; its secret is shown once',
    body: TokenCreate,
    handler: async (c, ctx, body) =>
      c.json(await createToken(ctx.store, ctx.orgId, ctx.actor.userId!, body), 201),
  },
  {
    method: 'DELETE',
    path: '/api/v1/tokens/:id',
    action: 'signed_in',
    tag: 'auth',
    summary: 'Revoke one of your API tokens (refused at once afterwards)',
    takesId: true,
    target: async (ctx, c) => {
      await assertOwnToken(ctx.store, ctx.orgId, ctx.actor.userId ?? '', pathId(c, 'token'));
      return { productIds: [] };
    },
    handler: async (c, ctx) => {
      await revokeToken(ctx.store, ctx.orgId, ctx.actor.userId!, pathId(c, 'token'));
      return c.body(null, 204);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/users',
    action: 'admin',
    tag: 'admin',
    summary: 'Members of the organization and their roles',
    handler: async (c, ctx) => c.json({ items: await listUsers(ctx.store, ctx.orgId) }),
  },
  {
    method: 'POST',
    path: '/api/v1/users',
    action: 'admin',
    tag: 'admin',
    summary: 'Add a member (creating the account if needed) with a role',
    body: UserAdd,
    handler: async (c, ctx, body) => c.json(await addUser(ctx.store, ctx.orgId, body), 201),
  },
];

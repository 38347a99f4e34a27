import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  PortalAccountInvite,
  PortalIdeaCreate,
  PortalIdeaFeature,
  PortalIdeaMerge,
  PortalIdeaUpdate,
  PortalProxyVote,
} from '../domain/entities/portal.ts';
import { DomainError } from '../domain/errors.ts';
import { newSecret, sameSecret } from '../services/auth/secrets.ts';
import type { ServiceContext } from '../services/context.ts';
import { openVisit, type PortalVisit, resolvePortal } from '../services/portal/portalAccess.ts';
import {
  acceptInvitation,
  checkInvitation,
  findPortal,
  invitePortalAccount,
  listPortalAccounts,
  PORTAL_SESSION_TTL_MS,
  portalLogin,
  portalLogout,
} from '../services/portal/portalAccounts.ts';
import {
  createPortalIdea,
  getPortalIdea,
  ideaProducts,
  linkPortalIdea,
  listPortalIdeas,
  mergePortalIdea,
  proxyVote,
  updatePortalIdea,
} from '../services/portal/portalIdeasAdmin.ts';
import { errorPage, ideaPage, ideasPage, invitePage, loginPage } from '../services/portal/portalPages.ts';
import {
  commentOnIdea,
  publicIdea,
  publicIdeas,
  submitIdea,
  voteOnIdea,
} from '../services/portal/portalPublic.ts';
import { pathId } from './entityRoutes.ts';
import { STATUS } from './httpErrors.ts';
import { clientIp } from './principal.ts';
import type { RouteSpec } from './routeSpec.ts';

const SESSION_COOKIE = 'sextant_portal_session';
const CSRF_COOKIE = 'sextant_portal_csrf';
const NO_STORE = { 'cache-control': 'no-store' };

const slugOf = (c: Context) => c.req.param('slug') ?? '';
const baseOf = (c: Context) => `/portal/${encodeURIComponent(slugOf(c))}`;
const secure = (c: Context) => new URL(c.req.url).protocol === 'https:';

/**
 * The form token (double submit): a random value in an HttpOnly, SameSite=Strict cookie, echoed in a
 * hidden field. Another site can neither read the cookie nor make the browser send it with its form.
 */
function csrfToken(c: Context): string {
  const have = getCookie(c, CSRF_COOKIE);
  if (have && /^[A-Za-z0-9_-]{43}$/.test(have)) return have;
  const token = newSecret();
  setCookie(c, CSRF_COOKIE, token, {
    path: '/portal',
    httpOnly: true,
    sameSite: 'Strict',
    secure: secure(c),
  });
  return token;
}

/** Refuses a form that does not carry the cookie's token, or that comes from another origin. */
function checkForm(c: Context, body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      // Empty optional fields are absent, as a browser means them.
      if (typeof v === 'string' && v.trim() !== '') fields[k] = v;
    }
  }
  const origin = c.req.header('origin');
  const own = [new URL(c.req.url).origin, process.env.SEXTANT_PUBLIC_URL?.replace(/\/$/, '')];
  const cookie = getCookie(c, CSRF_COOKIE) ?? '';
  const sent = fields.csrf ?? '';
  if ((origin !== undefined && !own.includes(origin)) || !cookie || !sameSecret(sent, cookie)) {
    throw new DomainError(
      'invalid_input',
      'this form is out of date or came from another site: reload the page and try again',
    );
  }
  delete fields.csrf;
  return fields;
}

/** Renders a portal failure as an HTML page with the error's status (a sign-in-only portal asks to sign in). */
async function portalPage(c: Context, ctx: ServiceContext, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const status = STATUS[err.code] as ContentfulStatusCode;
    if (err.code === 'unauthenticated') {
      let title = 'Portal';
      try {
        title = (await resolvePortal(ctx.store, slugOf(c))).title;
      } catch {
        return c.html(errorPage(404, 'no portal here', null), 404, NO_STORE);
      }
      return c.html(loginPage(title, baseOf(c), csrfToken(c), err.message), 401, NO_STORE);
    }
    const res = c.html(errorPage(status, err.message, status === 404 ? null : baseOf(c)), status, NO_STORE);
    const retry = (err.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds;
    if (err.code === 'rate_limited' && retry) res.headers.set('Retry-After', String(retry));
    return res;
  }
}

const visitOf = (c: Context, ctx: ServiceContext): Promise<PortalVisit> =>
  openVisit(ctx.store, slugOf(c), getCookie(c, SESSION_COOKIE));

function signIn(c: Context, sessionId: string) {
  setCookie(c, SESSION_COOKIE, sessionId, {
    path: baseOf(c),
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    maxAge: PORTAL_SESSION_TTL_MS / 1000,
  });
}

const PUBLIC: RouteSpec[] = [
  {
    method: 'GET',
    path: '/portal/:slug',
    action: 'public',
    tag: 'portal',
    summary: 'A feedback portal: its ideas, most voted first, and the form to suggest one (HTML)',
    handler: (c, ctx) =>
      portalPage(c, ctx, async () => {
        const visit = await visitOf(c, ctx);
        return c.html(
          ideasPage(visit, await publicIdeas(ctx.store, visit), baseOf(c), csrfToken(c)),
          200,
          NO_STORE,
        );
      }),
  },
  {
    method: 'POST',
    path: '/portal/:slug/ideas',
    action: 'public',
    tag: 'portal',
    summary: 'Suggest an idea (HTML form: title, body, email and name on public portals, csrf)',
    handler: (c, ctx, body) =>
      portalPage(c, ctx, async () => {
        const visit = await visitOf(c, ctx);
        const { id } = await submitIdea(ctx.store, visit, checkForm(c, body), clientIp(c));
        return c.redirect(`${baseOf(c)}/ideas/${id}`, 303);
      }),
  },
  {
    method: 'GET',
    path: '/portal/:slug/ideas/:ref',
    action: 'public',
    tag: 'portal',
    summary: 'One idea of a portal: status, votes, comments (HTML); a merged duplicate redirects',
    handler: (c, ctx) =>
      portalPage(c, ctx, async () => {
        const visit = await visitOf(c, ctx);
        const found = await publicIdea(ctx.store, visit, c.req.param('ref') ?? '');
        if ('mergedInto' in found) return c.redirect(`${baseOf(c)}/ideas/${found.mergedInto}`, 301);
        return c.html(ideaPage(visit, found.idea, found.comments, baseOf(c), csrfToken(c)), 200, NO_STORE);
      }),
  },
  {
    method: 'POST',
    path: '/portal/:slug/ideas/:ref/vote',
    action: 'public',
    tag: 'portal',
    summary: 'Vote for an idea (one vote per person; HTML form)',
    handler: (c, ctx, body) =>
      portalPage(c, ctx, async () => {
        const visit = await visitOf(c, ctx);
        const { id } = await voteOnIdea(
          ctx.store,
          visit,
          c.req.param('ref') ?? '',
          checkForm(c, body),
          clientIp(c),
        );
        return c.redirect(`${baseOf(c)}/ideas/${id}`, 303);
      }),
  },
  {
    method: 'POST',
    path: '/portal/:slug/ideas/:ref/comments',
    action: 'public',
    tag: 'portal',
    summary: 'Comment on an idea (HTML form)',
    handler: (c, ctx, body) =>
      portalPage(c, ctx, async () => {
        const visit = await visitOf(c, ctx);
        const { id } = await commentOnIdea(
          ctx.store,
          visit,
          c.req.param('ref') ?? '',
          checkForm(c, body),
          clientIp(c),
        );
        return c.redirect(`${baseOf(c)}/ideas/${id}#comments`, 303);
      }),
  },
  {
    method: 'GET',
    path: '/portal/:slug/login',
    action: 'public',
    tag: 'portal',
    summary: "A sign-in-only portal's sign-in page",
    handler: (c, ctx) =>
      portalPage(c, ctx, async () => {
        const portal = await resolvePortal(ctx.store, slugOf(c));
        return c.html(loginPage(portal.title, baseOf(c), csrfToken(c)), 200, NO_STORE);
      }),
  },
  {
    method: 'POST',
    path: '/portal/:slug/login',
    action: 'public',
    tag: 'portal',
    summary: 'Sign a portal account in (HTML form: email, password, csrf); rate-limited like members',
    handler: (c, ctx, body) =>
      portalPage(c, ctx, async () => {
        const portal = await resolvePortal(ctx.store, slugOf(c));
        const form = checkForm(c, body);
        const { sessionId } = await portalLogin(
          ctx.store,
          portal,
          form.email ?? '',
          form.password ?? '',
          clientIp(c),
        );
        signIn(c, sessionId);
        return c.redirect(baseOf(c), 303);
      }),
  },
  {
    method: 'POST',
    path: '/portal/:slug/logout',
    action: 'public',
    tag: 'portal',
    summary: 'Sign a portal account out',
    handler: (c, ctx, body) =>
      portalPage(c, ctx, async () => {
        await resolvePortal(ctx.store, slugOf(c));
        checkForm(c, body);
        await portalLogout(ctx.store, getCookie(c, SESSION_COOKIE));
        deleteCookie(c, SESSION_COOKIE, { path: baseOf(c) });
        return c.redirect(baseOf(c), 303);
      }),
  },
  {
    method: 'GET',
    path: '/portal/:slug/invite/:token',
    action: 'public',
    tag: 'portal',
    summary: 'An invited customer chooses a password (HTML)',
    handler: (c, ctx) =>
      portalPage(c, ctx, async () => {
        const portal = await resolvePortal(ctx.store, slugOf(c));
        const token = c.req.param('token') ?? '';
        const { email } = await checkInvitation(ctx.store, portal, token);
        return c.html(invitePage(portal.title, baseOf(c), token, email, csrfToken(c)), 200, NO_STORE);
      }),
  },
  {
    method: 'POST',
    path: '/portal/:slug/invite/:token',
    action: 'public',
    tag: 'portal',
    summary: 'Set the password of an invited account (the link then expires) and sign in',
    handler: (c, ctx, body) =>
      portalPage(c, ctx, async () => {
        const portal = await resolvePortal(ctx.store, slugOf(c));
        const form = checkForm(c, body);
        const { sessionId } = await acceptInvitation(
          ctx.store,
          portal,
          c.req.param('token') ?? '',
          form.password ?? '',
        );
        signIn(c, sessionId);
        return c.redirect(baseOf(c), 303);
      }),
  },
];

const portalTarget = async (ctx: ServiceContext, c: Context) => {
  const portal = await findPortal(ctx, pathId(c, 'portal'));
  return { productIds: portal.productId ? [String(portal.productId)] : [] };
};
const ideaTarget = async (ctx: ServiceContext, c: Context) => ({
  productIds: await ideaProducts(ctx, pathId(c, 'portal idea')),
});

/** Product managers' side of the portals: ideas, merges, statuses, proxy votes, links to features, accounts. */
const MANAGE: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/portals/:id/ideas',
    action: 'read',
    tag: 'portals',
    summary: "A portal's ideas with their vote counts (merged duplicates too, with mergedIntoId)",
    takesId: true,
    target: portalTarget,
    handler: async (c, ctx) => c.json(await listPortalIdeas(ctx, pathId(c, 'portal'))),
  },
  {
    method: 'POST',
    path: '/api/v1/portals/:id/ideas',
    action: 'feedback.triage',
    tag: 'portals',
    summary: 'Enter an idea on the portal on behalf of customers (e.g. from a sales call)',
    body: PortalIdeaCreate,
    takesId: true,
    target: portalTarget,
    handler: async (c, ctx, body) => c.json(await createPortalIdea(ctx, pathId(c, 'portal'), body), 201),
  },
  {
    method: 'GET',
    path: '/api/v1/portals/:id/accounts',
    action: 'feedback.triage',
    tag: 'portals',
    summary: "A sign-in-only portal's customer accounts (never their passwords)",
    takesId: true,
    target: portalTarget,
    handler: async (c, ctx) => c.json(await listPortalAccounts(ctx, pathId(c, 'portal'))),
  },
  {
    method: 'POST',
    path: '/api/v1/portals/:id/accounts',
    action: 'feedback.triage',
    tag: 'portals',
    summary:
      'Invite a customer to the portal: a one-time link to set a password (in the answer, and mailed when SMTP is configured)',
    body: PortalAccountInvite,
    takesId: true,
    target: portalTarget,
    handler: async (c, ctx, body) => c.json(await invitePortalAccount(ctx, pathId(c, 'portal'), body), 201),
  },
  {
    method: 'GET',
    path: '/api/v1/portal-ideas/:id',
    action: 'read',
    tag: 'portals',
    summary: 'An idea with its votes (voters, customers, proxy votes) and comments',
    takesId: true,
    target: ideaTarget,
    handler: async (c, ctx) => c.json(await getPortalIdea(ctx, pathId(c, 'portal idea'))),
  },
  {
    method: 'PATCH',
    path: '/api/v1/portal-ideas/:id',
    action: 'feedback.triage',
    tag: 'portals',
    summary: 'Change an idea’s title, text or the status the portal shows',
    body: PortalIdeaUpdate,
    takesId: true,
    target: ideaTarget,
    handler: async (c, ctx, body) => c.json(await updatePortalIdea(ctx, pathId(c, 'portal idea'), body)),
  },
  {
    method: 'POST',
    path: '/api/v1/portal-ideas/:id/merge',
    action: 'feedback.triage',
    tag: 'portals',
    summary: 'Merge a duplicate into another idea: votes (one per voter) and comments move',
    body: PortalIdeaMerge,
    takesId: true,
    target: ideaTarget,
    handler: async (c, ctx, body) => c.json(await mergePortalIdea(ctx, pathId(c, 'portal idea'), body)),
  },
  {
    method: 'POST',
    path: '/api/v1/portal-ideas/:id/proxy-votes',
    action: 'feedback.triage',
    tag: 'portals',
    summary: "Vote on behalf of a customer account; it becomes that customer's feedback",
    body: PortalProxyVote,
    takesId: true,
    target: ideaTarget,
    handler: async (c, ctx, body) => c.json(await proxyVote(ctx, pathId(c, 'portal idea'), body), 201),
  },
  {
    method: 'PUT',
    path: '/api/v1/portal-ideas/:id/feature',
    action: 'product.write',
    tag: 'portals',
    summary: "Link an idea to a feature (null unlinks): its votes count as the feature's demand",
    body: PortalIdeaFeature,
    takesId: true,
    target: async (ctx, c, body) => ({
      productIds: await ideaProducts(
        ctx,
        pathId(c, 'portal idea'),
        (body as { featureId?: unknown } | undefined)?.featureId,
      ),
    }),
    handler: async (c, ctx, body) => c.json(await linkPortalIdea(ctx, pathId(c, 'portal idea'), body)),
  },
];

/** The feedback portal: public pages under /portal/{slug} and the product managers' API. */
export const PORTAL_ROUTES: RouteSpec[] = [...MANAGE, ...PUBLIC];

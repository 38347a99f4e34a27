import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { DomainError } from '../domain/errors.ts';
import { type Action, isAllowed, isOwnerScoped } from '../domain/policy.ts';
import type { Principal } from '../services/auth/sessions.ts';
import { anonymousContext, type ServiceContext } from '../services/context.ts';
import { ownsProducts } from '../services/ownership.ts';
import { cachedRead } from '../services/readCache.ts';
import type { Store } from '../services/storeAccess.ts';
import { API_DOCS_HTML, API_DOCS_JS } from './apiDocsPage.ts';
import { errorBody, renderError } from './httpErrors.ts';
import { buildOpenApi } from './openapi.ts';
import { authenticate, clientIp } from './principal.ts';
import { type RateLimit, RateLimiter } from './rateLimit.ts';
import type { RouteSpec } from './routeSpec.ts';
import { ROUTES } from './routes.ts';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
  }
}

export interface AppOptions {
  store: Store;
  version?: string;
  /** Extra routes mounted after the API (the web app's static files). */
  mount?: (app: Hono) => void;
  routes?: readonly RouteSpec[];
  /** Per-caller request limit (signed-in callers by identity, anonymous ones by address); none if absent. */
  rateLimit?: RateLimit | null;
}

export const MAX_BODY_BYTES = 1024 * 1024;
/** Portal forms carry an idea or a comment: 64 KB is plenty. */
export const PORTAL_MAX_BODY_BYTES = 64 * 1024;

async function readBody(c: Context): Promise<unknown> {
  if (c.req.method === 'GET' || c.req.method === 'DELETE' || c.req.method === 'HEAD') return undefined;
  const text = await c.req.text();
  const type = c.req.header('content-type')?.toLowerCase() ?? '';
  if (type.startsWith('text/csv')) return text; // CSV imports
  // The feedback portal's HTML forms (the API itself takes JSON only).
  if (type.startsWith('application/x-www-form-urlencoded') && c.req.path.startsWith('/portal/')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid_input', 'the request body is not valid JSON', {
      issues: [{ path: [], message: 'invalid JSON' }],
    });
  }
}

/**
 * Authorization for one request, the same for every route: sign-in, token scope, the role × action
 * policy, and ownership for product managers.
 */
async function authorize(
  route: RouteSpec,
  c: Context,
  ctx: ServiceContext,
  principal: Principal,
  body: unknown,
) {
  // A read-only token may use every reading route (some reads are POSTs, e.g. a simulation run).
  const reads = route.action === 'read' || (route.action === 'signed_in' && route.method === 'GET');
  if (principal.scope === 'read' && !reads) {
    throw new DomainError(
      'forbidden',
      'this API token is read-only; create a read-write token to make changes',
    );
  }
  const target = route.target ? await route.target(ctx, c, body) : undefined;
  if (route.action === 'signed_in') return;
  const action = (target?.action ?? route.action) as Action;
  // A reading route whose target raises the action (submitting an optimizer job) is no read.
  if (principal.scope === 'read' && action !== 'read') {
    throw new DomainError(
      'forbidden',
      'this API token is read-only; create a read-write token to make changes',
    );
  }
  const owns = isOwnerScoped(action) && target ? await ownsProducts(ctx, target.productIds) : false;
  if (!isAllowed(principal.actor.role, action, owns)) {
    const why =
      isOwnerScoped(action) && principal.actor.role === 'product_manager'
        ? 'product managers may change only the products they own'
        : `the ${principal.actor.role} role may not do this (${action})`;
    throw new DomainError('forbidden', why);
  }
}

/**
 * Whether the client has hung up (a load generator that timed out, a closed tab): nobody will read
 * the answer. The socket is checked too because the server learns of the close only through an event,
 * which may have fired before this request's abort signal was wired up.
 */
function clientGone(c: Context): boolean {
  type Bindings = { incoming?: { socket?: { destroyed?: boolean } | null } };
  const env = c.env as (Bindings & { server?: Bindings }) | undefined;
  const socket = (env?.server ?? env)?.incoming?.socket;
  // Under @hono/node-server the socket says it all, and reading the request's signal would build an
  // AbortController for every request; in-process requests (app.request) have only the signal.
  if (socket) return socket.destroyed === true;
  return c.req.raw.signal.aborted;
}

/** What a read answers to a client that has gone: written nowhere, so only the status says why. */
const CLIENT_CLOSED_REQUEST = 499;

/** Runs a cacheable read through the organization's read cache (same answer, computed once per data version). */
async function answerFromCache(route: RouteSpec, c: Context, ctx: ServiceContext): Promise<Response> {
  const url = new URL(c.req.url);
  const query = [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  const key = `${route.path}|${url.pathname}|${JSON.stringify(query)}`;
  const answer = await cachedRead(ctx, key, async () => {
    const res = await route.handler(c, ctx, undefined);
    return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** Builds the HTTP application over a store: every route from the route table, behind one policy. */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const routes = options.routes ?? ROUTES;
  const app = new Hono();
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null;

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
    }),
  );
  const apiBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      c.json(errorBody('payload_too_large', `request bodies are limited to ${MAX_BODY_BYTES} bytes`), 413),
  });
  // A GET or HEAD request has no body to limit, and asking for it makes @hono/node-server build a
  // full fetch Request — a measurable share of a cheap read's CPU.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : apiBodyLimit(c, next),
  );
  app.use(
    '/portal/*',
    bodyLimit({
      maxSize: PORTAL_MAX_BODY_BYTES,
      onError: (c) => c.text('Too large', 413),
    }),
  );
  app.onError((err, c) => renderError(c, err));

  app.get('/healthz', (c) => c.json({ ok: true }));
  const openapi = buildOpenApi(routes, options.version ?? '0.1.0');
  app.get('/api/v1/openapi.json', (c) => c.json(openapi));
  app.get('/api/docs', (c) => c.html(API_DOCS_HTML));
  app.get('/api/docs.js', (c) =>
    c.body(API_DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );

  for (const route of routes) {
    app.on(route.method, route.path, async (c) => {
      const body = await readBody(c);
      if (route.action === 'public') {
        limiter?.check(`ip:${clientIp(c)}`);
        return route.handler(c, anonymousContext(store), body);
      }
      // A read nobody waits for any more is not started (a write the client sent is still carried out).
      const read = route.method === 'GET';
      if (read && clientGone(c)) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
      const principal = await authenticate(c, store);
      limiter?.check(`${principal.actor.type}:${principal.actor.id}`);
      c.set('principal', principal);
      const ctx: ServiceContext = {
        store,
        orgId: principal.orgId,
        actor: principal.actor,
        now: () => new Date(),
      };
      await authorize(route, c, ctx, principal, body);
      if (read && clientGone(c)) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
      if (route.cachedRead && read) return answerFromCache(route, c, ctx);
      return route.handler(c, ctx, body);
    });
  }

  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}; see /api/docs`), 404),
  );
  options.mount?.(app);
  return app;
}

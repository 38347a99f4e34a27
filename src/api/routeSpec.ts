import type { Context } from 'hono';
import type { z } from 'zod';
import type { Action } from '../domain/policy.ts';
import type { ServiceContext } from '../services/context.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the authorization step needs to know about the target of a request. */
export interface Target {
  /** Overrides the route's action when it depends on the record (a risk on a product vs an initiative). */
  action?: Action;
  /** Products the request touches, for product managers' ownership. */
  productIds: string[];
}

/**
 * One API route: its method and path, the policy action it needs, its schemas (for the OpenAPI
 * document) and its handler. The route table is the single list the app, the OpenAPI document, the
 * authorization matrix test and the fuzzer are built from.
 */
export interface RouteSpec {
  method: Method;
  path: string;
  /** 'public': no sign-in; 'signed_in': any member; otherwise a policy action. */
  action: Action | 'public' | 'signed_in';
  tag: string;
  summary: string;
  body?: z.ZodType;
  query?: { name: string; description: string }[];
  /** Whether the path's :id names an organization-owned row (cross-tenant tests use this). */
  takesId?: boolean;
  /** Loads what authorization needs; throws not_found when the id is not in the organization. */
  target?: (ctx: ServiceContext, c: Context, body: unknown) => Promise<Target>;
  handler: (c: Context, ctx: ServiceContext, body: unknown) => Promise<Response>;
  /**
   * A GET whose answer depends only on the organization's data, the path and the query (not on who
   * asks): served from memory until the next write in the organization (services/readCache.ts).
   */
  cachedRead?: true;
}

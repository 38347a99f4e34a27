import type { Role } from './entities/enums.ts';

/**
 * The authorization policy: one table of role × action, with ownership for product managers.
 * Every API route names one action; the API checks it here before calling a service.
 */
export type Action =
  | 'read' // dashboards, lists, details
  | 'portfolio.write' // goals, segments, initiatives, resources, competitors, custom fields, scenarios
  | 'product.admin' // create/delete products, investment decisions
  | 'product.write' // a product's backlog, specs, releases, KPIs, financials, risks
  | 'feedback.create' // add feedback
  | 'feedback.triage' // edit feedback, link it to features
  | 'comment.write'
  | 'decision.write'
  | 'audit.read'
  | 'admin'; // users, memberships, tokens of others, organization settings

type Rule = readonly Role[] | { roles: readonly Role[]; ownerRoles: readonly Role[] };

const PM: readonly Role[] = ['admin', 'portfolio_manager'];

export const POLICY: Record<Action, Rule> = {
  read: ['admin', 'portfolio_manager', 'product_manager', 'contributor', 'viewer'],
  'portfolio.write': PM,
  'product.admin': PM,
  'product.write': { roles: PM, ownerRoles: ['product_manager'] },
  'feedback.create': ['admin', 'portfolio_manager', 'product_manager', 'contributor'],
  'feedback.triage': ['admin', 'portfolio_manager', 'product_manager'],
  'comment.write': ['admin', 'portfolio_manager', 'product_manager', 'contributor'],
  'decision.write': ['admin', 'portfolio_manager', 'product_manager'],
  'audit.read': PM,
  admin: ['admin'],
};

/**
 * Whether `role` may perform `action`. For owner-scoped actions, `ownsTarget` says whether the actor
 * owns every product the request touches (a product manager acting on another's product is refused).
 */
export function isAllowed(role: Role, action: Action, ownsTarget = false): boolean {
  const rule = POLICY[action];
  if (Array.isArray(rule)) return (rule as readonly Role[]).includes(role);
  const r = rule as { roles: readonly Role[]; ownerRoles: readonly Role[] };
  return r.roles.includes(role) || (ownsTarget && r.ownerRoles.includes(role));
}

/** Whether the action depends on who owns the product concerned. */
export function isOwnerScoped(action: Action): boolean {
  return !Array.isArray(POLICY[action]);
}

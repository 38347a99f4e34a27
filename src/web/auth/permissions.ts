import type { Action } from '../../domain/policy.ts';
import type { Product, Role } from '../api/types.ts';

type Rule = { roles: readonly Role[]; ownerRoles?: readonly Role[] };

const MANAGERS: readonly Role[] = ['admin', 'portfolio_manager'];

/**
 * The role × action table of src/domain/policy.ts, mirrored for the browser (the web layer may import
 * only types from the server; typing it as Record<Action, …> makes a new action a compile error here).
 * The server still decides: this only hides controls a role cannot use.
 */
const RULES: Record<Action, Rule> = {
  read: { roles: ['admin', 'portfolio_manager', 'product_manager', 'contributor', 'viewer'] },
  'portfolio.write': { roles: MANAGERS },
  'product.admin': { roles: MANAGERS },
  'product.write': { roles: MANAGERS, ownerRoles: ['product_manager'] },
  'feedback.create': { roles: ['admin', 'portfolio_manager', 'product_manager', 'contributor'] },
  'feedback.triage': { roles: ['admin', 'portfolio_manager', 'product_manager'] },
  'comment.write': { roles: ['admin', 'portfolio_manager', 'product_manager', 'contributor'] },
  'decision.write': { roles: ['admin', 'portfolio_manager', 'product_manager'] },
  'audit.read': { roles: MANAGERS },
  admin: { roles: ['admin'] },
};

/** Whether `role` may perform `action`; `owns` says whether the user owns the product concerned. */
export function can(role: Role, action: Action, owns = false): boolean {
  const rule = RULES[action];
  return rule.roles.includes(role) || (owns && (rule.ownerRoles ?? []).includes(role));
}

/** Whether the role may write to *some* product (product managers: the ones they own). */
export function canWriteSomeProduct(role: Role): boolean {
  return can(role, 'product.write', true);
}

/** Whether the user may change this product's backlog, releases, KPIs, financials and risks. */
export function canWriteProduct(role: Role, userId: string, product: Pick<Product, 'ownerId'> | undefined) {
  return can(role, 'product.write', Boolean(product && product.ownerId === userId));
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  portfolio_manager: 'Portfolio manager',
  product_manager: 'Product manager',
  contributor: 'Contributor',
  viewer: 'Viewer',
};

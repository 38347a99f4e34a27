import { and, eq, gt } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { organizations, portalAccounts, portalSessions, portals } from '../../store/schema.ts';
import { digest } from '../auth/secrets.ts';
import type { ServiceContext } from '../context.ts';

export interface PublicPortal {
  id: string;
  orgId: string;
  orgName: string;
  productId: string | null;
  slug: string;
  title: string;
  intro: string;
  visibility: 'public' | 'signin';
}

/** A signed-in portal account: a customer, never a member of the organization. */
export interface PortalAccount {
  id: string;
  email: string;
  name: string;
  customerId: string | null;
}

/** Who is using the portal page: the portal, and the signed-in account if any. */
export interface PortalVisit {
  portal: PublicPortal;
  account: PortalAccount | null;
}

const noPortal = () => new DomainError('not_found', 'no portal here');

/** The enabled portal a public URL names; a disabled portal looks exactly like none. */
export async function resolvePortal(store: Store, slug: string): Promise<PublicPortal> {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) throw noPortal();
  const [row] = await store.db
    .select({
      id: portals.id,
      orgId: portals.orgId,
      orgName: organizations.name,
      productId: portals.productId,
      slug: portals.slug,
      title: portals.title,
      intro: portals.intro,
      visibility: portals.visibility,
      enabled: portals.enabled,
    })
    .from(portals)
    .innerJoin(organizations, eq(organizations.id, portals.orgId))
    .where(eq(portals.slug, slug))
    .limit(1);
  if (!row?.enabled) throw noPortal();
  const { enabled: _e, ...portal } = row;
  return { ...portal, visibility: portal.visibility === 'signin' ? 'signin' : 'public' };
}

/** The account of a portal session cookie, if it is valid for this portal. */
export async function portalSessionAccount(
  store: Store,
  portal: PublicPortal,
  sessionId: string | undefined,
  now = new Date(),
): Promise<PortalAccount | null> {
  if (!sessionId) return null;
  const [row] = await store.db
    .select({
      id: portalAccounts.id,
      email: portalAccounts.email,
      name: portalAccounts.name,
      customerId: portalAccounts.customerId,
    })
    .from(portalSessions)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalSessions.accountId))
    .where(
      and(
        eq(portalSessions.idHash, digest(sessionId)),
        eq(portalSessions.portalId, portal.id),
        gt(portalSessions.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Opens a visit: refuses anonymous visitors of a sign-in-only portal. */
export async function openVisit(
  store: Store,
  slug: string,
  sessionId: string | undefined,
): Promise<PortalVisit> {
  const portal = await resolvePortal(store, slug);
  const account = await portalSessionAccount(store, portal, sessionId);
  if (portal.visibility === 'signin' && !account) {
    throw new DomainError('unauthenticated', 'this portal is for signed-in customers only');
  }
  return { portal, account };
}

/** The service context of a portal request: scoped to the portal's organization, acting as the visitor. */
export function portalContext(store: Store, visit: PortalVisit): ServiceContext {
  const who = visit.account ? `portal:${visit.account.email}` : 'portal visitor';
  return {
    store,
    orgId: visit.portal.orgId,
    actor: { type: 'anonymous', id: visit.account?.id ?? null, userId: null, name: who, role: 'viewer' },
    now: () => new Date(),
  };
}

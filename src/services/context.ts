import type { Role } from '../domain/entities/enums.ts';
import type { Store } from '../store/database.ts';

/** Who is acting: a signed-in user, an API token, or the system itself (CLI, demo loader). */
export interface Actor {
  type: 'user' | 'token' | 'system' | 'anonymous';
  /** user id, token id, or null for the system */
  id: string | null;
  userId: string | null;
  name: string;
  role: Role;
}

/** Everything a service needs, passed explicitly: the store, the organization, the actor, the clock. */
export interface ServiceContext {
  store: Store;
  orgId: string;
  actor: Actor;
  now: () => Date;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, userId: null, name: 'system', role: 'admin' };

export function systemContext(store: Store, orgId: string): ServiceContext {
  return { store, orgId, actor: SYSTEM_ACTOR, now: () => new Date() };
}

/** The context of a request that is not signed in (public pages, the login route itself). */
export function anonymousContext(store: Store): ServiceContext {
  return {
    store,
    orgId: '',
    actor: { type: 'anonymous', id: null, userId: null, name: 'anonymous', role: 'viewer' },
    now: () => new Date(),
  };
}

import { createContext, useContext } from 'react';
import type { Action } from '../../domain/policy.ts';
import type { Me, Product } from '../api/types.ts';

/** The signed-in user, their role in the current organization, and what the UI may offer them. */
export interface Session {
  me: Me;
  can: (action: Action) => boolean;
  /** Product-scoped writes: managers always, product managers for the products they own. */
  canWriteProduct: (product: Pick<Product, 'ownerId'> | undefined) => boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

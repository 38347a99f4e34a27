import { useMemo } from 'react';
import { can, canWriteProduct } from './auth/permissions.ts';
import { type Session, SessionContext } from './auth/SessionContext.ts';
import { useMe } from './auth/useMe.ts';
import { ErrorPanel } from './components/ErrorPanel.tsx';
import { LoadingPanel } from './components/LoadingPanel.tsx';
import { Shell } from './components/Shell.tsx';
import { LoginPage } from './pages/LoginPage.tsx';

/** Signed out → the login page; signed in → the application shell with the session in context. */
export function App() {
  const me = useMe();
  const session = useMemo<Session | null>(() => {
    const m = me.data;
    if (!m) return null;
    return {
      me: m,
      can: (action) => can(m.role, action),
      canWriteProduct: (product) => canWriteProduct(m.role, m.user.id, product),
    };
  }, [me.data]);

  if (me.isPending) return <LoadingPanel label="Starting Sextant" />;
  if (me.isError) return <ErrorPanel error={me.error} onRetry={() => me.refetch()} />;
  if (!session) return <LoginPage />;
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}

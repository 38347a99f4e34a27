import { Suspense, useEffect, useRef } from 'react';
import { useSession } from '../auth/SessionContext.ts';
import { Link } from '../router/Link.tsx';
import { matchPath, useLocation } from '../router/router.ts';
import { ROUTES } from '../routes.ts';
import { EmptyState } from './EmptyState.tsx';
import { LoadingPanel } from './LoadingPanel.tsx';
import { MainNav } from './MainNav.tsx';
import { OrgSwitcher } from './OrgSwitcher.tsx';
import { PageErrorBoundary } from './PageErrorBoundary.tsx';
import { PageHeader } from './PageHeader.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in layout: top bar, navigation, and the page of the current URL. */
export function Shell() {
  const { path } = useLocation();
  const session = useSession();
  const mainRef = useRef<HTMLElement>(null);
  let match: { route: (typeof ROUTES)[number]; params: Record<string, string> } | null = null;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) {
      match = { route, params };
      break;
    }
  }

  // Move focus to the new page (after the first render) so keyboard and screen-reader users follow along.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (path) mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);

  const Page = match?.route.page;
  const allowed = match ? session.can(match.route.action) : false;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◈
          </span>{' '}
          Sextant
        </span>
        <div className="topbar-right">
          <OrgSwitcher />
          <UserMenu />
        </div>
      </header>
      <MainNav path={path} />
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
        <PageErrorBoundary key={path}>
          <Suspense fallback={<LoadingPanel label="Loading page" />}>
            {Page && allowed && match ? (
              <Page params={match.params} />
            ) : (
              <>
                <PageHeader title={match ? 'Not available to your role' : 'Page not found'} />
                <EmptyState
                  title={
                    match
                      ? 'Your role in this organization does not include this page'
                      : `There is no page at ${path}`
                  }
                >
                  <Link to="/">Back to the overview</Link>
                </EmptyState>
              </>
            )}
          </Suspense>
        </PageErrorBoundary>
      </main>
    </div>
  );
}

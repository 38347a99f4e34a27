import { useSession } from '../auth/SessionContext.ts';
import { Link } from '../router/Link.tsx';
import { ROUTES } from '../routes.ts';

const GROUPS = ['Portfolio', 'Product', 'Admin'] as const;

function isCurrent(pattern: string, path: string): boolean {
  if (pattern === '/') return path === '/';
  return path === pattern || path.startsWith(`${pattern}/`);
}

/** The main navigation: only the pages the current role may open. */
export function MainNav({ path }: { path: string }) {
  const session = useSession();
  const items = ROUTES.filter((r) => r.nav && session.can(r.action));
  return (
    <nav className="sidenav" aria-label="Main">
      {GROUPS.map((group) => {
        const inGroup = items.filter((r) => r.nav?.group === group);
        if (inGroup.length === 0) return null;
        return (
          <div key={group} className="sidenav-group">
            <h2 className="sidenav-heading">{group}</h2>
            <ul>
              {inGroup.map((r) => (
                <li key={r.pattern}>
                  <Link to={r.pattern} aria-current={isCurrent(r.pattern, path) ? 'page' : undefined}>
                    {r.nav?.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

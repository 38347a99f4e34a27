import { useSession } from '../auth/SessionContext.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useQueryParam } from '../router/useQueryParam.ts';
import { TokensSection } from './settings/TokensSection.tsx';
import { UsersSection } from './settings/UsersSection.tsx';

/** Your API tokens, and (for admins) the organization's members. */
export function SettingsPage() {
  const session = useSession();
  const isAdmin = session.can('admin');
  const [tab, setTab] = useQueryParam('tab');
  const current = isAdmin && tab === 'users' ? 'users' : 'tokens';
  return (
    <>
      <PageHeader title="Settings" />
      <div className="tabs" role="tablist" aria-label="Settings sections">
        <button type="button" role="tab" aria-selected={current === 'tokens'} onClick={() => setTab('')}>
          API tokens
        </button>
        {isAdmin && (
          <button
            type="button"
            role="tab"
            aria-selected={current === 'users'}
            onClick={() => setTab('users')}
          >
            Users
          </button>
        )}
      </div>
      {current === 'users' ? <UsersSection /> : <TokensSection />}
    </>
  );
}

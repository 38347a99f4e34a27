import { useSession } from '../auth/SessionContext.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useQueryParam } from '../router/useQueryParam.ts';
import { GoalWeightsSection } from './settings/GoalWeightsSection.tsx';
import { TokensSection } from './settings/TokensSection.tsx';
import { UsersSection } from './settings/UsersSection.tsx';

/** Your API tokens, the strategic goals' weights (pairwise or direct), and (for admins) the members. */
export function SettingsPage() {
  const session = useSession();
  const isAdmin = session.can('admin');
  const [tab, setTab] = useQueryParam('tab');
  const current = isAdmin && tab === 'users' ? 'users' : tab === 'goals' ? 'goals' : 'tokens';
  return (
    <>
      <PageHeader title="Settings" />
      <div className="tabs" role="tablist" aria-label="Settings sections">
        <button type="button" role="tab" aria-selected={current === 'tokens'} onClick={() => setTab('')}>
          API tokens
        </button>
        <button type="button" role="tab" aria-selected={current === 'goals'} onClick={() => setTab('goals')}>
          Goal weights
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
      {current === 'users' ? (
        <UsersSection />
      ) : current === 'goals' ? (
        <GoalWeightsSection />
      ) : (
        <TokensSection />
      )}
    </>
  );
}

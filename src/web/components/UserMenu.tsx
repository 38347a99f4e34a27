import { useQueryClient } from '@tanstack/react-query';
import { request } from '../api/client.ts';
import { ROLE_LABELS } from '../auth/permissions.ts';
import { useSession } from '../auth/SessionContext.ts';
import { ME_KEY } from '../auth/useMe.ts';
import { navigate } from '../router/router.ts';
import { NotificationsLink } from './NotificationsLink.tsx';

/** Who is signed in, with which role, and the sign-out button. */
export function UserMenu() {
  const { me } = useSession();
  const qc = useQueryClient();
  const signOut = async () => {
    try {
      await request('POST', '/api/v1/auth/logout');
    } finally {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
      navigate('/');
    }
  };
  return (
    <div className="user-menu">
      <NotificationsLink />
      <span className="user-name">{me.user.email}</span>
      <span className="tag tag-neutral" data-testid="role">
        {ROLE_LABELS[me.role]}
      </span>
      <button type="button" className="btn btn-ghost btn-small" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}

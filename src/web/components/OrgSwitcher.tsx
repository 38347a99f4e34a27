import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { request } from '../api/client.ts';
import { useSession } from '../auth/SessionContext.ts';
import { navigate } from '../router/router.ts';

/** Switches the session to another organization the user belongs to; every cached list is dropped. */
export function OrgSwitcher() {
  const { me } = useSession();
  const qc = useQueryClient();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const current = me.organizations.find((o) => o.orgId === me.orgId);
  if (me.organizations.length < 2) {
    return <span className="org-name">{current?.orgName ?? 'Organization'}</span>;
  }
  const change = async (orgId: string) => {
    setError(null);
    try {
      await request('POST', '/api/v1/auth/switch-org', { orgId });
      qc.clear();
      navigate('/');
      await qc.invalidateQueries();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="org-switcher">
      <label htmlFor={id} className="visually-hidden">
        Organization
      </label>
      <select id={id} value={me.orgId} onChange={(e) => change(e.target.value)}>
        {me.organizations.map((o) => (
          <option key={o.orgId} value={o.orgId}>
            {o.orgName}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

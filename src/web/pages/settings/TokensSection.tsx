import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, issueFor, request } from '../../api/client.ts';
import type { ApiToken, CreatedToken } from '../../api/types.ts';
import { Card } from '../../components/Card.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtDate } from '../../format/format.ts';

/** Create (the secret is shown once) and revoke your API tokens for scripts. */
export function TokensSection() {
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: ({ signal }) => apiGet<{ items: ApiToken[] }>('/api/v1/tokens', signal).then((r) => r.items),
  });
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'read-write'>('read');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation({
    mutationFn: () =>
      request<CreatedToken>('POST', '/api/v1/tokens', { name, scope, expiresInDays: Number(days) }),
    onSuccess: async (t) => {
      setCreated(t);
      setName('');
      await qc.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => request('DELETE', `/api/v1/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate();
  };
  const nameError = issueFor(create.error, 'name');
  const daysError = issueFor(create.error, 'expiresInDays');
  return (
    <>
      <Card title="Create an API token">
        <form onSubmit={submit} aria-label="Create an API token">
          <div className="form-grid">
            <Field id="token-name" label="Name" error={nameError}>
              <input
                id="token-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={Boolean(nameError)}
                aria-describedby={describedBy('token-name', nameError)}
              />
            </Field>
            <Field id="token-scope" label="Scope">
              <select
                id="token-scope"
                value={scope}
                onChange={(e) => setScope(e.target.value as typeof scope)}
              >
                <option value="read">Read only</option>
                <option value="read-write">Read and write</option>
              </select>
            </Field>
            <Field id="token-days" label="Expires after (days)" error={daysError}>
              <input
                id="token-days"
                type="number"
                min={1}
                max={730}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                aria-invalid={Boolean(daysError)}
                aria-describedby={describedBy('token-days', daysError)}
              />
            </Field>
          </div>
          <FormError error={create.error} fields={['name', 'expiresInDays']} />
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            Create token
          </button>
        </form>
        {created && (
          <div role="status" style={{ marginTop: 12 }}>
            <p>
              <strong>Copy the token now — it is shown only once.</strong> Send it as{' '}
              <code>Authorization: Bearer …</code>.
            </p>
            <p className="secret" data-testid="new-token">
              {created.token}
            </p>
          </div>
        )}
      </Card>
      <Card title="Your tokens">
        <QueryState query={tokens} label="tokens" empty="You have no API tokens in this organization">
          {(rows) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{t.scope}</td>
                    <td>{fmtDate(t.createdAt)}</td>
                    <td>{fmtDate(t.expiresAt)}</td>
                    <td>{fmtDate(t.lastUsedAt)}</td>
                    <td>
                      {t.revokedAt ? (
                        <Tag tone="danger">Revoked</Tag>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-danger btn-small"
                          onClick={() => revoke.mutate(t.id)}
                          disabled={revoke.isPending}
                          aria-label={`Revoke token ${t.name}`}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
        <FormError error={revoke.error} />
      </Card>
    </>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, issueFor, request } from '../../api/client.ts';
import type { Role, UserSummary } from '../../api/types.ts';
import { ROLE_LABELS } from '../../auth/permissions.ts';
import { Card } from '../../components/Card.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryState } from '../../components/QueryState.tsx';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Members of the organization and the form to add one (admins). */
export function UsersSection() {
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => apiGet<{ items: UserSummary[] }>('/api/v1/users', signal).then((r) => r.items),
  });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const add = useMutation({
    mutationFn: () =>
      request('POST', '/api/v1/users', {
        email,
        role,
        ...(name ? { name } : {}),
        ...(password ? { password } : {}),
      }),
    onSuccess: async () => {
      setEmail('');
      setName('');
      setPassword('');
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const err = (f: string) => issueFor(add.error, f);
  return (
    <>
      <Card title="Add a member">
        <form onSubmit={submit} aria-label="Add a member">
          <div className="form-grid">
            <Field id="user-email" label="Email" error={err('email')}>
              <input
                id="user-email"
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={Boolean(err('email'))}
                aria-describedby={describedBy('user-email', err('email'))}
              />
            </Field>
            <Field id="user-name" label="Name (optional)" error={err('name')}>
              <input id="user-name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field id="user-role" label="Role" error={err('role')}>
              <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="user-password" label="Initial password (optional)" error={err('password')}>
              <input
                id="user-password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={Boolean(err('password'))}
                aria-describedby={describedBy('user-password', err('password'))}
              />
            </Field>
          </div>
          <FormError error={add.error} fields={['email', 'name', 'role', 'password']} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={add.isPending}>
              Add member
            </button>
            {add.isSuccess && (
              <span role="status" className="success-text">
                Member added.
              </span>
            )}
          </div>
        </form>
      </Card>
      <Card title="Members">
        <QueryState query={users} label="members" empty="No members">
          {(rows) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => (
                  <tr key={u.id}>
                    <td>{u.name}</td>
                    <td>{u.email}</td>
                    <td>{ROLE_LABELS[u.role]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </Card>
    </>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { issueFor, request } from '../api/client.ts';
import { ME_KEY } from '../auth/useMe.ts';
import { describedBy, Field } from '../components/Field.tsx';
import { FormError } from '../components/FormError.tsx';

/** Sign-in with email and password (a session cookie; the CSRF token comes back in a readable cookie). */
export function LoginPage() {
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request('POST', '/api/v1/auth/login', { email, password });
      await qc.invalidateQueries({ queryKey: ME_KEY });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const emailError = issueFor(error, 'email');
  const passwordError = issueFor(error, 'password');
  return (
    <main className="login" id="main">
      <div className="login-card">
        <div className="brand login-brand">
          <span className="brand-mark" aria-hidden="true">
            ◈
          </span>{' '}
          Sextant
        </div>
        <h1>Sign in</h1>
        <p className="muted">Product and portfolio management, driven by your segments.</p>
        <form onSubmit={submit} noValidate>
          <Field id="login-email" label="Email" error={emailError}>
            <input
              id="login-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={Boolean(emailError)}
              aria-describedby={describedBy('login-email', emailError)}
            />
          </Field>
          <Field id="login-password" label="Password" error={passwordError}>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(passwordError)}
              aria-describedby={describedBy('login-password', passwordError)}
            />
          </Field>
          <FormError error={error} fields={['email', 'password']} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted small">
          Trying the demo? Sign in as <code>portfolio@demo.test</code>, <code>product@demo.test</code> or{' '}
          <code>viewer@demo.test</code> with the password printed by <code>sextant serve</code>.
        </p>
      </div>
    </main>
  );
}

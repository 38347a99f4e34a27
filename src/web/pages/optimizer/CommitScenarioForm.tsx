import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { CommittedScenario, SavedScenario } from '../../api/optimizer.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Link } from '../../router/Link.tsx';

/**
 * Commits a saved scenario: its initiatives are approved and staffed and the decision is logged with the
 * rationale. Sent with If-Match, so a scenario changed meanwhile is refused rather than committed.
 */
export function CommitScenarioForm({
  scenario,
  onCommitted,
}: {
  scenario: SavedScenario;
  onCommitted: (c: CommittedScenario) => void;
}) {
  const qc = useQueryClient();
  const [rationale, setRationale] = useState('');
  const commit = useMutation({
    mutationFn: () =>
      request<CommittedScenario>(
        'POST',
        `/api/v1/scenarios/${scenario.id}/commit`,
        { rationale },
        { ifMatch: scenario.version },
      ),
    // Approvals change the roadmap, capacity, dashboard and every initiative list.
    onSuccess: async (c) => {
      onCommitted(c);
      await qc.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit.mutate();
  };
  const error = issueFor(commit.error, 'rationale');
  return (
    <form onSubmit={submit} aria-label="Commit the scenario">
      <Field
        id="commit-rationale"
        label="Rationale"
        error={error}
        hint="Lands in the decision log with the scenario's figures"
      >
        <textarea
          id="commit-rationale"
          rows={3}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy('commit-rationale', error, 'hint')}
        />
      </Field>
      <FormError error={commit.error} fields={['rationale']} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={commit.isPending}>
          Commit scenario
        </button>
      </div>
    </form>
  );
}

/** What a commit did: initiatives approved, rescheduled, unstaffed demand; links to where it shows. */
export function CommitResult({
  result: c,
  names,
}: {
  result: CommittedScenario;
  names: Record<string, string>;
}) {
  return (
    <div role="status" data-testid="commit-result">
      <p className="success-text">
        <strong>Committed.</strong> {c.approved.length} initiative{c.approved.length === 1 ? '' : 's'}{' '}
        approved
        {c.rescheduled.length > 0 && `, ${c.rescheduled.length} rescheduled`}
        {c.unstaffed.length > 0 && `, ${c.unstaffed.length} role-quarters left unstaffed`}.
      </p>
      {c.approved.length > 0 && (
        <ul className="plain-list" aria-label="Approved initiatives">
          {c.approved.map((id) => (
            <li key={id}>{names[id] ?? id}</li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/roadmap">See the roadmap</Link> ·{' '}
        <Link to="/decisions?kind=scenario_commit">Decision log</Link>
      </p>
    </div>
  );
}

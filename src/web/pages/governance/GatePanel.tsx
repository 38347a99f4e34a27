import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, issueFor, request } from '../../api/client.ts';
import type { InitiativeGate } from '../../api/governance.ts';
import { useSession } from '../../auth/SessionContext.ts';
import { CommentThread } from '../../components/CommentThread.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtDateTime, humanize } from '../../format/format.ts';

const OUTCOMES = [
  { path: 'approve', label: 'Pass the gate', className: 'btn btn-primary' },
  { path: 'send-back', label: 'Send back', className: 'btn btn-secondary' },
  { path: 'reject', label: 'Reject', className: 'btn btn-danger' },
] as const;

/**
 * Where one initiative stands in the stage gates: the gates in order, what is missing at the current
 * one, its history, and — for the gate's approver roles — pass, send back or reject with a reason.
 */
export function GatePanel({ initiativeId }: { initiativeId: string }) {
  const { me } = useSession();
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const gate = useQuery({
    queryKey: ['gate', initiativeId],
    queryFn: ({ signal }) => apiGet<InitiativeGate>(`/api/v1/initiatives/${initiativeId}/gate`, signal),
  });
  const decide = useMutation({
    mutationFn: (path: string) =>
      request<InitiativeGate>('POST', `/api/v1/initiatives/${initiativeId}/gate/${path}`, { comment }),
    onSuccess: () => {
      setComment('');
      qc.invalidateQueries({ queryKey: ['gate', initiativeId] });
      qc.invalidateQueries({ queryKey: ['list', 'decisions'] });
      qc.invalidateQueries({ queryKey: ['reviews'] });
    },
  });
  return (
    <QueryState query={gate} label="gate">
      {(g) => {
        const currentIndex = g.gates.findIndex((x) => x.key === g.currentGate?.key);
        const mayDecide = g.status === 'waiting' && !!g.currentGate?.approverRoles.includes(me.role);
        const commentError = issueFor(decide.error, 'comment');
        return (
          <div className="gate-panel">
            <ol className="gate-steps" aria-label="Stage gates">
              {g.gates.map((step, i) => {
                const state =
                  g.status === 'passed' || i < currentIndex
                    ? 'done'
                    : i === currentIndex
                      ? g.status === 'rejected'
                        ? 'rejected'
                        : 'current'
                      : 'todo';
                return (
                  <li
                    key={step.key}
                    className={`gate-step gate-${state}`}
                    aria-current={state === 'current' ? 'step' : undefined}
                  >
                    {step.name}
                  </li>
                );
              })}
            </ol>
            <p>
              Status:{' '}
              <Tag tone={g.status === 'rejected' ? 'danger' : g.status === 'passed' ? 'success' : 'info'}>
                {humanize(g.status)}
              </Tag>
              {g.currentGate && g.status === 'waiting' && (
                <span className="muted small">
                  {' '}
                  at {g.currentGate.name}; decided by {g.currentGate.approverRoles.map(humanize).join(', ')}
                </span>
              )}
            </p>
            {g.status === 'waiting' &&
              (g.missing.length > 0 ? (
                <div>
                  <h3 className="small">Missing before this gate can be passed</h3>
                  <ul>
                    {g.missing.map((m) => (
                      <li key={m.field}>{m.label}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="muted small">Everything this gate requires is in place.</p>
              ))}
            {mayDecide && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                }}
              >
                <Field id="gate-comment" label="Reason (recorded in the decision log)" error={commentError}>
                  <textarea
                    id="gate-comment"
                    rows={3}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                    aria-invalid={commentError ? true : undefined}
                    aria-describedby={describedBy('gate-comment', commentError)}
                  />
                </Field>
                <div className="form-actions">
                  {OUTCOMES.map((o) => (
                    <button
                      key={o.path}
                      type="button"
                      className={o.className}
                      disabled={decide.isPending}
                      onClick={() => decide.mutate(o.path)}
                    >
                      {o.label}
                    </button>
                  ))}
                </div>
                <FormError error={decide.error} fields={['comment']} />
              </form>
            )}
            <h3 className="small gate-history-title">History</h3>
            {g.history.length === 0 ? (
              <p className="muted small">No gate decision yet.</p>
            ) : (
              <ul className="gate-history">
                {[...g.history].reverse().map((h) => (
                  <li key={`${h.at}-${h.gate}`}>
                    <strong>{humanize(h.outcome)}</strong> at{' '}
                    {g.gates.find((x) => x.key === h.gate)?.name ?? h.gate} by {h.actorName},{' '}
                    {fmtDateTime(h.at)}: {h.comment}
                  </li>
                ))}
              </ul>
            )}
            <CommentThread subjectType="initiative" subjectId={initiativeId} />
          </div>
        );
      }}
    </QueryState>
  );
}

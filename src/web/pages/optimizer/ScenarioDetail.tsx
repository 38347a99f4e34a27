import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, request } from '../../api/client.ts';
import type { CommittedScenario, SavedScenario } from '../../api/optimizer.ts';
import { useSession } from '../../auth/SessionContext.ts';
import { Card } from '../../components/Card.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtDateTime } from '../../format/format.ts';
import { CommitResult, CommitScenarioForm } from './CommitScenarioForm.tsx';
import { RunReport } from './RunReport.tsx';

/** One saved scenario: its report as run, and (portfolio managers) commit or delete. */
export function ScenarioDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const session = useSession();
  const qc = useQueryClient();
  const scenario = useQuery({
    queryKey: ['scenarios', id],
    queryFn: ({ signal }) => apiGet<SavedScenario>(`/api/v1/scenarios/${id}`, signal),
  });
  const [committed, setCommitted] = useState<CommittedScenario | null>(null);
  // The summary names only what it shows; the full report is fetched when someone asks for every list,
  // or to name all the initiatives a commit approved.
  const [wantFull, setWantFull] = useState(false);
  const needsFull = wantFull || (committed !== null && Boolean(scenario.data?.report.truncated?.names));
  const full = useQuery({
    queryKey: ['scenarios', id, 'full'],
    queryFn: ({ signal }) => apiGet<SavedScenario>(`/api/v1/scenarios/${id}?detail=full`, signal),
    enabled: needsFull,
  });
  const remove = useMutation({
    mutationFn: (s: SavedScenario) =>
      request('DELETE', `/api/v1/scenarios/${s.id}`, undefined, { ifMatch: s.version }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['scenarios'] });
      onClose();
    },
  });
  const canWrite = session.can('portfolio.write');
  return (
    <QueryState query={scenario} label="the scenario">
      {(s) => {
        const isCommitted = s.status === 'committed';
        const plan = s.report.result.status === 'optimal' || s.report.result.status === 'feasible';
        return (
          <>
            <Card
              title={`Scenario: ${s.name}`}
              actions={
                <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
                  Back to the list
                </button>
              }
            >
              <p>
                <Tag tone={isCommitted ? 'success' : 'neutral'}>{isCommitted ? 'Committed' : 'Saved'}</Tag>{' '}
                <span className="muted">
                  by {s.createdBy}, {fmtDateTime(s.createdAt)}
                  {s.committedAt && ` · committed ${fmtDateTime(s.committedAt)}`}
                </span>
              </p>
              {s.description && <p>{s.description}</p>}
            </Card>
            <RunReport
              run={wantFull && full.data ? full.data.report : s.report}
              onShowAll={() => setWantFull(true)}
              loadingAll={wantFull && full.isFetching}
            />
            <FormError error={full.error} />
            {committed && (
              <Card title="Commit">
                <CommitResult result={committed} names={full.data?.report.names ?? s.report.names} />
              </Card>
            )}
            {canWrite && !isCommitted && !committed && (
              <Card title="Commit">
                {plan ? (
                  <CommitScenarioForm scenario={s} onCommitted={setCommitted} />
                ) : (
                  <p className="muted">
                    This run found no plan to commit; change its constraints and save it again.
                  </p>
                )}
                <div className="form-actions">
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    onClick={() => remove.mutate(s)}
                    disabled={remove.isPending}
                  >
                    Delete scenario
                  </button>
                </div>
                <FormError error={remove.error} />
              </Card>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

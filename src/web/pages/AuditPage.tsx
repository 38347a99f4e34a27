import { useInfiniteQuery } from '@tanstack/react-query';
import { apiGet } from '../api/client.ts';
import { listPath } from '../api/lists.ts';
import type { AuditEntry, Page } from '../api/types.ts';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { LoadingPanel } from '../components/LoadingPanel.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { fmtDateTime } from '../format/format.ts';
import { useQueryParam } from '../router/useQueryParam.ts';

const ENTITIES = [
  'products',
  'segments',
  'features',
  'feedback',
  'feedback-links',
  'initiatives',
  'risks',
  'decisions',
  'releases',
  'kpis',
];

/** The audit trail of every write, newest first (admins and portfolio managers). */
export function AuditPage() {
  const [entity, setEntity] = useQueryParam('entity');
  const [action, setAction] = useQueryParam('action');
  const audit = useInfiniteQuery({
    queryKey: ['list', 'audit', entity, action],
    queryFn: ({ pageParam, signal }) =>
      apiGet<Page<AuditEntry>>(listPath('audit', { entity, action, limit: 100, cursor: pageParam }), signal),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle="Who changed what and when. Every write through the API lands here."
      />
      <Card>
        <div className="filters">
          <SelectFilter
            id="audit-entity"
            label="Entity"
            value={entity}
            onChange={setEntity}
            options={ENTITIES.map((e) => ({ value: e, label: e }))}
          />
          <SelectFilter
            id="audit-action"
            label="Action"
            value={action}
            onChange={setAction}
            options={['create', 'update', 'delete', 'decide'].map((a) => ({ value: a, label: a }))}
          />
        </div>
        {audit.isPending ? (
          <LoadingPanel label="Loading the audit trail" />
        ) : audit.isError ? (
          <ErrorPanel error={audit.error} onRetry={() => audit.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No audit entries match">Changes made through Sextant appear here.</EmptyState>
        ) : (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Entity</th>
                  <th scope="col">Id</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id}>
                    <td>{fmtDateTime(a.at)}</td>
                    <td>{a.actorName}</td>
                    <td>{a.action}</td>
                    <td>{a.entity}</td>
                    <td className="small muted">{a.entityId ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {audit.hasNextPage && (
              <button
                type="button"
                className="btn btn-secondary btn-block"
                onClick={() => audit.fetchNextPage()}
                disabled={audit.isFetchingNextPage}
              >
                Load more
              </button>
            )}
          </>
        )}
      </Card>
    </>
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { fetchPage } from '../api/lists.ts';
import type { Customer, Feedback, Segment } from '../api/types.ts';
import { useEntity } from '../api/useEntity.ts';
import { useList } from '../api/useList.ts';
import { useSession } from '../auth/SessionContext.ts';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { LoadingPanel } from '../components/LoadingPanel.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { humanize } from '../format/format.ts';
import { useQueryParam } from '../router/useQueryParam.ts';
import { AddFeedbackForm } from './feedback/AddFeedbackForm.tsx';
import { DemandBySegment } from './feedback/DemandBySegment.tsx';
import { FeedbackListItem } from './feedback/FeedbackListItem.tsx';
import { TriagePanel } from './feedback/TriagePanel.tsx';

const SOURCES = ['sales', 'support', 'portal', 'import', 'interview', 'survey', 'other'];
const STATUSES = ['new', 'triaged', 'archived'];

/** The feedback inbox: filter, read, and triage items into features with how much they matter. */
export function FeedbackPage() {
  const session = useSession();
  const [segmentId, setSegmentId] = useQueryParam('segment');
  const [customerId, setCustomerId] = useQueryParam('customer');
  const [source, setSource] = useQueryParam('source');
  const [status, setStatus] = useQueryParam('status');
  const [q, setQ] = useQueryParam('q');
  const [selectedId, setSelectedId] = useQueryParam('item');
  const [adding, setAdding] = useState(false);

  const segments = useList<Segment>('segments', { sort: 'name', order: 'asc' });
  const customers = useList<Customer>('customers', { sort: 'name', order: 'asc' });
  const segmentName = useMemo(
    () => new Map((segments.data ?? []).map((s) => [s.id, s.name])),
    [segments.data],
  );
  const customerName = useMemo(
    () => new Map((customers.data ?? []).map((c) => [c.id, c.name])),
    [customers.data],
  );

  const params = { segmentId, customerId, source, status, q, sort: 'createdAt', order: 'desc', limit: 50 };
  const feed = useInfiniteQuery({
    queryKey: ['list', 'feedback', 'inbox', params],
    queryFn: ({ pageParam, signal }) =>
      fetchPage<Feedback>('feedback', { ...params, cursor: pageParam }, signal),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  // Loaded by id, so the item stays open after triage moves it out of the filtered list.
  const selectedQuery = useEntity<Feedback>('feedback', selectedId || undefined);
  const selected = selectedQuery.data;

  return (
    <>
      <PageHeader
        title="Feedback inbox"
        subtitle="Customer feedback from sales, support and the portal. Triage links it to features with its importance."
        actions={
          session.can('feedback.create') && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setAdding(!adding)}
              aria-expanded={adding}
            >
              Add feedback
            </button>
          )
        }
      />
      {adding && <AddFeedbackForm segments={segments.data ?? []} onDone={() => setAdding(false)} />}
      <Card>
        <div className="filters">
          <SelectFilter
            id="fb-status"
            label="Status"
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
          />
          <SelectFilter
            id="fb-segment"
            label="Segment"
            value={segmentId}
            onChange={setSegmentId}
            options={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <SelectFilter
            id="fb-customer"
            label="Customer"
            value={customerId}
            onChange={setCustomerId}
            options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <SelectFilter
            id="fb-source"
            label="Source"
            value={source}
            onChange={setSource}
            options={SOURCES.map((s) => ({ value: s, label: humanize(s) }))}
          />
          <SearchBox id="fb-q" label="Search text" value={q} onChange={setQ} />
        </div>
        <div className="split">
          <section aria-label="Feedback items">
            {feed.isPending ? (
              <LoadingPanel label="Loading feedback" />
            ) : feed.isError ? (
              <ErrorPanel error={feed.error} onRetry={() => feed.refetch()} />
            ) : items.length === 0 ? (
              <EmptyState title="No feedback matches">Clear the filters, or add feedback.</EmptyState>
            ) : (
              <>
                <ul className="plain-list" data-testid="feedback-list">
                  {items.map((f) => (
                    <FeedbackListItem
                      key={f.id}
                      item={f}
                      selected={f.id === selectedId}
                      onSelect={() => setSelectedId(f.id)}
                      customer={f.customerId ? customerName.get(f.customerId) : undefined}
                      segment={f.segmentId ? segmentName.get(f.segmentId) : undefined}
                    />
                  ))}
                </ul>
                {feed.hasNextPage && (
                  <button
                    type="button"
                    className="btn btn-secondary btn-block"
                    onClick={() => feed.fetchNextPage()}
                    disabled={feed.isFetchingNextPage}
                  >
                    {feed.isFetchingNextPage ? 'Loading…' : 'Load more'}
                  </button>
                )}
              </>
            )}
          </section>
          <div>
            {selected ? (
              <TriagePanel
                key={selected.id}
                item={selected}
                canTriage={session.can('feedback.triage')}
                customer={selected.customerId ? customerName.get(selected.customerId) : undefined}
                segment={selected.segmentId ? segmentName.get(selected.segmentId) : undefined}
              />
            ) : (
              <EmptyState title="Select a feedback item">
                Its details and the triage actions appear here.
              </EmptyState>
            )}
          </div>
        </div>
      </Card>
      <DemandBySegment segmentName={segmentName} />
    </>
  );
}

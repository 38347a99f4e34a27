import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RankedBacklog as Ranked } from '../api/analytics.ts';
import { apiGet } from '../api/client.ts';
import { listPath } from '../api/lists.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { LoadingPanel } from '../components/LoadingPanel.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtNumber, humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';

/**
 * The backlog ranked by portfolio priority (GET /backlog): each feature's impact in the segments that
 * matter, weighted by their place in the pecking order, plus customer demand; with RICE/ICE/WSJF.
 */
export function RankedBacklog({
  productId,
  productName,
  onOpen,
}: {
  productId: string;
  productName: (id: string) => string;
  onOpen: (id: string) => void;
}) {
  const [capacityShort, setCapacityShort] = useState(false);
  const ranked = useInfiniteQuery({
    queryKey: ['ranked-backlog', productId, capacityShort],
    queryFn: ({ pageParam, signal }) =>
      apiGet<Ranked>(
        listPath('backlog', {
          productId,
          limit: 500,
          offset: pageParam,
          capacityShort: capacityShort ? 'true' : '',
        }),
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const rows = ranked.data?.pages.flatMap((p) => p.items) ?? [];
  const first = ranked.data?.pages[0];
  return (
    <>
      <div className="toolbar">
        <label className="radio">
          <input
            type="checkbox"
            checked={capacityShort}
            onChange={(e) => setCapacityShort(e.target.checked)}
          />
          Capacity is short: favour segment-specific work for the top segments (80/20)
        </label>
        {first && (
          <span className="progress-note">
            {first.ranked} ranked, {first.parked} suggested for the parking lot, {first.total} open in all
          </span>
        )}
      </div>
      {ranked.isPending ? (
        <LoadingPanel label="Ranking the backlog" />
      ) : ranked.isError ? (
        <ErrorPanel error={ranked.error} onRetry={() => ranked.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="Nothing to rank">
          Open features appear here ranked by portfolio priority.
        </EmptyState>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col">Feature</th>
                <th scope="col">Product</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Priority
                </th>
                <th scope="col" className="num">
                  RICE
                </th>
                <th scope="col" className="num">
                  WSJF
                </th>
                <th scope="col">Parking lot</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.featureId}>
                  <td className="num">{r.rank ?? '—'}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onOpen(r.featureId)}>
                      {r.title}
                    </button>
                    {r.manualRank !== null && (
                      <>
                        {' '}
                        <Tag tone="warning">manual</Tag>
                      </>
                    )}
                  </td>
                  <td>{productName(r.productId)}</td>
                  <td>
                    <Tag tone={toneOf(r.status)}>{humanize(r.status)}</Tag>
                  </td>
                  <td className="num">{fmtNumber(r.score)}</td>
                  <td className="num">{fmtNumber(r.frameworks.rice)}</td>
                  <td className="num">{fmtNumber(r.frameworks.wsjf)}</td>
                  <td className="small">{r.parked ? (r.parkedReason ?? 'suggested') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ranked.hasNextPage && (
            <button
              type="button"
              className="btn btn-secondary btn-block"
              onClick={() => ranked.fetchNextPage()}
              disabled={ranked.isFetchingNextPage}
            >
              Load more
            </button>
          )}
        </>
      )}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { Roadmap } from '../../api/analytics.ts';
import { apiGet } from '../../api/client.ts';
import { listPath } from '../../api/lists.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { LoadingPanel } from '../../components/LoadingPanel.tsx';
import { fmtNumber, humanize } from '../../format/format.ts';
import { RoadmapItemLine } from './RoadmapItemLine.tsx';
import { RoadmapPager } from './RoadmapPager.tsx';
import { HORIZON_PAGE_SIZE } from './useRoadmapPaging.ts';

const HORIZONS = ['now', 'next', 'later'] as const;

function useHorizon(productId: string, horizon: string, page: number) {
  return useQuery({
    queryKey: ['roadmap', productId, 'horizon', horizon, page],
    queryFn: ({ signal }) =>
      apiGet<Roadmap>(
        listPath('roadmap', {
          productId,
          view: 'horizon',
          group: horizon,
          limit: HORIZON_PAGE_SIZE,
          offset: (page - 1) * HORIZON_PAGE_SIZE,
        }),
        signal,
      ),
  });
}

/** Now / next / later columns, each a page of its own rows; one pager moves all three. */
export function RoadmapHorizons({
  productId,
  page,
  hrefFor,
}: {
  productId: string;
  page: number;
  hrefFor: (page: number) => string;
}) {
  const columns = [
    useHorizon(productId, 'now', page),
    useHorizon(productId, 'next', page),
    useHorizon(productId, 'later', page),
  ];
  const totals = columns.find((c) => c.data)?.data?.totals.horizons;
  const largest = Math.max(0, ...HORIZONS.map((h) => totals?.[h] ?? 0));
  return (
    <>
      <div className="roadmap">
        {HORIZONS.map((h, k) => {
          const q = columns[k]!;
          const from = (page - 1) * HORIZON_PAGE_SIZE;
          return (
            <section key={h} aria-label={humanize(h)} className="roadmap-column">
              <h2>
                {humanize(h)} <span className="muted small">({fmtNumber(q.data?.page.total ?? 0)})</span>
              </h2>
              {q.isPending ? (
                <LoadingPanel label={`Loading ${h}`} />
              ) : q.isError ? (
                <ErrorPanel error={q.error} onRetry={() => q.refetch()} />
              ) : (
                <>
                  <ul className="plain-list">
                    {q.data.items.map((item) => (
                      <RoadmapItemLine key={`${item.kind}:${item.id}`} item={item} />
                    ))}
                  </ul>
                  {q.data.page.total > HORIZON_PAGE_SIZE && q.data.items.length > 0 && (
                    <p className="muted small">
                      {fmtNumber(from + 1)}–{fmtNumber(from + q.data.items.length)} of{' '}
                      {fmtNumber(q.data.page.total)}
                    </p>
                  )}
                </>
              )}
            </section>
          );
        })}
      </div>
      <RoadmapPager
        page={page}
        pageCount={Math.max(1, Math.ceil(largest / HORIZON_PAGE_SIZE))}
        summary={`${fmtNumber(HORIZON_PAGE_SIZE)} per column`}
        hrefFor={hrefFor}
      />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { Roadmap } from '../api/analytics.ts';
import { apiGet } from '../api/client.ts';
import { listPath } from '../api/lists.ts';
import type { Product } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { Card } from '../components/Card.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { useQueryParam } from '../router/useQueryParam.ts';
import { RoadmapByRelease } from './roadmap/RoadmapByRelease.tsx';
import { RoadmapHorizons } from './roadmap/RoadmapHorizons.tsx';
import { RoadmapPager, rowsSummary } from './roadmap/RoadmapPager.tsx';
import { RoadmapTimeline } from './roadmap/RoadmapTimeline.tsx';
import { useCapacityWarnings } from './roadmap/useCapacityWarnings.ts';
import { ROADMAP_PAGE_SIZE, useRoadmapPaging } from './roadmap/useRoadmapPaging.ts';

const VIEWS = [
  { value: '', label: 'Timeline by quarter' },
  { value: 'release', label: 'By release' },
  { value: 'horizon', label: 'Now / next / later' },
];

/**
 * The scheduled roadmap of one product or the whole portfolio: timeline by quarter, by release, or
 * now / next / later, a page at a time (the portfolio of a large organization holds thousands of items).
 */
export function RoadmapPage() {
  const [productId] = useQueryParam('product');
  const [view] = useQueryParam('view');
  const { page, hrefFor, setFilter } = useRoadmapPaging();
  const current = view === 'release' || view === 'horizon' ? view : '';
  const products = useList<Product>('products', { sort: 'name', order: 'asc' });
  const offset = (page - 1) * ROADMAP_PAGE_SIZE;
  const roadmap = useQuery({
    queryKey: ['roadmap', productId, current || 'quarter', page],
    queryFn: ({ signal }) =>
      apiGet<Roadmap>(
        listPath('roadmap', { productId, view: current || 'quarter', limit: ROADMAP_PAGE_SIZE, offset }),
        signal,
      ),
    enabled: current !== 'horizon',
  });
  const capacity = useCapacityWarnings();
  const pager = (r: Roadmap) => (
    <RoadmapPager
      page={page}
      pageCount={Math.max(1, Math.ceil(r.page.total / ROADMAP_PAGE_SIZE))}
      summary={rowsSummary(r.page.offset, r.items.length, r.page.total)}
      hrefFor={hrefFor}
    />
  );
  return (
    <>
      <PageHeader
        title="Roadmap"
        subtitle="Scheduled against team capacity; late items show the role and quarter that hold them up."
      />
      <Tabs label="Roadmap views" tabs={VIEWS} value={current} onChange={(v) => setFilter('view', v)} />
      <Card>
        <div className="filters">
          <SelectFilter
            id="roadmap-product"
            label="Product"
            value={productId}
            onChange={(v) => setFilter('product', v)}
            allLabel="Whole portfolio"
            options={(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </div>
        {capacity.query.isError && (
          <p className="field-error" role="alert">
            Capacity warnings are unavailable: {String(capacity.query.error)}
          </p>
        )}
        {current === 'horizon' ? (
          <RoadmapHorizons productId={productId} page={page} hrefFor={hrefFor} />
        ) : (
          <QueryState query={roadmap} label="the roadmap">
            {(r) =>
              r.page.total === 0 ? (
                <p className="muted">Nothing is scheduled.</p>
              ) : current === 'release' ? (
                <>
                  <RoadmapByRelease roadmap={r} warnings={capacity.byPeriod} />
                  {pager(r)}
                </>
              ) : (
                <>
                  <RoadmapTimeline roadmap={r} warnings={capacity.byPeriod} />
                  {pager(r)}
                </>
              )
            }
          </QueryState>
        )}
      </Card>
    </>
  );
}

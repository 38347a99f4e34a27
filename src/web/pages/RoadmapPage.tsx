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
import { RoadmapTimeline } from './roadmap/RoadmapTimeline.tsx';
import { useCapacityWarnings } from './roadmap/useCapacityWarnings.ts';

const VIEWS = [
  { value: '', label: 'Timeline by quarter' },
  { value: 'release', label: 'By release' },
  { value: 'horizon', label: 'Now / next / later' },
];

/** The scheduled roadmap of one product or the whole portfolio: timeline by quarter, by release, or now / next / later. */
export function RoadmapPage() {
  const [productId, setProductId] = useQueryParam('product');
  const [view, setView] = useQueryParam('view');
  const current = view === 'release' || view === 'horizon' ? view : '';
  const products = useList<Product>('products', { sort: 'name', order: 'asc' });
  const roadmap = useQuery({
    queryKey: ['roadmap', productId, current],
    queryFn: ({ signal }) =>
      apiGet<Roadmap>(listPath('roadmap', { productId, view: current || 'quarter' }), signal),
  });
  const capacity = useCapacityWarnings();
  return (
    <>
      <PageHeader
        title="Roadmap"
        subtitle="Scheduled against team capacity; late items show the role and quarter that hold them up."
      />
      <Tabs label="Roadmap views" tabs={VIEWS} value={current} onChange={setView} />
      <Card>
        <div className="filters">
          <SelectFilter
            id="roadmap-product"
            label="Product"
            value={productId}
            onChange={setProductId}
            allLabel="Whole portfolio"
            options={(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </div>
        {capacity.query.isError && (
          <p className="field-error" role="alert">
            Capacity warnings are unavailable: {String(capacity.query.error)}
          </p>
        )}
        <QueryState query={roadmap} label="the roadmap">
          {(r) =>
            current === 'horizon' ? (
              <RoadmapHorizons roadmap={r} />
            ) : current === 'release' ? (
              <RoadmapByRelease roadmap={r} warnings={capacity.byPeriod} />
            ) : (r.items ?? []).length === 0 ? (
              <p className="muted">Nothing is scheduled.</p>
            ) : (
              <RoadmapTimeline roadmap={r} warnings={capacity.byPeriod} />
            )
          }
        </QueryState>
      </Card>
    </>
  );
}

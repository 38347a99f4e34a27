import { useQuery } from '@tanstack/react-query';
import type { Roadmap, RoadmapItem } from '../api/analytics.ts';
import { apiGet } from '../api/client.ts';
import { listPath } from '../api/lists.ts';
import type { Product } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { Card } from '../components/Card.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { Tag } from '../components/Tag.tsx';
import { humanize } from '../format/format.ts';
import { useQueryParam } from '../router/useQueryParam.ts';

const HORIZONS = ['now', 'next', 'later'] as const;

function Item({ item }: { item: RoadmapItem }) {
  return (
    <li>
      <Tag tone={item.kind === 'initiative' ? 'accent' : 'info'}>{humanize(item.kind)}</Tag>{' '}
      <strong>{item.name}</strong>
      {item.late && (
        <>
          {' '}
          <Tag tone="danger">late by {item.late.slip} q</Tag>
        </>
      )}
      <div className="muted small">
        {[item.productName, item.segment?.name, item.startPeriod && `${item.startPeriod}–${item.endPeriod}`]
          .filter(Boolean)
          .join(' · ')}
        {item.late?.cause?.roleName
          ? ` · short of ${item.late.cause.roleName} in ${item.late.cause.periodLabel}`
          : ''}
      </div>
    </li>
  );
}

/** The scheduled roadmap, now / next / later, for one product or the whole portfolio. */
export function RoadmapPage() {
  const [productId, setProductId] = useQueryParam('product');
  const products = useList<Product>('products', { sort: 'name', order: 'asc' });
  const roadmap = useQuery({
    queryKey: ['roadmap', productId],
    queryFn: ({ signal }) => apiGet<Roadmap>(listPath('roadmap', { productId, view: 'horizon' }), signal),
  });
  return (
    <>
      <PageHeader
        title="Roadmap"
        subtitle="Scheduled against team capacity; late items show the role and quarter that hold them up."
      />
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
        <QueryState query={roadmap} label="the roadmap">
          {(r) => (
            <div className="roadmap">
              {HORIZONS.map((h) => (
                <section key={h} aria-label={humanize(h)} className="roadmap-column">
                  <h2>
                    {humanize(h)} <span className="muted small">({(r.horizons[h] ?? []).length})</span>
                  </h2>
                  <ul className="plain-list">
                    {(r.horizons[h] ?? []).slice(0, 100).map((item) => (
                      <Item key={`${item.kind}:${item.id}`} item={item} />
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </QueryState>
      </Card>
    </>
  );
}

import { useMemo } from 'react';
import type { Product, ProductFinancial, ProductLine } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { Card } from '../components/Card.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { Tag } from '../components/Tag.tsx';
import { fmtMoney, humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import { Link } from '../router/Link.tsx';
import { useQueryParam } from '../router/useQueryParam.ts';

const STAGES = ['ideation', 'development', 'launch', 'growth', 'maturity', 'decline', 'retired'];

/** Every product with its line, lifecycle stage, investment decision and latest quarter's revenue. */
export function ProductsPage() {
  const [stage, setStage] = useQueryParam('stage');
  const [q, setQ] = useQueryParam('q');
  const products = useList<Product>('products', { lifecycleStage: stage, q, sort: 'name', order: 'asc' });
  const lines = useList<ProductLine>('product-lines');
  const financials = useList<ProductFinancial>('product-financials');

  const lineName = useMemo(() => new Map((lines.data ?? []).map((l) => [l.id, l.name])), [lines.data]);
  const latest = useMemo(() => {
    const m = new Map<string, ProductFinancial>();
    for (const f of financials.data ?? []) {
      const cur = m.get(f.productId);
      if (!cur || cur.period < f.period) m.set(f.productId, f);
    }
    return m;
  }, [financials.data]);

  return (
    <>
      <PageHeader
        title="Products"
        subtitle="The portfolio's products, their stage and the investment decision."
      />
      <Card>
        <div className="filters">
          <SearchBox id="products-q" label="Search products" value={q} onChange={setQ} />
          <SelectFilter
            id="products-stage"
            label="Lifecycle stage"
            value={stage}
            onChange={setStage}
            options={STAGES.map((s) => ({ value: s, label: humanize(s) }))}
          />
        </div>
        <QueryState
          query={products}
          label="products"
          empty="No products match"
          emptyHint="Clear the filters to see every product."
        >
          {(rows) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Line</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Decision</th>
                  <th scope="col" className="num">
                    Segments
                  </th>
                  <th scope="col" className="num">
                    Revenue (latest quarter)
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => {
                  const fin = latest.get(p.id);
                  return (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/products/${p.id}`}>{p.name}</Link>
                        <div className="muted small">{p.description}</div>
                      </td>
                      <td>{lineName.get(p.productLineId) ?? '—'}</td>
                      <td>
                        <Tag tone={toneOf(p.lifecycleStage)}>{humanize(p.lifecycleStage)}</Tag>
                      </td>
                      <td>
                        {p.investmentDecision ? (
                          <Tag tone={toneOf(p.investmentDecision)}>{humanize(p.investmentDecision)}</Tag>
                        ) : (
                          <span className="muted">Not decided</span>
                        )}
                      </td>
                      <td className="num">{p.segments.length}</td>
                      <td className="num">{fin ? `${fmtMoney(fin.revenue)} (${fin.period})` : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </QueryState>
      </Card>
    </>
  );
}

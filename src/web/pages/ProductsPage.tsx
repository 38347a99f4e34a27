import { useMemo } from 'react';
import type { Product, ProductFinancial, ProductLine } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { type Column, ListCard } from '../components/ListCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
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

  const columns: Column<Product>[] = [
    {
      header: 'Product',
      cell: (p) => (
        <>
          <Link to={`/products/${p.id}`}>{p.name}</Link>
          <div className="muted small">{p.description}</div>
        </>
      ),
    },
    { header: 'Line', cell: (p) => lineName.get(p.productLineId) ?? '—' },
    { header: 'Stage', cell: (p) => <Tag tone={toneOf(p.lifecycleStage)}>{humanize(p.lifecycleStage)}</Tag> },
    {
      header: 'Decision',
      cell: (p) =>
        p.investmentDecision ? (
          <Tag tone={toneOf(p.investmentDecision)}>{humanize(p.investmentDecision)}</Tag>
        ) : (
          <span className="muted">Not decided</span>
        ),
    },
    { header: 'Segments', num: true, cell: (p) => p.segments.length },
    {
      header: 'Revenue (latest quarter)',
      num: true,
      cell: (p) => {
        const fin = latest.get(p.id);
        return fin ? `${fmtMoney(fin.revenue)} (${fin.period})` : '—';
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="Products"
        subtitle="The portfolio's products, their stage and the investment decision."
      />
      <ListCard
        query={products}
        label="products"
        empty="No products match"
        columns={columns}
        filters={
          <>
            <SearchBox id="products-q" label="Search products" value={q} onChange={setQ} />
            <SelectFilter
              id="products-stage"
              label="Lifecycle stage"
              value={stage}
              onChange={setStage}
              options={STAGES.map((s) => ({ value: s, label: humanize(s) }))}
            />
          </>
        }
      />
    </>
  );
}

import { useCallback, useMemo, useState } from 'react';
import type { Product } from '../api/types.ts';
import { useList } from '../api/useList.ts';
import { canWriteSomeProduct } from '../auth/permissions.ts';
import { useSession } from '../auth/SessionContext.ts';
import { BacklogTable } from '../backlog/BacklogTable.tsx';
import { BulkStatusBar } from '../backlog/BulkStatusBar.tsx';
import { FeaturePanel } from '../backlog/FeaturePanel.tsx';
import { RankedBacklog } from '../backlog/RankedBacklog.tsx';
import { type SortDir, type SortKey, sortRows } from '../backlog/sortRows.ts';
import { useBacklog } from '../backlog/useBacklog.ts';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { LoadingPanel } from '../components/LoadingPanel.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { SelectFilter } from '../components/SelectFilter.tsx';
import { fmtNumber, humanize } from '../format/format.ts';
import { useQueryParam } from '../router/useQueryParam.ts';

const STATUSES = ['idea', 'parking_lot', 'planned', 'in_progress', 'shipped', 'rejected'];

/** The backlog of one product or the whole portfolio, with filters, sorting, bulk edit and the parking lot. */
export function BacklogPage() {
  const session = useSession();
  const [productId, setProductId] = useQueryParam('product');
  const [statusParam, setStatus] = useQueryParam('status');
  const [scope, setScope] = useQueryParam('scope');
  const [q, setQ] = useQueryParam('q');
  const [view, setView] = useQueryParam('view');
  const [sortParam, setSortParam] = useQueryParam('sort');
  const [openId, setOpenId] = useQueryParam('feature');
  const parking = view === 'parking';
  const rankedView = view === 'ranked';
  const status = parking ? 'parking_lot' : statusParam;

  const products = useList<Product>('products', { sort: 'name', order: 'asc' });
  const names = useMemo(() => new Map((products.data ?? []).map((p) => [p.id, p.name])), [products.data]);
  const productName = useCallback((id: string) => names.get(id) ?? '…', [names]);

  const backlog = useBacklog({ productId, status, scope, q });
  const [sortKey, sortDir] = (sortParam ? sortParam.split(':') : ['', 'desc']) as [SortKey | '', SortDir];
  const sorted = useMemo(
    () => sortRows(backlog.rows, sortKey, sortDir, productName),
    [backlog.rows, sortKey, sortDir, productName],
  );
  const onSort = (key: SortKey) => {
    const dir: SortDir =
      key === sortKey && sortDir === 'desc'
        ? 'asc'
        : key === sortKey
          ? 'desc'
          : key === 'title' || key === 'product'
            ? 'asc'
            : 'desc';
    setSortParam(`${key}:${dir}`);
  };

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkMessage, setBulkMessage] = useState('');
  const selectable = canWriteSomeProduct(session.me.role);
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const selectedFeatures = backlog.rows.filter((r) => selected.has(r.feature.id)).map((r) => r.feature);
  const product = (products.data ?? []).find((p) => p.id === productId);

  return (
    <>
      <PageHeader
        title={product ? `Backlog — ${product.name}` : 'Backlog'}
        subtitle="RICE = reach × impact × confidence ÷ effort; WSJF = (business value + time criticality + risk reduction) ÷ effort."
      />
      <div className="tabs" role="tablist" aria-label="Backlog views">
        <button type="button" role="tab" aria-selected={!parking && !rankedView} onClick={() => setView('')}>
          Backlog
        </button>
        <button type="button" role="tab" aria-selected={rankedView} onClick={() => setView('ranked')}>
          Ranked by portfolio priority
        </button>
        <button type="button" role="tab" aria-selected={parking} onClick={() => setView('parking')}>
          Parking lot
        </button>
      </div>
      {rankedView ? (
        <Card>
          <div className="filters">
            <SelectFilter
              id="ranked-product"
              label="Product"
              value={productId}
              onChange={setProductId}
              allLabel="Whole portfolio"
              options={(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </div>
          <RankedBacklog productId={productId} productName={productName} onOpen={setOpenId} />
        </Card>
      ) : (
        <Card>
          <div className="filters">
            <SelectFilter
              id="backlog-product"
              label="Product"
              value={productId}
              onChange={setProductId}
              allLabel="All products"
              options={(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
            {!parking && (
              <SelectFilter
                id="backlog-status"
                label="Status"
                value={statusParam}
                onChange={setStatus}
                options={STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
              />
            )}
            <SelectFilter
              id="backlog-scope"
              label="Scope"
              value={scope}
              onChange={setScope}
              options={[
                { value: 'base', label: 'Base (all segments)' },
                { value: 'segment_specific', label: 'Segment-specific' },
              ]}
            />
            <SearchBox id="backlog-q" label="Search titles and specs" value={q} onChange={setQ} />
            <span className="progress-note" role="status" aria-live="polite" data-testid="backlog-count">
              {fmtNumber(backlog.rows.length)} features{backlog.loading ? ' — loading more…' : ''}
            </span>
          </div>
          {bulkMessage && (
            <p role="status" className="small">
              {bulkMessage}
            </p>
          )}
          {selectable && selected.size > 0 && (
            <BulkStatusBar
              selected={selectedFeatures}
              onDone={(result) => {
                const refused = result.failed.length
                  ? ` ${result.failed.length} refused (still selected): ${result.failed[0].message}`
                  : '';
                setBulkMessage(`${result.updated.length} updated.${refused}`);
                backlog.replace(result.updated);
                setSelected(new Set(result.failed.map((f) => f.feature.id)));
                if (parking) backlog.reload();
              }}
            />
          )}
          {backlog.error ? (
            <ErrorPanel error={backlog.error} onRetry={backlog.reload} />
          ) : backlog.rows.length === 0 && backlog.loading ? (
            <LoadingPanel label="Loading the backlog" />
          ) : backlog.rows.length === 0 ? (
            <EmptyState title={parking ? 'The parking lot is empty' : 'No features match'}>
              {parking
                ? 'Asks parked for lack of segment impact appear here with their reason.'
                : 'Clear the filters.'}
            </EmptyState>
          ) : (
            <BacklogTable
              rows={sorted}
              productName={productName}
              sortKey={sortKey}
              sortDir={sortDir}
              onSort={onSort}
              selectable={selectable}
              selected={selected}
              onToggle={toggle}
              onToggleAll={(on) =>
                setSelected(on ? new Set(backlog.rows.map((r) => r.feature.id)) : new Set())
              }
              showReason={parking}
              onOpen={setOpenId}
            />
          )}
        </Card>
      )}
      {openId && (
        <FeaturePanel
          featureId={openId}
          products={products.data ?? []}
          onClose={() => setOpenId('')}
          onSaved={(f) => backlog.replace([f])}
        />
      )}
    </>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Tag } from '../components/Tag.tsx';
import { fmtNumber, humanize } from '../format/format.ts';
import { toneOf } from '../format/tones.ts';
import type { SortDir, SortKey } from './sortRows.ts';
import type { BacklogRow } from './useBacklog.ts';

const ROW_HEIGHT = 36;

interface Column {
  key: SortKey | 'reason';
  label: string;
  width: string;
  num?: boolean;
}

interface Props {
  rows: BacklogRow[];
  productName: (id: string) => string;
  sortKey: SortKey | '';
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (on: boolean) => void;
  showReason: boolean;
  onOpen: (id: string) => void;
}

/**
 * The backlog as a virtualized table: only the rows in view (plus a few) are in the DOM, so 100,000
 * rows scroll as smoothly as 100. Spacer rows above and below keep the scrollbar true to the full list.
 */
export function BacklogTable(props: Props) {
  const { rows, productName, sortKey, sortDir, onSort, selectable, selected, onToggle, onToggleAll } = props;
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items.length ? items[0].start : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  const columns: Column[] = [
    { key: 'title', label: 'Title', width: props.showReason ? '28%' : '36%' },
    { key: 'product', label: 'Product', width: '15%' },
    { key: 'status', label: 'Status', width: '11%' },
    { key: 'scope', label: 'Scope', width: '12%' },
    { key: 'effort', label: 'Effort', width: '7%', num: true },
    { key: 'rice', label: 'RICE', width: '8%', num: true },
    { key: 'wsjf', label: 'WSJF', width: '7%', num: true },
  ];
  if (props.showReason) columns.push({ key: 'reason', label: 'Parked because', width: '20%' });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.feature.id));

  return (
    <section
      ref={scrollRef}
      className="vtable-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll area must be reachable to scroll it with the keyboard
      tabIndex={0}
      aria-label="Backlog rows (scrollable)"
    >
      <table className="vtable" aria-rowcount={rows.length + 1}>
        <colgroup>
          {selectable && <col style={{ width: 40 }} />}
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {selectable && (
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all loaded rows"
                  checked={allSelected}
                  onChange={(e) => onToggleAll(e.target.checked)}
                />
              </th>
            )}
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.num ? 'num' : undefined}
                aria-sort={c.key === sortKey ? (sortDir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.key === 'reason' ? (
                  c.label
                ) : (
                  <button type="button" className="sort-button" onClick={() => onSort(c.key as SortKey)}>
                    {c.label}
                    {c.key === sortKey ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr className="spacer" style={{ height: top }}>
              <td colSpan={columns.length + 1} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((v) => {
            const r = rows[v.index];
            const f = r.feature;
            const isSelected = selected.has(f.id);
            return (
              <tr
                key={f.id}
                aria-rowindex={v.index + 2}
                aria-selected={selectable ? isSelected : undefined}
                style={{ height: ROW_HEIGHT }}
              >
                {selectable && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${f.title}`}
                      checked={isSelected}
                      onChange={() => onToggle(f.id)}
                    />
                  </td>
                )}
                <td title={f.title}>
                  <button type="button" className="link-button" onClick={() => props.onOpen(f.id)}>
                    {f.title}
                  </button>
                </td>
                <td>{productName(f.productId)}</td>
                <td>
                  <Tag tone={toneOf(f.status)}>{humanize(f.status)}</Tag>
                </td>
                <td>{f.scope === 'base' ? 'Base' : 'Segment-specific'}</td>
                <td className="num">{fmtNumber(f.effort)}</td>
                <td className="num">{fmtNumber(r.rice)}</td>
                <td className="num">{fmtNumber(r.wsjf)}</td>
                {props.showReason && <td title={f.parkedReason ?? ''}>{f.parkedReason ?? '—'}</td>}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr className="spacer" style={{ height: bottom }}>
              <td colSpan={columns.length + 1} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

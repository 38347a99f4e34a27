import type { BacklogRow } from './useBacklog.ts';

export type SortKey = 'title' | 'product' | 'status' | 'scope' | 'effort' | 'rice' | 'wsjf';
export type SortDir = 'asc' | 'desc';

/** A sorted copy of the backlog rows (stable; product sorts by name). */
export function sortRows(
  rows: BacklogRow[],
  key: SortKey | '',
  dir: SortDir,
  productName: (id: string) => string,
): BacklogRow[] {
  if (!key) return rows;
  const sign = dir === 'asc' ? 1 : -1;
  const value = (r: BacklogRow): string | number => {
    switch (key) {
      case 'title':
        return r.feature.title.toLowerCase();
      case 'product':
        return productName(r.feature.productId);
      case 'status':
        return r.feature.status;
      case 'scope':
        return r.feature.scope;
      case 'effort':
        return r.feature.effort;
      case 'rice':
        return r.rice;
      case 'wsjf':
        return r.wsjf;
    }
  };
  const keyed = rows.map((r, i) => ({ r, v: value(r), i }));
  keyed.sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : a.i - b.i));
  return keyed.map((k) => k.r);
}

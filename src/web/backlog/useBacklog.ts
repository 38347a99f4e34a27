import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchPage } from '../api/lists.ts';
import type { Feature, Page } from '../api/types.ts';
import { rice, wsjf } from '../format/scores.ts';

export interface BacklogRow {
  feature: Feature;
  rice: number;
  wsjf: number;
}

export interface BacklogFilters {
  productId: string;
  status: string;
  scope: string;
  q: string;
}

export interface BacklogState {
  rows: BacklogRow[];
  /** True until the last page has arrived. */
  loading: boolean;
  error: unknown;
  /** Replaces rows the user just changed, without reloading. */
  replace: (features: Feature[]) => void;
  reload: () => void;
}

export const BACKLOG_PAGE_SIZE = 500;

const toRow = (feature: Feature): BacklogRow => ({ feature, rice: rice(feature), wsjf: wsjf(feature) });

/**
 * The whole (filtered) backlog, loaded in the background 500 rows at a time: the first page shows at
 * once, later pages stream in while the user scrolls. Changing a filter aborts the old load.
 */
export function useBacklog(filters: BacklogFilters): BacklogState {
  const [rows, setRows] = useState<BacklogRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const all = useRef<BacklogRow[]>([]);
  const { productId, status, scope, q } = filters;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` restarts the load on reload()
  useEffect(() => {
    const abort = new AbortController();
    all.current = [];
    setRows([]);
    setLoading(true);
    setError(null);
    (async () => {
      let cursor: string | null = null;
      do {
        const page: Page<Feature> = await fetchPage<Feature>(
          'features',
          { productId, status, scope, q, limit: BACKLOG_PAGE_SIZE, cursor },
          abort.signal,
        );
        if (abort.signal.aborted) return;
        all.current = all.current.concat(page.items.map(toRow));
        setRows(all.current);
        cursor = page.nextCursor;
      } while (cursor);
      setLoading(false);
    })().catch((err: unknown) => {
      if (abort.signal.aborted) return;
      setError(err);
      setLoading(false);
    });
    return () => abort.abort();
  }, [productId, status, scope, q, generation]);

  const replace = useCallback((features: Feature[]) => {
    const byId = new Map(features.map((f) => [f.id, f]));
    all.current = all.current.map((r) => {
      const f = byId.get(r.feature.id);
      return f ? toRow(f) : r;
    });
    setRows(all.current);
  }, []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { rows, loading, error, replace, reload };
}

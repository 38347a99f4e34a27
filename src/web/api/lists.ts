import { apiGet } from './client.ts';
import type { Page } from './types.ts';

export type ListParams = Record<string, string | number | undefined | null>;

/** `/api/v1/<entity>?…` with empty parameters left out. */
export function listPath(entity: string, params: ListParams = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `/api/v1/${entity}${s ? `?${s}` : ''}`;
}

/** One page of a list. */
export function fetchPage<T>(entity: string, params: ListParams, signal?: AbortSignal): Promise<Page<T>> {
  return apiGet<Page<T>>(listPath(entity, params), signal);
}

/**
 * Every row of a (small) list, following the cursor 500 rows at a time, up to `maxRows`.
 * For large lists (the backlog, the feedback inbox) pages are loaded incrementally instead.
 */
export async function fetchAll<T>(
  entity: string,
  params: ListParams = {},
  maxRows = 5000,
  signal?: AbortSignal,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage<T>(entity, { ...params, limit: 500, cursor }, signal);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && rows.length < maxRows);
  return rows;
}

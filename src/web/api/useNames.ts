import { useMemo } from 'react';
import type { Row } from './types.ts';
import { useList } from './useList.ts';

/** id → display name for a small list, for showing references (product, segment, customer) by name. */
export function useNames<T extends Row>(entity: string, label: (row: T) => string): Map<string, string> {
  const list = useList<T>(entity);
  return useMemo(() => new Map((list.data ?? []).map((r) => [r.id, label(r)])), [list.data, label]);
}

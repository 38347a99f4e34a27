import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState.tsx';
import { ErrorPanel } from './ErrorPanel.tsx';
import { LoadingPanel } from './LoadingPanel.tsx';

interface Props<T> {
  query: UseQueryResult<T>;
  /** Shown when the data is an empty array. */
  empty?: string;
  emptyHint?: ReactNode;
  label?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error and empty states for one query, then the content. */
export function QueryState<T>({ query, empty, emptyHint, label, children }: Props<T>) {
  if (query.isPending) return <LoadingPanel label={label ? `Loading ${label}` : 'Loading'} />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  if (Array.isArray(data) && data.length === 0) {
    return <EmptyState title={empty ?? 'Nothing here yet'}>{emptyHint}</EmptyState>;
  }
  return <>{children(data)}</>;
}

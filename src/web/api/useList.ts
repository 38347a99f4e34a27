import { useQuery } from '@tanstack/react-query';
import { fetchAll, type ListParams } from './lists.ts';

/** Every row of a small list (products, segments, risks, …), cached per entity and filters. */
export function useList<T>(entity: string, params: ListParams = {}, enabled = true) {
  return useQuery({
    queryKey: ['list', entity, params],
    queryFn: ({ signal }) => fetchAll<T>(entity, params, 5000, signal),
    enabled,
  });
}

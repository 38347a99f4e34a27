import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client.ts';

/** One row by id. */
export function useEntity<T>(entity: string, id: string | undefined) {
  return useQuery({
    queryKey: ['entity', entity, id],
    queryFn: ({ signal }) => apiGet<T>(`/api/v1/${entity}/${id}`, signal),
    enabled: Boolean(id),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patchRow } from './patch.ts';
import type { Row } from './types.ts';

/**
 * PATCH one row with If-Match (its version), then refresh its detail and every list. A stale version
 * is refused by the API (412) and surfaces as the mutation's error.
 */
export function useUpdate<T extends Row>(entity: string, row: T) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<T>) => patchRow<T>(entity, row, patch),
    onSuccess: async (updated) => {
      qc.setQueryData(['entity', entity, row.id], updated);
      await qc.invalidateQueries({ queryKey: ['list'] });
    },
  });
}

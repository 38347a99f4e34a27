import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, apiGet, SIGNED_OUT_EVENT } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export const ME_KEY = ['me'] as const;

/** The current user, or null when signed out (any 401 from the API signs the app out). */
export function useMe() {
  const qc = useQueryClient();
  useEffect(() => {
    const onSignedOut = () => qc.setQueryData(ME_KEY, null);
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [qc]);
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await apiGet<Me>('/api/v1/auth/me', signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

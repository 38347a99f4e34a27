import { useCallback } from 'react';
import { navigate, useLocation } from './router.ts';

/** A piece of page state kept in the URL's query string (filters, tabs), so links and reloads keep it. */
export function useQueryParam(name: string): [string, (value: string) => void] {
  const { path, search } = useLocation();
  const value = search.get(name) ?? '';
  const set = useCallback(
    (next: string) => {
      const params = new URLSearchParams(window.location.search);
      if (next) params.set(name, next);
      else params.delete(name);
      const qs = params.toString();
      navigate(`${path}${qs ? `?${qs}` : ''}`, true);
    },
    [name, path],
  );
  return [value, set];
}

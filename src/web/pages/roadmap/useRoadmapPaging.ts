import { useCallback } from 'react';
import { navigate, useLocation } from '../../router/router.ts';

/** Rows per page of the timeline and the release view; columns of now / next / later take half each. */
export const ROADMAP_PAGE_SIZE = 100;
export const HORIZON_PAGE_SIZE = 50;

/**
 * The roadmap's page number in the URL (`page`, from 1), links to other pages, and filter setters that
 * go back to the first page (a page number means nothing under another product or view).
 */
export function useRoadmapPaging() {
  const { path, search } = useLocation();
  const raw = Number(search.get('page'));
  const page = Number.isInteger(raw) && raw > 1 ? raw : 1;
  const query = search.toString();
  const hrefFor = useCallback(
    (n: number) => {
      const qs = new URLSearchParams(query);
      if (n > 1) qs.set('page', String(n));
      else qs.delete('page');
      const s = qs.toString();
      return `${path}${s ? `?${s}` : ''}`;
    },
    [path, query],
  );
  const setFilter = useCallback(
    (name: string, value: string) => {
      const qs = new URLSearchParams(window.location.search);
      if (value) qs.set(name, value);
      else qs.delete(name);
      qs.delete('page');
      const s = qs.toString();
      navigate(`${path}${s ? `?${s}` : ''}`, true);
    },
    [path],
  );
  return { page, hrefFor, setFilter };
}

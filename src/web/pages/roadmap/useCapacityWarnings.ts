import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CapacityView } from '../../api/analytics.ts';
import { apiGet } from '../../api/client.ts';

export interface CapacityWarning {
  name: string;
  utilization: number;
  over: number;
}

/** Over-allocated roles per quarter label (from GET /capacity?level=role), worst first. */
export function useCapacityWarnings() {
  const view = useQuery({
    queryKey: ['capacity', 'role'],
    queryFn: ({ signal }) => apiGet<CapacityView>('/api/v1/capacity?level=role', signal),
  });
  const byPeriod = useMemo(() => {
    const map = new Map<string, CapacityWarning[]>();
    for (const a of view.data?.alerts ?? []) {
      const list = map.get(a.periodLabel) ?? [];
      list.push({ name: a.name, utilization: a.utilization, over: a.over });
      map.set(a.periodLabel, list);
    }
    for (const list of map.values()) list.sort((x, y) => y.utilization - x.utilization);
    return map;
  }, [view.data]);
  return { byPeriod, query: view };
}

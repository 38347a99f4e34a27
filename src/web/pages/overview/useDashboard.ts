import { useQuery } from '@tanstack/react-query';
import type { PortfolioDashboard } from '../../api/analytics.ts';
import { apiGet } from '../../api/client.ts';

/** GET /dashboard/portfolio, shared by every panel of the overview (one request). */
export function useDashboard() {
  return useQuery({
    queryKey: ['dashboard', 'portfolio'],
    queryFn: ({ signal }) => apiGet<PortfolioDashboard>('/api/v1/dashboard/portfolio', signal),
  });
}

import { useQuery } from '@tanstack/react-query';
import type { OverviewView } from '../../../../domain/views';
import { useApi } from '../../../lib/api-context';

export const overviewKey = ['overview'] as const;

/** The intranet overview: consented interns and the published final works. */
export function useOverview() {
  const api = useApi();
  return useQuery({
    queryKey: overviewKey,
    queryFn: () => api.get<OverviewView>('/overview'),
  });
}

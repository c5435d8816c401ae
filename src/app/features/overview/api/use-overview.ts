import { useQuery } from '@tanstack/react-query';
import type { OverviewEntryView } from '../../../../domain/views';
import { useApi } from '../../../lib/api-context';

export function useOverview() {
  const api = useApi();
  return useQuery({
    queryKey: ['overview'],
    queryFn: async () => (await api.get<{ items: OverviewEntryView[] }>('/overview')).items,
  });
}

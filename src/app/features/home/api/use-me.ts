import { useQuery } from '@tanstack/react-query';
import type { MeView } from '../../../../domain/views';
import { useApi } from '../../../lib/api-context';

export const meKey = ['me'] as const;

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: meKey, queryFn: () => api.get<MeView>('/me'), staleTime: 5 * 60_000 });
}

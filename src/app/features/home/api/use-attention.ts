import { useQuery } from '@tanstack/react-query';
import type { AttentionView } from '../../../../domain/attention-views';
import { useApi } from '../../../lib/api-context';

export const attentionKey = ['attention'] as const;

/**
 * What needs the caller's attention: the overdue list of the internships they follow and what is due from them.
 * Fetched when the home opens (`enabled` for coordinators, mentors and back-ups), fresh for a minute: the home is
 * visited often and the lists change at the pace of cards and checklists, not of seconds.
 */
export function useAttention(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: attentionKey,
    queryFn: () => api.get<AttentionView>('/attention'),
    enabled,
    staleTime: 60_000,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { InternshipSummaryView, InternshipView } from '../../../../domain/views';
import { useApi } from '../../../lib/api-context';

export const internshipsKey = ['internships'] as const;
export const internshipKey = (id: string) => ['internships', id] as const;

/** The internships the caller works with (all for coordinators). */
export function useInternships() {
  const api = useApi();
  return useQuery({
    queryKey: internshipsKey,
    queryFn: async () => (await api.get<{ items: InternshipSummaryView[] }>('/internships')).items,
  });
}

export function useInternship(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: internshipKey(id),
    queryFn: () => api.get<InternshipView>(`/internships/${encodeURIComponent(id)}`),
  });
}

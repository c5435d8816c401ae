import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AbsenceEntry, FeedbackEntry } from '../../../../domain/records';
import type { AbsenceView, FeedbackView, JournalView } from '../../../../domain/views-records';
import { useApi } from '../../../lib/api-context';

export const journalKey = (id: string) => ['internships', id, 'journal'] as const;

export function useJournal(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: journalKey(id),
    queryFn: () => api.get<JournalView>(`/internships/${encodeURIComponent(id)}/journal`),
  });
}

export type FeedbackDraft = Pick<FeedbackEntry, 'date' | 'direction' | 'note' | 'visibleToIntern'>;
export type AbsenceDraft = Pick<AbsenceEntry, 'kind' | 'schoolInformed'> & {
  from: string;
  to: string;
  note?: string;
};

export function useAddFeedback(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: FeedbackDraft) =>
      api.send<FeedbackView>('POST', `/internships/${encodeURIComponent(id)}/journal/feedback`, d),
    onSuccess: () => qc.invalidateQueries({ queryKey: journalKey(id) }),
  });
}

export function useAddAbsence(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: AbsenceDraft) =>
      api.send<AbsenceView>('POST', `/internships/${encodeURIComponent(id)}/journal/absences`, d),
    onSuccess: () => qc.invalidateQueries({ queryKey: journalKey(id) }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InternshipView } from '../../../../domain/views';
import type {
  ChecklistItemView,
  ChecklistsView,
  DecisionResultView,
  HistoryEventView,
  MomentView,
  PersonOptionView,
} from '../../../../domain/views-workflow';
import { useApi } from '../../../lib/api-context';
import { internshipKey } from '../../internships/api/use-internships';

const checklistsKey = (id: string) => ['internships', id, 'checklists'] as const;
const momentsKey = (id: string) => ['internships', id, 'moments'] as const;
const historyKey = (id: string) => ['internships', id, 'history'] as const;

export function useChecklists(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: checklistsKey(id),
    queryFn: () => api.get<ChecklistsView>(`/internships/${encodeURIComponent(id)}/checklists`),
  });
}

export function useMoments(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: momentsKey(id),
    enabled,
    queryFn: async () =>
      (await api.get<{ items: MomentView[] }>(`/internships/${encodeURIComponent(id)}/moments`)).items,
  });
}

export function useHistory(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: historyKey(id),
    enabled,
    queryFn: async () =>
      (await api.get<{ items: HistoryEventView[] }>(`/internships/${encodeURIComponent(id)}/history`)).items,
  });
}

/** People a coordinator may name as mentor or back-up. */
export function usePeople(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['workflow', 'people'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.get<{ items: PersonOptionView[] }>('/workflow/people')).items,
  });
}

/** What the internship endpoints of the workflow take: a path under the internship, a method, a body. */
export interface InternshipWrite {
  method: 'POST' | 'PATCH' | 'PUT';
  /** '' for the internship itself, else '/advance', '/decision', '/plan'… */
  path: string;
  body: unknown;
  /** The version the user edited (If-Match). */
  etag: string;
}

/**
 * Every workflow write on the internship: sent with the version the user saw; afterwards the internship and what
 * hangs under it are read again (a decision creates checklists and moments, a stop cancels moments).
 */
export function useInternshipWrite(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: InternshipWrite) =>
      api.send<InternshipView | DecisionResultView>(
        w.method,
        `/internships/${encodeURIComponent(id)}${w.path}`,
        w.body,
        { 'if-match': w.etag },
      ),
    onSuccess: (result) => {
      const view = 'internship' in result ? result.internship : result;
      qc.setQueryData(internshipKey(id), view);
      void qc.invalidateQueries({ queryKey: ['internships', id] });
      void qc.invalidateQueries({ queryKey: ['internships'], exact: true });
    },
  });
}

export interface ChecklistChange {
  itemKey: string;
  etag: string;
  done?: boolean;
  assigneeId?: string | null;
  dueDate?: string | null;
  comment?: string;
  hidden?: boolean;
}

export function useChecklistChange(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, ...body }: ChecklistChange) =>
      api.send<ChecklistItemView>('PATCH', `/internships/${encodeURIComponent(id)}/checklists`, body, {
        'if-match': etag,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: checklistsKey(id) });
      // The start gate counts open logistics items.
      void qc.invalidateQueries({ queryKey: internshipKey(id), exact: true });
      void qc.invalidateQueries({ queryKey: historyKey(id) });
    },
  });
}

/** After "take theirs": read everything again. */
export function useRefreshInternship(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['internships', id] });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SelectionAction } from '../../../../domain/capacity';
import type {
  ApprovalView,
  AssignmentListView,
  AssignmentView,
  PersonChoiceView,
  PublicationView,
} from '../../../../domain/views-coordination';
import { useApi } from '../../../lib/api-context';

export const assignmentsKey = (year?: number) => ['assignments', year ?? 'current'] as const;

/** The needs analysis of a year (the server's current year when not given). */
export function useAssignments(year?: number) {
  const api = useApi();
  return useQuery({
    queryKey: assignmentsKey(year),
    queryFn: () => api.get<AssignmentListView>(`/assignments${year ? `?year=${year}` : ''}`),
  });
}

/** Directory people who can be proposed as mentor or back-up. */
export function usePeople() {
  const api = useApi();
  return useQuery({
    queryKey: ['assignments', 'people'],
    queryFn: async () => (await api.get<{ items: PersonChoiceView[] }>('/assignments/people')).items,
    staleTime: 5 * 60_000,
  });
}

export interface ProposalInput {
  service: string;
  title: string;
  description: string;
  context?: string;
  contacts?: string;
  qualityCriteria?: string;
  deadlines?: string;
  profile?: string;
  periodStart?: string;
  periodEnd?: string;
  places: number;
  research: boolean;
  proposedMentorId?: string;
  proposedBackupId?: string;
}

export function useProposeAssignment() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    // One key per proposal attempt: a retried request finds the assignment it created instead of making a twin.
    mutationFn: ({ input, attempt }: { input: ProposalInput; attempt: string }) =>
      api.send<AssignmentView>('POST', '/assignments', input, { 'idempotency-key': attempt }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assignments'] }),
  });
}

export function useAssignmentStep() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ a, action }: { a: AssignmentView; action: SelectionAction }) =>
      api.send<Partial<ApprovalView> & { assignment: AssignmentView }>(
        'POST',
        `/assignments/${encodeURIComponent(a.id)}/${action}`,
        {},
        { 'if-match': a.etag },
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: ['assignments'] }),
  });
}

export interface PublicationRequest {
  year: number;
  mailbox: string;
  applyBy?: string;
  presentation?: string;
  strengths?: string;
}

export function usePublication() {
  const api = useApi();
  return useMutation({
    mutationFn: (input: PublicationRequest) =>
      api.send<PublicationView>('POST', '/assignments/publication', input),
  });
}

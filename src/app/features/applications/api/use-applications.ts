import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationStatus, AnswerValue } from '../../../../domain/records';
import type {
  ApplicationListView,
  ApplicationView,
  ConversionView,
  IntakeView,
} from '../../../../domain/views-coordination';
import { useApi } from '../../../lib/api-context';

export const applicationsKey = ['applications'] as const;
const applicationKey = (id: string) => ['applications', id] as const;

export function useApplications() {
  const api = useApi();
  return useQuery({
    queryKey: applicationsKey,
    queryFn: async () => (await api.get<ApplicationListView>('/applications')).items,
  });
}

export function useApplication(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: () => api.get<ApplicationView>(`/applications/${encodeURIComponent(id)}`),
  });
}

export interface ApplicationInput {
  candidateName: string;
  candidateEmail: string;
  schoolName?: string;
  programme?: string;
  motivation?: string;
  assignmentId?: string;
  periodStart?: string;
  periodEnd?: string;
  receivedOn: string;
}

export function useRecordApplication() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    // One key per attempt: a retried request finds the application it created instead of making a twin.
    mutationFn: ({ input, attempt }: { input: ApplicationInput; attempt: string }) =>
      api.send<ApplicationView>('POST', '/applications', input, { 'idempotency-key': attempt }),
    onSuccess: () => qc.invalidateQueries({ queryKey: applicationsKey }),
  });
}

export function useChangeApplication() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      a,
      change,
    }: {
      a: ApplicationView;
      change: { status?: ApplicationStatus; assignmentKey?: string | null };
    }) =>
      api.send<ApplicationView>('PATCH', `/applications/${encodeURIComponent(a.id)}`, change, {
        'if-match': a.etag,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: applicationsKey }),
  });
}

export function useIntake(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['applications', id, 'intake'],
    queryFn: () => api.get<IntakeView>(`/applications/${encodeURIComponent(id)}/intake`),
  });
}

export function useSaveIntake(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, AnswerValue>) =>
      api.send<IntakeView>('PUT', `/applications/${encodeURIComponent(id)}/intake`, { answers }),
    onSuccess: (v) => {
      qc.setQueryData(['applications', id, 'intake'], v);
      void qc.invalidateQueries({ queryKey: applicationsKey });
    },
  });
}

export interface ConversionInput {
  assignmentKey?: string;
  startDate?: string;
  endDate?: string;
  mentorId?: string;
  backupId?: string;
}

export function useConvertApplication(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ConversionInput) =>
      api.send<ConversionView>('POST', `/applications/${encodeURIComponent(id)}/internship`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: applicationsKey });
      void qc.invalidateQueries({ queryKey: ['internships'] });
    },
  });
}

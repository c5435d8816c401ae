import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PolicyInput } from '../../../../domain/policy';
import type { SettingsInput } from '../../../../domain/policy';
import type { PolicyView, RegulationView, SettingsView } from '../../../../domain/views-policy';
import { useApi } from '../../../lib/api-context';

export function usePolicy() {
  const api = useApi();
  return useQuery({ queryKey: ['policy'], queryFn: () => api.get<PolicyView>('/policy') });
}

export function useRegulation() {
  const api = useApi();
  return useQuery({ queryKey: ['regulation'], queryFn: () => api.get<RegulationView>('/policy/regulation') });
}

export function useSavePolicy() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, etag }: { input: PolicyInput; etag: string }) =>
      api.send<PolicyView>('PUT', '/policy', input, { 'if-match': etag }),
    onSuccess: (v) => qc.setQueryData(['policy'], v),
    onSettled: () => qc.invalidateQueries({ queryKey: ['regulation'] }),
  });
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: ['settings'], queryFn: () => api.get<SettingsView>('/settings') });
}

export function useSaveSettings() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, etag }: { input: SettingsInput; etag: string }) =>
      api.send<SettingsView>('PUT', '/settings', input, { 'if-match': etag }),
    onSuccess: (v) => qc.setQueryData(['settings'], v),
  });
}

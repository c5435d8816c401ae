import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PartnerView, SchoolKind } from '../../../../domain/views-policy';
import { useApi } from '../../../lib/api-context';

export interface PartnerForm {
  name: string;
  kind: SchoolKind;
  address?: string;
  website?: string;
  programmes: string[];
  contacts: { name: string; role?: string; email?: string; phone?: string }[];
  agreementSignedOn?: string;
  agreementValidUntil?: string;
  reviewDue: string;
}

export function usePartners(dueOnly: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['partners', dueOnly],
    queryFn: async () =>
      (await api.get<{ items: PartnerView[] }>(`/partners${dueOnly ? '?due=true' : ''}`)).items,
  });
}

/** Create (no `current`) or update (with the version the user edited: its ETag guards the write). */
export function useSavePartner() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ form, current }: { form: PartnerForm; current?: PartnerView }) =>
      current
        ? api.send<PartnerView>('PUT', `/partners/${encodeURIComponent(current.id)}`, form, {
            'if-match': current.etag,
          })
        : api.send<PartnerView>('POST', '/partners', form),
    onSettled: () => qc.invalidateQueries({ queryKey: ['partners'] }),
  });
}

export function usePartnerAction() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ partner, action }: { partner: PartnerView; action: 'delete' | 'reviewed' }) => {
      await (action === 'delete'
        ? api.send<void>('DELETE', `/partners/${encodeURIComponent(partner.id)}`, undefined, {
            'if-match': partner.etag,
          })
        : api.send<PartnerView>('POST', `/partners/${encodeURIComponent(partner.id)}/reviewed`, undefined, {
            'if-match': partner.etag,
          }));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['partners'] }),
  });
}

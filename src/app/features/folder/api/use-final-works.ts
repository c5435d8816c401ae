import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FinalWorksView, FinalWorkView } from '../../../../domain/views-records';
import { useApi } from '../../../lib/api-context';
import { folderKey } from './use-folder';

export const finalWorksKey = (id: string) => ['internships', id, 'final-works'] as const;

const path = (id: string) => `/internships/${encodeURIComponent(id)}/final-works`;

export function useFinalWorks(id: string) {
  const api = useApi();
  return useQuery({ queryKey: finalWorksKey(id), queryFn: () => api.get<FinalWorksView>(path(id)) });
}

/** Hands in a final work with progress (0..1): a document of the internship's folder, unpublished. */
export function useUploadFinalWork(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: ({ file, title }: { file: File; title: string }) => {
      setProgress(0);
      return api.upload<FinalWorkView>(path(id), file, { name: file.name, title }, setProgress);
    },
    onSettled: () => setProgress(undefined),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: finalWorksKey(id) });
      void qc.invalidateQueries({ queryKey: folderKey(id) });
    },
  });
  return { ...mutation, progress };
}

/**
 * Publishes or unpublishes with the version the coordinator saw (If-Match). On a conflict (409) or a refusal the
 * list is read again, so the switch shows what is stored; the server's message says why.
 */
export function useSetPublished(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ work, published }: { work: FinalWorkView; published: boolean }) =>
      api.send<FinalWorkView>(
        'PATCH',
        `${path(id)}/${encodeURIComponent(work.id)}`,
        { published },
        { 'if-match': work.etag },
      ),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: finalWorksKey(id) });
      void qc.invalidateQueries({ queryKey: ['overview'] });
    },
  });
}

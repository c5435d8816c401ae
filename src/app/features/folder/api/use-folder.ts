import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentKey } from '../../../../domain/documents';
import type { DocumentView, FolderView } from '../../../../domain/views-records';
import { useApi } from '../../../lib/api-context';

export const folderKey = (id: string) => ['internships', id, 'folder'] as const;

export function useFolder(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: folderKey(id),
    queryFn: () => api.get<FolderView>(`/internships/${encodeURIComponent(id)}/folder`),
  });
}

export interface UploadRequest {
  file: File;
  type?: DocumentKey;
}

/**
 * Uploads one document with progress (0..1, from XHR upload events); afterwards the folder and the internship
 * (its gate counts the required documents) are read again.
 */
export function useUploadDocument(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: ({ file, type }: UploadRequest) => {
      setProgress(0);
      return api.upload<DocumentView>(
        `/internships/${encodeURIComponent(id)}/folder/documents`,
        file,
        { name: file.name, ...(type ? { type } : {}) },
        setProgress,
      );
    },
    onSettled: () => setProgress(undefined),
    onSuccess: (_, { type }) => {
      void qc.invalidateQueries({ queryKey: folderKey(id) });
      void qc.invalidateQueries({ queryKey: ['internships', id], exact: true });
      // A final work uploaded as a folder document is also the final-work part's (and may unpublish a copy).
      if (type === 'finalWork') void qc.invalidateQueries({ queryKey: ['internships', id, 'final-works'] });
    },
  });
  return { ...mutation, progress };
}

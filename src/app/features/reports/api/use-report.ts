import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReportView } from '../../../../domain/views-policy';
import { useApi } from '../../../lib/api-context';

/** The yearly report; without a year the server picks the current one (or the latest with figures). */
export function useReport(year?: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['report', year ?? 'default'],
    queryFn: () => api.get<ReportView>(`/reports/yearly${year ? `?year=${year}` : ''}`),
  });
}

/**
 * Downloads an export. The API client sends the bearer token and reads JSON only, so the file comes wrapped in
 * JSON (base64) and is handed to the browser as a Blob download.
 */
export function useExport() {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ year, format }: { year: number; format: 'csv' | 'xlsx' }) => {
      const file = await api.get<{ filename: string; contentType: string; base64: string }>(
        `/reports/yearly/export?year=${year}&format=${format}&envelope=json`,
      );
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QuestionnaireKey } from '../../../../domain/questionnaires';
import type { AnswerValue } from '../../../../domain/records';
import type { EvaluationView, EvaluationsView } from '../../../../domain/views-records';
import { useApi } from '../../../lib/api-context';

export const evaluationsKey = (id: string) => ['internships', id, 'evaluations'] as const;

export function useEvaluations(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: evaluationsKey(id),
    queryFn: () => api.get<EvaluationsView>(`/internships/${encodeURIComponent(id)}/evaluations`),
  });
}

export interface Submission {
  questionnaire: QuestionnaireKey;
  answers: Record<string, AnswerValue>;
  sharedWithIntern?: boolean;
  /** The version of the caller's earlier answers, when they edit them (If-Match). */
  etag?: string;
}

export function useSubmitEvaluation(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ questionnaire, etag, ...body }: Submission) =>
      api.send<EvaluationView>(
        'PUT',
        `/internships/${encodeURIComponent(id)}/evaluations/${questionnaire}`,
        body,
        etag ? { 'if-match': etag } : {},
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: evaluationsKey(id) }),
  });
}

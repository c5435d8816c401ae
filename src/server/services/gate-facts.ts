import { CHECKLIST_TEMPLATES } from '../../domain/checklists';
import type { Internship } from '../../domain/internship';
import type { GateFacts } from '../../domain/phases';
import type { InternshipFolders } from '../../graph/folders/internship-folders';
import type { Repositories } from '../../graph/repositories/repositories';

const OPTIONAL_TEMPLATE_KEYS = new Set(CHECKLIST_TEMPLATES.filter((t) => t.optional).map((t) => t.key));

/**
 * What a phase gate needs beyond the internship record, read in parallel: required documents (one request to the
 * folders), open logistics items, recorded answers.
 */
export async function gateFacts(
  repos: Repositories,
  folders: InternshipFolders,
  i: Internship,
): Promise<GateFacts> {
  const needsDocs = i.phase === 'decision';
  const [docs, logistics, answers] = await Promise.all([
    needsDocs ? folders.requiredDocuments(i.key) : Promise.resolve(undefined),
    i.phase === 'decision' ? repos.checklistItems.byInternship(i.key, 'logistics') : Promise.resolve([]),
    repos.evaluations.byInternship(i.key),
  ]);
  const done = new Set(answers.map((a) => a.questionnaire));
  return {
    missingStartDocuments: docs?.missing ?? [],
    openLogisticsItems: logistics
      .filter((c) => !c.done && !c.hidden && !OPTIONAL_TEMPLATE_KEYS.has(c.templateKey))
      .map((c) => c.templateKey),
    interviewReportRecorded: done.has('intake'),
    finalEvaluationDone: done.has('finalEvaluation'),
    satisfactionMentorDone: done.has('satisfactionMentor'),
    satisfactionInternDone: done.has('satisfactionIntern'),
  };
}

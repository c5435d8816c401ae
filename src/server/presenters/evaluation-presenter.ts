import { canOnInternship, type Actor, type InternshipAction } from '../../domain/access';
import type { Internship, PersonRef } from '../../domain/internship';
import { milestonesToScore } from '../../domain/plan';
import type { QuestionnaireKey } from '../../domain/questionnaires';
import { isQuestionnaireRecord, type EvaluationRecord } from '../../domain/records';
import { personView, type PersonView } from '../../domain/views';
import type { EvaluationView, EvaluationsView } from '../../domain/views-records';
import type { Stored } from '../../graph/repositories/list-repository';

/**
 * Who may fill in and read which questionnaire on an internship's page (docs/permissions.md):
 * - evaluations (mid-term, final, follow-up): `evaluation.write`; read with `evaluation.read`, or by the intern once
 *   shared with them (`evaluation.readShared`);
 * - the mentor's survey: `survey.mentor.write`; the intern's survey and well-being pulse: `survey.intern.write`;
 *   a survey is read by whoever filled it in and by coordinators (`survey.readAll`), so both can answer frankly;
 *   the well-being pulse is also read by mentor and back-up (`evaluation.read`), who act on it.
 */
export const TAB_QUESTIONNAIRES: Partial<Record<QuestionnaireKey, { write: InternshipAction; kind: Kind }>> =
  {
    midTermEvaluation: { write: 'evaluation.write', kind: 'evaluation' },
    finalEvaluation: { write: 'evaluation.write', kind: 'evaluation' },
    followUp: { write: 'evaluation.write', kind: 'evaluation' },
    satisfactionMentor: { write: 'survey.mentor.write', kind: 'survey' },
    satisfactionIntern: { write: 'survey.intern.write', kind: 'survey' },
    wellbeingPulse: { write: 'survey.intern.write', kind: 'pulse' },
  };
type Kind = 'evaluation' | 'survey' | 'pulse';

/** Follow-ups and pulses repeat during the internship: one answer per respondent per day; the others once. */
export const REPEATED: readonly QuestionnaireKey[] = ['followUp', 'wellbeingPulse'];

export function evaluationKey(
  internshipKey: string,
  questionnaire: QuestionnaireKey,
  respondentOid: string,
  today: string,
): string {
  const base = `${internshipKey}:${questionnaire}:${respondentOid}`;
  return REPEATED.includes(questionnaire) ? `${base}:${today}` : base;
}

export const mayFill = (actor: Actor, i: Internship, q: QuestionnaireKey): boolean => {
  const rule = TAB_QUESTIONNAIRES[q];
  return rule !== undefined && canOnInternship(actor, rule.write, i);
};

export function mayRead(actor: Actor, i: Internship, r: EvaluationRecord): boolean {
  if (r.respondentOid === actor.userId) return true;
  const can = (a: InternshipAction) => canOnInternship(actor, a, i);
  const kind = (r.questionnaire && TAB_QUESTIONNAIRES[r.questionnaire]?.kind) || 'evaluation';
  if (kind === 'survey') return can('survey.readAll');
  if (kind === 'pulse') return can('evaluation.read') || can('survey.readAll');
  return can('evaluation.read') || (can('evaluation.readShared') && r.sharedWithIntern === true);
}

/** A name for an oid from the people the internship knows (respondents are always among them). */
export function personOf(i: Internship, oid: string | undefined): PersonView | undefined {
  if (!oid) return undefined;
  const people: (PersonRef | undefined)[] = [i.intern, i.mentor, i.backup, i.coordinator, i.serviceHead];
  return personView(people.find((p) => p?.id === oid));
}

export function presentEvaluation(
  i: Internship,
  r: Stored<EvaluationRecord> & { questionnaire: QuestionnaireKey },
  actor: Actor,
): EvaluationView {
  return {
    id: r.id,
    key: r.key,
    questionnaire: r.questionnaire,
    respondent: personOf(i, r.respondentOid) ?? { id: r.respondentOid, name: r.respondentOid },
    submittedAt: r.submittedAt,
    sharedWithIntern: r.sharedWithIntern === true,
    answers: r.answers,
    mine: r.respondentOid === actor.userId,
    etag: r.etag,
  };
}

export function presentEvaluations(
  i: Internship,
  records: readonly Stored<EvaluationRecord>[],
  actor: Actor,
): EvaluationsView {
  const fillable = (Object.keys(TAB_QUESTIONNAIRES) as QuestionnaireKey[]).filter((q) =>
    mayFill(actor, i, q),
  );
  return {
    fillable,
    canShare: canOnInternship(actor, 'evaluation.write', i),
    milestones: milestonesToScore(i.plan).map((m) => ({ key: m.key, title: m.title })),
    records: records
      .filter(isQuestionnaireRecord)
      .filter((r) => TAB_QUESTIONNAIRES[r.questionnaire] && mayRead(actor, i, r))
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
      .map((r) => presentEvaluation(i, r, actor)),
  };
}

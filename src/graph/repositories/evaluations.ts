import type { QuestionnaireKey } from '../../domain/questionnaires';
import type { AnswerValue, EvaluationRecord } from '../../domain/records';
import { and, anyOf, eq } from '../odata';
import { readBool, readInstant, readJson, readText, writeInstant, writeJson, type Fields } from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';

/** The Evaluations list: answers of evaluations (mid-term, final) and of surveys (satisfaction, pulse, intake…). */

const COLUMNS = [
  'InternshipKey',
  'Questionnaire',
  'MomentKey',
  'RespondentOid',
  'Answers',
  'SubmittedAt',
  'SharedWithIntern',
] as const;

function fromListFields(id: string, f: Fields): EvaluationRecord {
  const r: EvaluationRecord = {
    id,
    key: readText(f, 'Key') ?? '',
    internshipKey: readText(f, 'InternshipKey') ?? '',
    questionnaire: readText(f, 'Questionnaire') as QuestionnaireKey | undefined,
    respondentOid: readText(f, 'RespondentOid') ?? '',
    answers: readJson<Record<string, AnswerValue>>(f, 'Answers', {}),
    submittedAt: readInstant(f, 'SubmittedAt') ?? '',
  };
  const momentKey = readText(f, 'MomentKey');
  if (momentKey) r.momentKey = momentKey;
  if (readBool(f, 'SharedWithIntern')) r.sharedWithIntern = true;
  return r;
}

function toFields(v: Partial<EvaluationRecord>): Fields {
  const has = (k: keyof EvaluationRecord) => k in v;
  const f: Fields = {};
  if (has('questionnaire')) f.Title = v.questionnaire;
  if (has('internshipKey')) f.InternshipKey = v.internshipKey;
  if (has('questionnaire')) f.Questionnaire = v.questionnaire;
  if (has('momentKey')) f.MomentKey = v.momentKey ?? null;
  if (has('respondentOid')) f.RespondentOid = v.respondentOid;
  if (has('answers')) f.Answers = writeJson(v.answers ?? {});
  if (has('submittedAt')) f.SubmittedAt = writeInstant(v.submittedAt);
  if (has('sharedWithIntern')) f.SharedWithIntern = v.sharedWithIntern === true;
  return f;
}

export class EvaluationsRepository extends ListRepository<EvaluationRecord> {
  constructor(ctx: RepositoryContext) {
    super(ctx, { list: 'Evaluations', columns: COLUMNS, fromFields: fromListFields, toFields });
  }

  byInternship(internshipKey: string, questionnaire?: QuestionnaireKey): Promise<Stored<EvaluationRecord>[]> {
    const byKey = eq('fields/InternshipKey', internshipKey);
    return this.query(questionnaire ? and(byKey, eq('fields/Questionnaire', questionnaire)) : byKey);
  }

  /** The answers of these internships to the given questionnaires (red flags, moments answered in the tab). */
  ofInternships(
    internshipKeys: readonly string[],
    questionnaires: readonly QuestionnaireKey[],
  ): Promise<Stored<EvaluationRecord>[]> {
    return this.queryByInternshipKeys(internshipKeys, anyOf('fields/Questionnaire', [...questionnaires]));
  }

  /** Every answer to one questionnaire (e.g. satisfaction surveys for the yearly policy evaluation). */
  byQuestionnaire(questionnaire: QuestionnaireKey): Promise<Stored<EvaluationRecord>[]> {
    return this.query(eq('fields/Questionnaire', questionnaire));
  }

  byMoment(momentKey: string): Promise<Stored<EvaluationRecord>[]> {
    return this.query(eq('fields/MomentKey', momentKey));
  }
}

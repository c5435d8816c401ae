import { localDateOf } from '../../domain/brussels-time';
import { momentAnsweredInTab } from '../../domain/answers';
import type { Internship } from '../../domain/internship';
import type { QuestionnaireKey } from '../../domain/questionnaires';
import { OPEN_MOMENT_STATES } from '../../domain/records';
import type { Repositories } from '../../graph/repositories/repositories';
import { RepositoryConflictError } from '../../graph/repositories/repository-errors';

/**
 * A questionnaire filled in the tab answers its moment like the card would: the moment goes to `answered` (ETag,
 * re-applied on a newer version), so the scheduler neither escalates it to the back-up nor lists it in the
 * coordinator's digest, and the card in the chats shows it answered on its next refresh.
 * Returns the key of the moment closed, if any.
 */
export async function closeMomentAnsweredInTab(
  repos: Repositories,
  internship: Pick<Internship, 'key'>,
  questionnaireKey: QuestionnaireKey,
  byOid: string,
  at: string,
): Promise<string | undefined> {
  const moments = await repos.moments.byInternship(internship.key);
  const m = momentAnsweredInTab(moments, questionnaireKey, localDateOf(at));
  if (!m) return undefined;
  try {
    await repos.moments.transition(m, {
      to: 'answered',
      from: [...OPEN_MOMENT_STATES, 'failed'],
      entry: { at, event: 'answered', oid: byOid, detail: 'answered in the tab' },
      answeredByOid: byOid,
      answeredAt: at,
    });
    return m.key;
  } catch (e) {
    // Answered on the card (or cancelled) meanwhile: nothing left to close.
    if (e instanceof RepositoryConflictError) return undefined;
    throw e;
  }
}

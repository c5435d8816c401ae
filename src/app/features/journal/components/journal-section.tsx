import { useTranslation } from 'react-i18next';
import type { InternshipView } from '../../../../domain/views';
import { QueryState } from '../../../components/query-state';
import { ApiRequestError } from '../../../lib/api-client';
import { useAddAbsence, useAddFeedback, useJournal } from '../api/use-journal';
import { AbsenceForm } from './absence-form';
import { FeedbackForm } from './feedback-form';
import { GoldenRules } from './golden-rules';
import { AbsenceList, FeedbackList } from './journal-lists';

/** Feedback and absences on the internship page, for who may read the journal (in full or what is shared). */
export function JournalSection({ internship }: { internship: InternshipView }) {
  const show =
    internship.allowed.includes('journal.read') || internship.allowed.includes('journal.readShared');
  return show ? <JournalContainer internship={internship} /> : null;
}

function JournalContainer({ internship }: { internship: InternshipView }) {
  const { t } = useTranslation('journal');
  const query = useJournal(internship.id);
  const feedback = useAddFeedback(internship.id);
  const absence = useAddAbsence(internship.id);
  const fieldsOf = (e: unknown) => (e instanceof ApiRequestError ? e.fields : []);
  const messageOf = (e: unknown) =>
    e instanceof ApiRequestError && e.fields.length === 0 ? e.message : undefined;
  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">{t('title')}</h2>
      <QueryState query={query}>
        {(j) => (
          <>
            <h3>{t('feedback')}</h3>
            {j.canWrite && <GoldenRules />}
            <FeedbackList items={j.feedback} sharedOnly={j.sharedOnly} />
            {j.canWrite && (
              <FeedbackForm
                today={todayWithin(internship.startDate, internship.endDate)}
                busy={feedback.isPending}
                errors={fieldsOf(feedback.error)}
                formError={messageOf(feedback.error)}
                saved={feedback.isSuccess}
                onSubmit={(d, done) => feedback.mutate(d, { onSuccess: done })}
              />
            )}
            <h3>{t('absences')}</h3>
            <AbsenceList items={j.absences} />
            {(j.canWrite || j.canLogOwnAbsence) && (
              <AbsenceForm
                own={!j.canWrite}
                defaultDate={todayWithin(internship.startDate, internship.endDate)}
                busy={absence.isPending}
                errors={fieldsOf(absence.error)}
                formError={messageOf(absence.error)}
                saved={absence.isSuccess}
                onSubmit={(d, done) => absence.mutate(d, { onSuccess: done })}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** The browser's today, kept inside the internship period (the server refuses absences outside it). */
function todayWithin(start: string, end: string): string {
  const today = new Date().toISOString().slice(0, 10);
  return today < start ? start : today > end ? end : today;
}

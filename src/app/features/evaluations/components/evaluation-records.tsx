import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { answerFields } from '../../../../domain/answers';
import type { Locale } from '../../../../domain/i18n';
import { questionnaire, TRAFFIC_LIGHT_CHOICES } from '../../../../domain/questionnaires';
import type { AnswerValue } from '../../../../domain/records';
import type { EvaluationView } from '../../../../domain/views-records';
import { formatDate } from '../../../components/format';

const useStyles = makeStyles({
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  answers: { margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  def: { marginInlineStart: 0 },
});

/** The evaluations and surveys the caller may read, each unfolding to its answers (presentational). */
export function EvaluationRecords({
  records,
  milestones,
  showSharing,
}: {
  records: EvaluationView[];
  milestones: { key: string; title: string }[];
  showSharing: boolean;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('evaluations');
  const locale = i18n.language as Locale;
  const label = (
    fieldId: string,
    v: AnswerValue,
    choices?: readonly { key: string; text: Record<Locale, string> }[],
  ) => {
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    const c = choices?.find((x) => x.key === v);
    return c ? c.text[locale] : String(v);
  };
  return (
    <Accordion collapsible multiple>
      {records.map((r) => {
        const q = questionnaire(r.questionnaire);
        const fields = answerFields(r.questionnaire, milestones);
        return (
          <AccordionItem key={r.id} value={r.id}>
            <AccordionHeader>
              <span className={styles.header}>
                <span>
                  {q.title[locale]} —{' '}
                  {t('by', { name: r.respondent.name, date: formatDate(r.submittedAt.slice(0, 10), locale) })}
                </span>
                {showSharing &&
                  q.key !== 'satisfactionMentor' &&
                  q.key !== 'satisfactionIntern' &&
                  q.key !== 'wellbeingPulse' && (
                    <Badge appearance="tint" color={r.sharedWithIntern ? 'success' : 'informative'}>
                      {r.sharedWithIntern ? t('shared') : t('notShared')}
                    </Badge>
                  )}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <dl className={styles.answers} aria-label={t('answers', { title: q.title[locale] })}>
                {fields.map((f) => {
                  const v = r.answers[f.id];
                  const choices =
                    f.question.kind === 'trafficLight' ? TRAFFIC_LIGHT_CHOICES : f.question.choices;
                  return (
                    <div key={f.id}>
                      <dt className={styles.term}>
                        {f.milestone ? `${f.milestone.title}: ` : ''}
                        {f.question.text[locale]}
                      </dt>
                      <dd className={styles.def}>
                        {v === undefined ? t('notAnswered') : label(f.id, v, choices)}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

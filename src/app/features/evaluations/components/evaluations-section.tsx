import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import { questionnaire, type QuestionnaireKey } from '../../../../domain/questionnaires';
import type { InternshipView } from '../../../../domain/views';
import type { EvaluationsView } from '../../../../domain/views-records';
import { QueryState } from '../../../components/query-state';
import { ApiRequestError } from '../../../lib/api-client';
import { useEvaluations, useSubmitEvaluation } from '../api/use-evaluations';
import { EvaluationRecords } from './evaluation-records';
import { QuestionnaireForm } from './questionnaire-form';

const useStyles = makeStyles({
  choices: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalM,
  },
});

const SHOWN: readonly string[] = ['evaluation.readShared', 'survey.intern.write', 'survey.mentor.write'];

/** Evaluations and surveys on the internship page, for whoever fills in or reads any of them. */
export function EvaluationsSection({ internship }: { internship: InternshipView }) {
  return internship.allowed.some((a) => SHOWN.includes(a)) ? (
    <EvaluationsContainer id={internship.id} />
  ) : null;
}

function EvaluationsContainer({ id }: { id: string }) {
  const { t } = useTranslation('evaluations');
  const query = useEvaluations(id);
  return (
    <section aria-labelledby="evaluations-title">
      <h2 id="evaluations-title">{t('title')}</h2>
      <QueryState query={query}>{(v) => <EvaluationsBody id={id} view={v} />}</QueryState>
    </section>
  );
}

function EvaluationsBody({ id, view }: { id: string; view: EvaluationsView }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('evaluations');
  const locale = i18n.language as Locale;
  const submit = useSubmitEvaluation(id);
  const [open, setOpen] = useState<QuestionnaireKey | undefined>();
  const [saved, setSaved] = useState(false);
  // Bumped after a conflict so the form re-reads the current version.
  const [generation, setGeneration] = useState(0);
  const mine = (q: QuestionnaireKey) => view.records.find((r) => r.mine && r.questionnaire === q);
  const error = submit.error instanceof ApiRequestError ? submit.error : undefined;
  const current = open ? mine(open) : undefined;

  return (
    <>
      {view.fillable.length > 0 && (
        <div role="group" aria-label={t('forms')} className={styles.choices}>
          {view.fillable.map((q) => (
            <Button
              key={q}
              aria-pressed={open === q}
              onClick={() => {
                submit.reset();
                setSaved(false);
                setOpen(q);
              }}
            >
              {`${mine(q) ? t('editMine') : t('fill')}: ${questionnaire(q).title[locale]}`}
            </Button>
          ))}
        </div>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t('saved')}</MessageBarBody>
        </MessageBar>
      )}
      {open && (
        <QuestionnaireForm
          key={`${open}:${current?.etag ?? ''}:${generation}`}
          questionnaireKey={open}
          milestones={view.milestones}
          {...(current ? { initial: current.answers, initialShared: current.sharedWithIntern } : {})}
          canShare={view.canShare && ['midTermEvaluation', 'finalEvaluation', 'followUp'].includes(open)}
          busy={submit.isPending}
          errors={error?.fields ?? []}
          {...(error?.status === 409
            ? { formError: t('conflict') }
            : error && error.fields.length === 0
              ? { formError: error.message }
              : {})}
          onCancel={() => setOpen(undefined)}
          onSubmit={(answers, sharedWithIntern) =>
            submit.mutate(
              {
                questionnaire: open,
                answers,
                ...(sharedWithIntern !== undefined ? { sharedWithIntern } : {}),
                ...(current ? { etag: current.etag } : {}),
              },
              {
                onSuccess: () => {
                  setOpen(undefined);
                  setSaved(true);
                },
                onError: (e) => {
                  if (e instanceof ApiRequestError && e.status === 409) setGeneration((g) => g + 1);
                },
              },
            )
          }
        />
      )}
      <h3>{t('records')}</h3>
      {view.records.length === 0 ? (
        <Text as="p">{view.canShare ? t('empty') : t('nothingShared')}</Text>
      ) : (
        <EvaluationRecords records={view.records} milestones={view.milestones} showSharing={view.canShare} />
      )}
    </>
  );
}

import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Locale } from '../../../../domain/i18n';
import { SCALE5_ANCHORS, TRAFFIC_LIGHT_CHOICES, type Question } from '../../../../domain/questionnaires';
import { INTAKE } from '../../../../domain/questionnaires/intake';
import type { AnswerValue } from '../../../../domain/records';
import type { IntakeView } from '../../../../domain/views-coordination';
import { AppLink } from '../../../components/app-link';
import { QueryState } from '../../../components/query-state';
import { fieldError, otherErrors } from '../../needs/components/field-errors';
import { useIntake, useSaveIntake } from '../api/use-applications';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '52rem' },
  group: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

/**
 * The question set grouped as the interview runs (toolbox B3 and C2, seed 003): the student and their motivation,
 * practicalities, the team and a short test, the information to give, and finally the assessment and advice.
 * Questions added to the set later land in "other" rather than disappearing.
 */
const GROUPS: { key: string; questions: readonly string[] }[] = [
  {
    key: 'student',
    questions: [
      'motivation',
      'whyOrganisation',
      'topic',
      'priorEducation',
      'level',
      'studyYear',
      'earlierInternships',
      'schoolAssignments',
      'learningWishes',
      'strengthsWeaknesses',
    ],
  },
  { key: 'practical', questions: ['proposedStart', 'proposedEnd', 'travelTime'] },
  { key: 'team', questions: ['teamPresented', 'relevantTest'] },
  {
    key: 'information',
    questions: [
      'organisationPresented',
      'goalExplained',
      'regulationExplained',
      'expectationsDiscussed',
      'workingHoursExplained',
      'daysOffExplained',
      'houseRulesExplained',
      'selorExplained',
    ],
  },
  { key: 'assessment', questions: ['match', 'mentorAdvice', 'coordinatorAdvice', 'notes'] },
];

function grouped(): { key: string; questions: Question[] }[] {
  const used = new Set<string>();
  const out = GROUPS.map((g) => ({
    key: g.key,
    questions: g.questions.flatMap((k) => {
      const q = INTAKE.questions.find((x) => x.key === `intake.${k}`);
      if (q) used.add(q.key);
      return q ? [q] : [];
    }),
  }));
  const rest = INTAKE.questions.filter((q) => !used.has(q.key));
  if (rest.length > 0) out.push({ key: 'other', questions: rest });
  return out.filter((g) => g.questions.length > 0);
}

/** Container: the intake interview of one application. */
export function IntakePage() {
  const { id = '' } = useParams();
  const query = useIntake(id);
  return <QueryState query={query}>{(v) => <IntakeForm key={v.application.id} view={v} />}</QueryState>;
}

type Values = Record<string, string | boolean>;

const initial = (view: IntakeView): Values =>
  Object.fromEntries(
    INTAKE.questions.map((q) => {
      const a = view.answers[q.key];
      if (q.kind === 'yesNo') return [q.key, a === true];
      return [q.key, a === undefined ? '' : String(a)];
    }),
  );

function toAnswers(values: Values): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const q of INTAKE.questions) {
    const v = values[q.key];
    if (typeof v === 'boolean') out[q.key] = v;
    else if (v === undefined || v.trim() === '') continue;
    else if (q.kind === 'scale5' || q.kind === 'number') out[q.key] = Number(v);
    else out[q.key] = v;
  }
  return out;
}

function IntakeForm({ view }: { view: IntakeView }) {
  const { t, i18n } = useTranslation('applications');
  const locale = i18n.language as Locale;
  const styles = useStyles();
  const save = useSaveIntake(view.application.id);
  const [values, setValues] = useState<Values>(() => initial(view));
  const set = (k: string, v: string | boolean) => setValues((o) => ({ ...o, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(toAnswers(values));
  }
  const others = otherErrors(
    save.error,
    INTAKE.questions.map((q) => `answers.${q.key}`),
  );

  return (
    <div className={styles.page}>
      <AppLink to={`/applications/${encodeURIComponent(view.application.id)}`}>
        {t('details', { name: view.application.candidateName })}
      </AppLink>
      <Text as="h2" id="intake-title" size={500} weight="semibold">
        {t('intakeTitle', { name: view.application.candidateName })}
      </Text>
      <Text as="p">{INTAKE.intro?.[locale]}</Text>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{t('decisionLater')}</MessageBarTitle> {t('selor')}
        </MessageBarBody>
      </MessageBar>
      {view.respondent && <Text as="p">{t('recordedBy', { name: view.respondent.name })}</Text>}
      <form onSubmit={submit} aria-labelledby="intake-title" className={styles.page}>
        {grouped().map((g) => (
          <fieldset key={g.key} className={styles.group}>
            <legend className={styles.legend}>{t(`groups.${g.key}`)}</legend>
            {g.questions.map((q) => (
              <QuestionField
                key={q.key}
                q={q}
                locale={locale}
                value={values[q.key] ?? ''}
                error={fieldError(save.error, `answers.${q.key}`)}
                onChange={(v) => set(q.key, v)}
              />
            ))}
          </fieldset>
        ))}
        {others.length > 0 && (
          <MessageBar intent="error">
            <MessageBarBody>{others.join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        {save.isSuccess && (
          <MessageBar intent="success">
            <MessageBarBody>{t('intakeSaved')}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="primary" type="submit" disabled={save.isPending}>
            {t('saveIntake')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function QuestionField({
  q,
  locale,
  value,
  error,
  onChange,
}: {
  q: Question;
  locale: Locale;
  value: string | boolean;
  error: string | undefined;
  onChange(v: string | boolean): void;
}) {
  const label = q.text[locale];
  const hint = q.help?.[locale];
  const common = { label, hint, required: q.required, validationMessage: error };
  switch (q.kind) {
    case 'yesNo':
      return (
        <Field hint={hint} validationMessage={error}>
          <Checkbox
            label={label}
            checked={value === true}
            onChange={(_, d) => onChange(d.checked === true)}
          />
        </Field>
      );
    case 'scale5':
      return (
        <Field
          {...common}
          hint={`${hint ? `${hint} ` : ''}1 = ${SCALE5_ANCHORS.low[locale]}, 5 = ${SCALE5_ANCHORS.high[locale]}`}
        >
          <RadioGroup layout="horizontal" value={String(value)} onChange={(_, d) => onChange(d.value)}>
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} value={String(n)} label={String(n)} />
            ))}
          </RadioGroup>
        </Field>
      );
    case 'choice':
    case 'trafficLight':
      return (
        <Field {...common}>
          <RadioGroup value={String(value)} onChange={(_, d) => onChange(d.value)}>
            {(q.kind === 'trafficLight' ? TRAFFIC_LIGHT_CHOICES : (q.choices ?? [])).map((c) => (
              <Radio key={c.key} value={c.key} label={c.text[locale]} />
            ))}
          </RadioGroup>
        </Field>
      );
    case 'longText':
      return (
        <Field {...common}>
          <Textarea value={String(value)} onChange={(_, d) => onChange(d.value)} resize="vertical" />
        </Field>
      );
    case 'date':
      return (
        <Field {...common}>
          <Input type="date" value={String(value)} onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
    case 'number':
      return (
        <Field {...common}>
          <Input type="number" value={String(value)} onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
    default:
      return (
        <Field {...common}>
          <Input value={String(value)} onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
  }
}

import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answerFields, type AnswerField } from '../../../../domain/answers';
import type { Locale } from '../../../../domain/i18n';
import {
  maxLengthOf,
  questionnaire,
  SCALE5_ANCHORS,
  TRAFFIC_LIGHT_CHOICES,
  type QuestionnaireKey,
} from '../../../../domain/questionnaires';
import type { AnswerValue } from '../../../../domain/records';
import type { FieldError } from '../../../../domain/validation';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '48rem' },
  milestone: { marginBlock: 0, fontSize: tokens.fontSizeBase400 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

export interface QuestionnaireFormProps {
  questionnaireKey: QuestionnaireKey;
  milestones: { key: string; title: string }[];
  /** The caller's earlier answers (edited in place). */
  initial?: Record<string, AnswerValue>;
  initialShared?: boolean;
  /** Offer "share with the intern" (evaluations, for who writes them). */
  canShare: boolean;
  busy: boolean;
  errors: FieldError[];
  /** A message for the whole form (conflict, network). */
  formError?: string;
  onSubmit(answers: Record<string, AnswerValue>, sharedWithIntern: boolean | undefined): void;
  onCancel(): void;
}

type Draft = Record<string, string>;

const toDraft = (answers: Record<string, AnswerValue> | undefined): Draft =>
  Object.fromEntries(Object.entries(answers ?? {}).map(([k, v]) => [k, String(v)]));

/** Typed answers from the form's strings; the server validates them again, per question. */
function fromDraft(fields: AnswerField[], draft: Draft): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const f of fields) {
    const v = draft[f.id];
    if (v === undefined || v.trim() === '') continue;
    if (f.question.kind === 'scale5' || f.question.kind === 'number') out[f.id] = Number(v);
    else if (f.question.kind === 'yesNo') out[f.id] = v === 'true';
    else out[f.id] = v;
  }
  return out;
}

/** A form generated from a domain questionnaire (presentational). */
export function QuestionnaireForm(props: QuestionnaireFormProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('evaluations');
  const locale = i18n.language as Locale;
  const titleId = useId();
  const q = questionnaire(props.questionnaireKey);
  const fields = answerFields(props.questionnaireKey, props.milestones);
  const missingMilestones = props.milestones.length === 0 && q.questions.some((x) => x.perMilestone);
  const [draft, setDraft] = useState<Draft>(() => toDraft(props.initial));
  const [shared, setShared] = useState(props.initialShared === true);
  const errorOf = (id: string) =>
    props.errors
      .filter((e) => e.path === id)
      .map((e) => e.message)
      .join(' ') || undefined;
  const set = (id: string, v: string) => setDraft((d) => ({ ...d, [id]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(fromDraft(fields, draft), props.canShare ? shared : undefined);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{q.title[locale]}</h3>
      {q.intro && <Text as="p">{q.intro[locale]}</Text>}
      <Text as="p" size={200}>
        {t('requiredNote')}
      </Text>
      {missingMilestones && (
        <MessageBar intent="info">
          <MessageBarBody>{t('noMilestones')}</MessageBarBody>
        </MessageBar>
      )}
      {fields.map((f, n) => (
        <div key={f.id}>
          {f.milestone && fields[n - 1]?.milestone?.key !== f.milestone.key && (
            <h4 className={styles.milestone}>
              {t('milestone', { index: f.milestone.index, title: f.milestone.title })}
            </h4>
          )}
          <QuestionField
            field={f}
            value={draft[f.id] ?? ''}
            error={errorOf(f.id)}
            locale={locale}
            onChange={(v) => set(f.id, v)}
          />
        </div>
      ))}
      {props.canShare && (
        <Checkbox
          checked={shared}
          onChange={(_, d) => setShared(d.checked === true)}
          label={t('shareWithIntern')}
        />
      )}
      {props.formError && (
        <MessageBar intent="error">
          <MessageBarBody>{props.formError}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={props.busy}>
          {t('submit')}
        </Button>
        <Button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

function QuestionField({
  field: f,
  value,
  error,
  locale,
  onChange,
}: {
  field: AnswerField;
  value: string;
  error: string | undefined;
  locale: Locale;
  onChange(v: string): void;
}) {
  const { t } = useTranslation('evaluations');
  const q = f.question;
  const common = {
    label: q.text[locale],
    required: q.required,
    validationMessage: error,
    ...(q.help ? { hint: q.help[locale] } : {}),
    'data-field': f.id,
  };
  const radios = (options: { key: string; label: string }[], layout: 'horizontal' | 'vertical') => (
    <Field {...common}>
      <RadioGroup value={value} layout={layout} onChange={(_, d) => onChange(d.value)}>
        {options.map((o) => (
          <Radio key={o.key} value={o.key} label={o.label} />
        ))}
      </RadioGroup>
    </Field>
  );
  switch (q.kind) {
    case 'scale5':
      return radios(
        [1, 2, 3, 4, 5].map((n) => ({
          key: String(n),
          label:
            n === 1
              ? `1 (${SCALE5_ANCHORS.low[locale]})`
              : n === 5
                ? `5 (${SCALE5_ANCHORS.high[locale]})`
                : String(n),
        })),
        'horizontal',
      );
    case 'yesNo':
      return radios(
        [
          { key: 'true', label: t('yes') },
          { key: 'false', label: t('no') },
        ],
        'horizontal',
      );
    case 'trafficLight':
      return radios(
        TRAFFIC_LIGHT_CHOICES.map((c) => ({ key: c.key, label: c.text[locale] })),
        'vertical',
      );
    case 'choice':
      return radios(
        (q.choices ?? []).map((c) => ({ key: c.key, label: c.text[locale] })),
        'vertical',
      );
    case 'longText':
      return (
        <Field {...common}>
          <Textarea
            value={value}
            resize="vertical"
            maxLength={maxLengthOf(q)}
            onChange={(_, d) => onChange(d.value)}
          />
        </Field>
      );
    case 'text':
      return (
        <Field {...common}>
          <Input value={value} maxLength={maxLengthOf(q)} onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
    case 'date':
      return (
        <Field {...common}>
          <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
    case 'number':
      return (
        <Field {...common}>
          <Input type="number" value={value} onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
  }
}

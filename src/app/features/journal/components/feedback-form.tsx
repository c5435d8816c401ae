import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../domain/validation';
import type { FeedbackDraft } from '../api/use-journal';

export const useFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '36rem',
    marginBlock: tokens.spacingVerticalM,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

export const errorOf = (errors: FieldError[], path: string) =>
  errors
    .filter((e) => e.path === path)
    .map((e) => e.message)
    .join(' ') || undefined;

/** Log a feedback moment (presentational). */
export function FeedbackForm(props: {
  today: string;
  busy: boolean;
  errors: FieldError[];
  formError: string | undefined;
  saved: boolean;
  onSubmit(d: FeedbackDraft, done: () => void): void;
}) {
  const styles = useFormStyles();
  const { t } = useTranslation('journal');
  const titleId = useId();
  const [date, setDate] = useState(props.today);
  const [direction, setDirection] = useState<FeedbackDraft['direction']>('toIntern');
  const [note, setNote] = useState('');
  const [visible, setVisible] = useState(true);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({ date, direction, note, visibleToIntern: visible }, () => setNote(''));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h4 id={titleId}>{t('addFeedback')}</h4>
      <Field label={t('date')} required validationMessage={errorOf(props.errors, 'date')}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field label={t('direction')} validationMessage={errorOf(props.errors, 'direction')}>
        <RadioGroup
          value={direction}
          layout="horizontal"
          onChange={(_, d) => setDirection(d.value as FeedbackDraft['direction'])}
        >
          <Radio value="toIntern" label={t('toIntern')} />
          <Radio value="fromIntern" label={t('fromIntern')} />
        </RadioGroup>
      </Field>
      <Field label={t('note')} required validationMessage={errorOf(props.errors, 'note')}>
        <Textarea value={note} resize="vertical" maxLength={4000} onChange={(_, d) => setNote(d.value)} />
      </Field>
      <Checkbox
        checked={visible}
        onChange={(_, d) => setVisible(d.checked === true)}
        label={t('visibleToIntern')}
      />
      {props.saved && !props.busy && (
        <MessageBar intent="success">
          <MessageBarBody>{t('saved')}</MessageBarBody>
        </MessageBar>
      )}
      {props.formError && (
        <MessageBar intent="error">
          <MessageBarBody>{props.formError}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button type="submit" appearance="primary" disabled={props.busy}>
          {t('addFeedback')}
        </Button>
      </div>
    </form>
  );
}

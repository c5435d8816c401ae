import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../domain/validation';
import type { AbsenceDraft } from '../api/use-journal';
import { errorOf, useFormStyles } from './feedback-form';

const KINDS = ['planned', 'school', 'illness', 'other'] as const;

/** Log an absence; the intern reports their own (presentational). */
export function AbsenceForm(props: {
  own: boolean;
  defaultDate: string;
  busy: boolean;
  errors: FieldError[];
  formError: string | undefined;
  saved: boolean;
  onSubmit(d: AbsenceDraft, done: () => void): void;
}) {
  const styles = useFormStyles();
  const { t } = useTranslation('journal');
  const titleId = useId();
  const [from, setFrom] = useState(props.defaultDate);
  const [to, setTo] = useState(props.defaultDate);
  const [kind, setKind] = useState<AbsenceDraft['kind']>('planned');
  const [note, setNote] = useState('');
  const [schoolInformed, setSchoolInformed] = useState(false);
  const title = props.own ? t('addOwnAbsence') : t('addAbsence');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({ from, to, kind, schoolInformed, ...(note.trim() ? { note } : {}) }, () => setNote(''));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h4 id={titleId}>{title}</h4>
      <div className={styles.row}>
        <Field label={t('from')} required validationMessage={errorOf(props.errors, 'from')}>
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label={t('to')} required validationMessage={errorOf(props.errors, 'to')}>
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
      </div>
      <Field label={t('kind')} required validationMessage={errorOf(props.errors, 'kind')}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as AbsenceDraft['kind'])}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('note')} validationMessage={errorOf(props.errors, 'note')}>
        <Textarea value={note} resize="vertical" maxLength={1000} onChange={(_, d) => setNote(d.value)} />
      </Field>
      <Checkbox
        checked={schoolInformed}
        onChange={(_, d) => setSchoolInformed(d.checked === true)}
        label={t('schoolInformed')}
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
          {title}
        </Button>
      </div>
    </form>
  );
}

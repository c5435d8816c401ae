import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import { NEEDS_ANALYSIS } from '../../../../domain/questionnaires/needs-analysis';
import type { PersonChoiceView } from '../../../../domain/views-coordination';
import type { ProposalInput } from '../api/use-assignments';
import { fieldError, otherErrors } from './field-errors';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Label and help of a template question (the toolbox's "Behoefteanalyse" wording, in the user's language). */
const question = (key: string, locale: Locale) => {
  const q = NEEDS_ANALYSIS.questions.find((x) => x.key === `needsAnalysis.${key}`);
  return { label: q?.text[locale] ?? key, hint: q?.help?.[locale] };
};

const SHOWN = [
  'service',
  'title',
  'description',
  'context',
  'contacts',
  'qualityCriteria',
  'deadlines',
  'profile',
  'periodStart',
  'periodEnd',
  'places',
  'proposedMentorId',
  'proposedBackupId',
];

/** The needs-analysis template as a form: one assignment, written as a project (toolbox B1, C1, C3). */
export function ProposalForm({
  services,
  people,
  locale,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  services: { key: string; name: string }[];
  people: PersonChoiceView[];
  locale: Locale;
  pending: boolean;
  error: unknown;
  onSubmit(input: ProposalInput): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('needs');
  const [v, setV] = useState({
    service: services.length === 1 ? services[0]!.key : '',
    title: '',
    description: '',
    context: '',
    contacts: '',
    qualityCriteria: '',
    deadlines: '',
    profile: '',
    periodStart: '',
    periodEnd: '',
    places: '1',
    research: false,
    proposedMentorId: '',
    proposedBackupId: '',
  });
  const set = (k: keyof typeof v) => (value: string | boolean) => setV((o) => ({ ...o, [k]: value }));
  const err = (path: string) => fieldError(error, path);

  function submit(e: FormEvent) {
    e.preventDefault();
    const opt = (s: string) => (s.trim() ? s : undefined);
    const input: ProposalInput = {
      service: v.service,
      title: v.title,
      description: v.description,
      places: Number(v.places),
      research: v.research,
    };
    const optional = {
      context: opt(v.context),
      contacts: opt(v.contacts),
      qualityCriteria: opt(v.qualityCriteria),
      deadlines: opt(v.deadlines),
      profile: opt(v.profile),
      periodStart: opt(v.periodStart),
      periodEnd: opt(v.periodEnd),
      proposedMentorId: opt(v.proposedMentorId),
      proposedBackupId: opt(v.proposedBackupId),
    };
    for (const [k, x] of Object.entries(optional)) if (x !== undefined) Object.assign(input, { [k]: x });
    onSubmit(input);
  }

  const text = (key: keyof typeof v, q: string, multiline = false, required = false) => {
    const { label, hint } = question(q, locale);
    return (
      <Field label={label} hint={hint} required={required} validationMessage={err(key)}>
        {multiline ? (
          <Textarea value={String(v[key])} onChange={(_, d) => set(key)(d.value)} resize="vertical" />
        ) : (
          <Input value={String(v[key])} onChange={(_, d) => set(key)(d.value)} />
        )}
      </Field>
    );
  };
  const person = (key: 'proposedMentorId' | 'proposedBackupId', q: string) => {
    const { label, hint } = question(q, locale);
    return (
      <Field label={label} hint={hint} validationMessage={err(key)}>
        <Select value={v[key]} onChange={(_, d) => set(key)(d.value)}>
          <option value="">{t('none')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.department ? `${p.name} (${p.department})` : p.name}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  const others = otherErrors(error, SHOWN);
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('proposeTitle')}>
      <Field label={question('service', locale).label} required validationMessage={err('service')}>
        <Select value={v.service} onChange={(_, d) => set('service')(d.value)}>
          <option value="">{t('chooseService')}</option>
          {services.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      {text('title', 'title', false, true)}
      {text('description', 'description', true, true)}
      {text('context', 'context', true)}
      {text('contacts', 'contactPersons')}
      {text('qualityCriteria', 'qualityCriteria', true)}
      {text('deadlines', 'deadlines', true)}
      {text('profile', 'profile', true)}
      <div className={styles.row}>
        <Field label={t('periodStart')} validationMessage={err('periodStart')}>
          <Input type="date" value={v.periodStart} onChange={(_, d) => set('periodStart')(d.value)} />
        </Field>
        <Field label={t('periodEnd')} validationMessage={err('periodEnd')}>
          <Input type="date" value={v.periodEnd} onChange={(_, d) => set('periodEnd')(d.value)} />
        </Field>
      </div>
      <Field label={question('numberOfInterns', locale).label} required validationMessage={err('places')}>
        <Input type="number" min={1} max={50} value={v.places} onChange={(_, d) => set('places')(d.value)} />
      </Field>
      <Checkbox
        label={question('researchProject', locale).label}
        checked={v.research}
        onChange={(_, d) => set('research')(d.checked === true)}
      />
      <div className={styles.row}>
        {person('proposedMentorId', 'proposedMentor')}
        {person('proposedBackupId', 'proposedBackup')}
      </div>
      {others.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{others.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={pending}>
          {pending ? t('saving') : t('submit')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}

import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Locale } from '../../../../domain/i18n';
import { PHASE_NAMES } from '../../../../domain/phases';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../../domain/records';
import type { ApplicationView, AssignmentView } from '../../../../domain/views-coordination';
import { AppLink } from '../../../components/app-link';
import { formatDate } from '../../../components/format';
import { QueryState } from '../../../components/query-state';
import { usePeople } from '../../needs/api/use-assignments';
import { fieldError, otherErrors } from '../../needs/components/field-errors';
import { useApplication, useChangeApplication, useConvertApplication } from '../api/use-applications';
import { useOpenAssignments } from './applications-page';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  term: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
});

/** Container: one application, its assignment and status, the intake interview and the step to an internship. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const query = useApplication(id);
  return <QueryState query={query}>{(a) => <ApplicationDetails a={a} />}</QueryState>;
}

function ApplicationDetails({ a }: { a: ApplicationView }) {
  const { t, i18n } = useTranslation('applications');
  const locale = i18n.language as Locale;
  const styles = useStyles();
  const assignments = useOpenAssignments();
  const facts: [string, string | undefined][] = [
    [t('candidateEmail'), a.candidateEmail],
    [t('schoolName'), a.schoolName],
    [t('programme'), a.programme],
    [t('motivation'), a.motivation],
    [t('colReceived'), formatDate(a.receivedAt.slice(0, 10), locale)],
    [
      t('period'),
      a.periodStart && a.periodEnd
        ? `${formatDate(a.periodStart, locale)} – ${formatDate(a.periodEnd, locale)}`
        : undefined,
    ],
  ];
  return (
    <div className={styles.page}>
      <AppLink to="/applications">{t('back')}</AppLink>
      <section aria-labelledby="application-title">
        <Text as="h2" id="application-title" size={500} weight="semibold">
          {t('details', { name: a.candidateName })}
        </Text>
        <dl className={styles.facts}>
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt className={styles.term}>{k}</dt>
                <dd className={styles.dd}>{v}</dd>
              </div>
            ))}
        </dl>
      </section>
      <StatusForm key={a.etag} a={a} assignments={assignments} />
      <section aria-labelledby="intake-link-title">
        <Text as="h3" id="intake-link-title" size={400} weight="semibold">
          {t('colInterview')}
        </Text>
        <Text as="p">
          {a.interviewAt ? t('held', { date: formatDate(a.interviewAt.slice(0, 10), locale) }) : t('notYet')}
        </Text>
        <AppLink to={`/applications/${encodeURIComponent(a.id)}/intake`}>{t('intake')}</AppLink>
      </section>
      <ConvertForm a={a} assignments={assignments} locale={locale} />
    </div>
  );
}

function StatusForm({ a, assignments }: { a: ApplicationView; assignments: AssignmentView[] }) {
  const { t } = useTranslation('applications');
  const styles = useStyles();
  const change = useChangeApplication();
  const [status, setStatus] = useState<ApplicationStatus>(a.status);
  const [assignmentKey, setAssignmentKey] = useState(a.assignment?.key ?? '');
  const options =
    a.assignment && !assignments.some((x) => x.key === a.assignment!.key)
      ? [
          { key: a.assignment.key, title: a.assignment.title, serviceName: a.assignment.serviceName },
          ...assignments,
        ]
      : assignments;
  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate({
      a,
      change: {
        ...(status !== a.status ? { status } : {}),
        ...(assignmentKey !== (a.assignment?.key ?? '') ? { assignmentKey: assignmentKey || null } : {}),
      },
    });
  }
  const others = otherErrors(change.error, ['status', 'assignmentKey']);
  return (
    <section aria-labelledby="status-title">
      <Text as="h3" id="status-title" size={400} weight="semibold">
        {t('linkTitle')}
      </Text>
      <form className={styles.form} onSubmit={submit} aria-labelledby="status-title">
        <div className={styles.row}>
          <Field label={t('assignment')} validationMessage={fieldError(change.error, 'assignmentKey')}>
            <Select value={assignmentKey} onChange={(_, d) => setAssignmentKey(d.value)}>
              <option value="">{t('noAssignment')}</option>
              {options.map((x) => (
                <option key={x.key} value={x.key}>
                  {`${x.title} (${x.serviceName})`}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('statusLabel')} validationMessage={fieldError(change.error, 'status')}>
            <Select value={status} onChange={(_, d) => setStatus(d.value as ApplicationStatus)}>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {others.length > 0 && (
          <MessageBar intent="error">
            <MessageBarBody>{others.join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        {change.isSuccess && <Text role="status">{t('saved')}</Text>}
        <div>
          <Button type="submit" disabled={change.isPending}>
            {t('save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ConvertForm({
  a,
  assignments,
  locale,
}: {
  a: ApplicationView;
  assignments: AssignmentView[];
  locale: Locale;
}) {
  const { t } = useTranslation('applications');
  const styles = useStyles();
  const convert = useConvertApplication(a.id);
  const people = usePeople();
  const [v, setV] = useState({
    mentorId: '',
    backupId: '',
    startDate: a.periodStart ?? '',
    endDate: a.periodEnd ?? '',
  });
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }));
  const done =
    convert.data ?? (a.internship ? { internshipId: a.internship.id, phase: a.internship.phase } : null);
  const assignment = assignments.find((x) => x.key === a.assignment?.key);
  function submit(e: FormEvent) {
    e.preventDefault();
    convert.mutate({
      ...(a.assignment ? { assignmentKey: a.assignment.key } : {}),
      ...(v.mentorId ? { mentorId: v.mentorId } : {}),
      ...(v.backupId ? { backupId: v.backupId } : {}),
      ...(v.startDate ? { startDate: v.startDate } : {}),
      ...(v.endDate ? { endDate: v.endDate } : {}),
    });
  }
  const person = (k: 'mentorId' | 'backupId', fallback: string | undefined) => (
    <Field label={t(k === 'mentorId' ? 'mentor' : 'backup')} validationMessage={fieldError(convert.error, k)}>
      <Select value={v[k]} onChange={(_, d) => set(k)(d.value)}>
        <option value="">{fallback ? `${t('fromAssignment')}: ${fallback}` : '—'}</option>
        {(people.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
    </Field>
  );
  const others = otherErrors(convert.error, ['mentorId', 'backupId', 'startDate', 'endDate']);
  return (
    <section aria-labelledby="convert-title">
      <Text as="h3" id="convert-title" size={400} weight="semibold">
        {t('convertTitle')}
      </Text>
      <Text as="p">{t('convertIntro')}</Text>
      {done ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {t('converted', { phase: PHASE_NAMES[done.phase][locale] })}{' '}
            <AppLink to={`/internships/${encodeURIComponent(done.internshipId)}`}>{t('open')}</AppLink>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <form className={styles.form} onSubmit={submit} aria-labelledby="convert-title">
          <div className={styles.row}>
            {person('mentorId', assignment?.mentor?.name)}
            {person('backupId', assignment?.backup?.name)}
          </div>
          <div className={styles.row}>
            <Field label={t('startDate')} validationMessage={fieldError(convert.error, 'startDate')}>
              <Input type="date" value={v.startDate} onChange={(_, d) => set('startDate')(d.value)} />
            </Field>
            <Field label={t('endDate')} validationMessage={fieldError(convert.error, 'endDate')}>
              <Input type="date" value={v.endDate} onChange={(_, d) => set('endDate')(d.value)} />
            </Field>
          </div>
          {others.length > 0 && (
            <MessageBar intent="error">
              <MessageBarBody>{others.join(' ')}</MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button appearance="primary" type="submit" disabled={convert.isPending}>
              {t('convert')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

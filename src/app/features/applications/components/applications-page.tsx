import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import type { ApplicationView, AssignmentView } from '../../../../domain/views-coordination';
import { AppLink } from '../../../components/app-link';
import { formatDate } from '../../../components/format';
import { QueryState } from '../../../components/query-state';
import { useAssignments } from '../../needs/api/use-assignments';
import { fieldError, otherErrors } from '../../needs/components/field-errors';
import { useApplications, useRecordApplication, type ApplicationInput } from '../api/use-applications';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Assignments an application can be for: selected or published places of the needs analysis. */
export function useOpenAssignments(): AssignmentView[] {
  const list = useAssignments();
  return (list.data?.items ?? []).filter((a) => a.status === 'approved' || a.status === 'published');
}

/** Container: the applications of the central mailbox (coordinators only; the API refuses others). */
export function ApplicationsPage() {
  const { t, i18n } = useTranslation('applications');
  const styles = useStyles();
  const query = useApplications();
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const assignments = useOpenAssignments();
  return (
    <div className={styles.page}>
      <section aria-labelledby="applications-title">
        <Text as="h2" id="applications-title" size={500} weight="semibold">
          {t('title')}
        </Text>
        <Text as="p">{t('intro')}</Text>
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {!recording && (
          <Button appearance="primary" onClick={() => setRecording(true)}>
            {t('record')}
          </Button>
        )}
      </section>
      {recording && (
        <RecordForm
          assignments={assignments}
          onDone={(saved) => {
            setRecording(false);
            if (saved) setNotice(t('recorded'));
          }}
        />
      )}
      <QueryState query={query}>
        {(items) => <ApplicationTable items={items} locale={i18n.language as Locale} />}
      </QueryState>
    </div>
  );
}

const SHOWN = [
  'candidateName',
  'candidateEmail',
  'schoolName',
  'programme',
  'motivation',
  'assignmentId',
  'periodStart',
  'periodEnd',
  'receivedOn',
];

function RecordForm({
  assignments,
  onDone,
}: {
  assignments: AssignmentView[];
  onDone(saved: boolean): void;
}) {
  const { t } = useTranslation('applications');
  const styles = useStyles();
  const record = useRecordApplication();
  const attempt = useRef(crypto.randomUUID());
  const [v, setV] = useState({
    candidateName: '',
    candidateEmail: '',
    schoolName: '',
    programme: '',
    motivation: '',
    assignmentId: '',
    periodStart: '',
    periodEnd: '',
    receivedOn: new Date().toISOString().slice(0, 10),
  });
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }));
  const err = (p: string) => fieldError(record.error, p);

  function submit(e: FormEvent) {
    e.preventDefault();
    const input: ApplicationInput = {
      candidateName: v.candidateName,
      candidateEmail: v.candidateEmail,
      receivedOn: v.receivedOn,
    };
    for (const k of [
      'schoolName',
      'programme',
      'motivation',
      'assignmentId',
      'periodStart',
      'periodEnd',
    ] as const)
      if (v[k].trim()) input[k] = v[k];
    record.mutate({ input, attempt: attempt.current }, { onSuccess: () => onDone(true) });
  }
  const input = (k: keyof typeof v, type = 'text', required = false) => (
    <Field label={t(k)} required={required} validationMessage={err(k)}>
      <Input type={type as 'text'} value={v[k]} onChange={(_, d) => set(k)(d.value)} />
    </Field>
  );
  const others = otherErrors(record.error, SHOWN);
  return (
    <section aria-labelledby="record-title">
      <Text as="h3" id="record-title" size={400} weight="semibold">
        {t('recordTitle')}
      </Text>
      <form className={styles.form} onSubmit={submit} aria-labelledby="record-title">
        <div className={styles.row}>
          {input('candidateName', 'text', true)}
          {input('candidateEmail', 'email', true)}
        </div>
        <div className={styles.row}>
          {input('schoolName')}
          {input('programme')}
        </div>
        <Field label={t('assignment')} validationMessage={err('assignmentId')}>
          <Select value={v.assignmentId} onChange={(_, d) => set('assignmentId')(d.value)}>
            <option value="">{t('noAssignment')}</option>
            {assignments.map((a) => (
              <option key={a.key} value={a.key}>
                {`${a.title} (${a.serviceName})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('motivation')} validationMessage={err('motivation')}>
          <Textarea value={v.motivation} onChange={(_, d) => set('motivation')(d.value)} />
        </Field>
        <div className={styles.row}>
          {input('periodStart', 'date')}
          {input('periodEnd', 'date')}
        </div>
        {input('receivedOn', 'date', true)}
        {others.length > 0 && (
          <MessageBar intent="error">
            <MessageBarBody>{others.join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" disabled={record.isPending}>
            {t('save')}
          </Button>
          <Button onClick={() => onDone(false)}>{t('cancel')}</Button>
        </div>
      </form>
    </section>
  );
}

export function ApplicationTable({ items, locale }: { items: ApplicationView[]; locale: Locale }) {
  const { t } = useTranslation('applications');
  if (items.length === 0) return <Text as="p">{t('empty')}</Text>;
  return (
    <Table aria-labelledby="applications-title">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('colCandidate')}</TableHeaderCell>
          <TableHeaderCell>{t('colReceived')}</TableHeaderCell>
          <TableHeaderCell>{t('colStatus')}</TableHeaderCell>
          <TableHeaderCell>{t('colAssignment')}</TableHeaderCell>
          <TableHeaderCell>{t('colInterview')}</TableHeaderCell>
          <TableHeaderCell>{t('colInternship')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              <AppLink to={`/applications/${encodeURIComponent(a.id)}`}>{a.candidateName}</AppLink>
            </TableCell>
            <TableCell>{formatDate(a.receivedAt.slice(0, 10), locale)}</TableCell>
            <TableCell>
              <Badge appearance="tint" color="informative">
                {t(`status.${a.status}`)}
              </Badge>
            </TableCell>
            <TableCell>{a.assignment?.title ?? '—'}</TableCell>
            <TableCell>
              {a.interviewAt
                ? t('held', { date: formatDate(a.interviewAt.slice(0, 10), locale) })
                : t('notYet')}
            </TableCell>
            <TableCell>
              {a.internship ? (
                <AppLink to={`/internships/${encodeURIComponent(a.internship.id)}`}>{t('open')}</AppLink>
              ) : (
                '—'
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

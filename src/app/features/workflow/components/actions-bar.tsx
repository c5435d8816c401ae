import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  List,
  ListItem,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import { STOPPED_BY, type StoppedBy } from '../../../../domain/internship';
import { isTerminal, PHASE_NAMES, STOPPED_BY_NAMES } from '../../../../domain/phases';
import { QUESTIONNAIRES, SCALE5_ANCHORS, type Question } from '../../../../domain/questionnaires';
import type { InternshipView } from '../../../../domain/views';
import type { DecisionResultView, PersonOptionView } from '../../../../domain/views-workflow';
import { useInternshipWrite, usePeople, type InternshipWrite } from '../api/use-workflow';
import { ApiErrorBar, fieldError } from './api-error-bar';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type DialogKind = 'interview' | 'decision' | 'stop' | 'close';

/** The workflow's buttons for this caller and phase, each step with its dialog (container). */
export function ActionsBar({ internship: i, locale }: { internship: InternshipView; locale: Locale }) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const write = useInternshipWrite(i.id);
  const [open, setOpen] = useState<DialogKind>();
  const [notice, setNotice] = useState<ReactNode>();
  const can = (a: InternshipView['allowed'][number]) => i.allowed.includes(a);
  const people = usePeople(can('internship.decide'));
  const reasonsId = useId();
  if (isTerminal(i.phase)) return null;

  const next = i.gate?.next;
  const showAdvance = can('internship.advance') && next && next !== 'closed';
  const showInterview = can('internship.update') && (i.phase === 'preparation' || i.phase === 'decision');
  const showDecision = can('internship.decide') && i.phase === 'decision' && !i.decision;
  const showClose = can('internship.close') && i.phase === 'evaluation';
  const showStop = can('internship.stop');
  if (!showAdvance && !showInterview && !showDecision && !showClose && !showStop) return null;

  const submit = (w: Omit<InternshipWrite, 'etag'>, after?: (r: unknown) => void) =>
    write.mutate(
      { ...w, etag: i.etag },
      {
        onSuccess: (r) => {
          setOpen(undefined);
          after?.(r);
        },
      },
    );
  const openDialog = (d: DialogKind) => {
    write.reset();
    setNotice(undefined);
    setOpen(d);
  };

  return (
    <Card className={styles.card}>
      <Text as="h2" size={500} weight="semibold">
        {t('actionsTitle')}
      </Text>
      {showAdvance && next && i.gate && (
        <div id={reasonsId}>
          {i.gate.ok ? (
            <Text as="p">{t('gateReady')}</Text>
          ) : (
            <>
              <Text as="p">{t('gateBlocked')}</Text>
              <List>
                {i.gate.reasons.map((r) => (
                  <ListItem key={r.code}>{r.message}</ListItem>
                ))}
              </List>
            </>
          )}
        </div>
      )}
      <div className={styles.bar}>
        {showAdvance && next && (
          <Button
            appearance="primary"
            // Focusable while blocked, so the reasons it points to are reachable by keyboard and read out.
            disabledFocusable={!i.gate?.ok || write.isPending}
            aria-describedby={reasonsId}
            onClick={() => {
              setNotice(undefined);
              submit({ method: 'POST', path: '/advance', body: {} });
            }}
          >
            {t('advanceTo', { phase: PHASE_NAMES[next][locale] })}
          </Button>
        )}
        {showInterview && <Button onClick={() => openDialog('interview')}>{t('interview')}</Button>}
        {showDecision && <Button onClick={() => openDialog('decision')}>{t('decide')}</Button>}
        {showClose && <Button onClick={() => openDialog('close')}>{t('close')}</Button>}
        {showStop && <Button onClick={() => openDialog('stop')}>{t('stop')}</Button>}
      </div>
      {!open && write.error && <ApiErrorBar error={write.error} />}
      {notice}
      {open === 'interview' && (
        <InterviewDialog
          locale={locale}
          busy={write.isPending}
          error={write.error}
          onCancel={() => setOpen(undefined)}
          onSubmit={(body) => submit({ method: 'POST', path: '/interview', body })}
        />
      )}
      {open === 'decision' && (
        <DecisionDialog
          internship={i}
          people={people.data ?? []}
          busy={write.isPending}
          error={write.error}
          onCancel={() => setOpen(undefined)}
          onSubmit={(body) =>
            submit({ method: 'POST', path: '/decision', body }, (r) => {
              const d = r as DecisionResultView;
              setNotice(
                <MessageBar intent={d.mailSent ? 'success' : 'warning'} layout="multiline">
                  <MessageBarBody>
                    {d.internship.decision === 'accepted'
                      ? t('decisionDone', {
                          folder: d.folder?.name ?? '',
                          items: d.checklistItems,
                          moments: d.moments,
                        })
                      : t('saved')}{' '}
                    {!d.mailSent && t('mailNotSent')}
                  </MessageBarBody>
                </MessageBar>,
              );
            })
          }
        />
      )}
      {open === 'stop' && (
        <StopDialog
          locale={locale}
          busy={write.isPending}
          error={write.error}
          onCancel={() => setOpen(undefined)}
          onSubmit={(body) => submit({ method: 'POST', path: '/stop', body })}
        />
      )}
      {open === 'close' && (
        <CloseDialog
          internship={i}
          busy={write.isPending}
          error={write.error}
          onCancel={() => setOpen(undefined)}
          onSubmit={(body) => submit({ method: 'POST', path: '/close', body })}
        />
      )}
    </Card>
  );
}

/** A modal form: title, fields, the API's error, cancel and confirm. */
function FormDialog({
  title,
  confirm,
  busy,
  error,
  onCancel,
  onSubmit,
  children,
}: {
  title: string;
  confirm: string;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {children}
              {error !== null && error !== undefined && <ApiErrorBar error={error} />}
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={onCancel}>
                {t('cancel')}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function DecisionDialog({
  internship: i,
  people,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  internship: InternshipView;
  people: PersonOptionView[];
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(body: Record<string, unknown>): void;
}) {
  const { t } = useTranslation('workflow');
  const [decision, setDecision] = useState<'accepted' | 'refused'>('accepted');
  const [mentorId, setMentorId] = useState(i.mentor?.id ?? '');
  const [backupId, setBackupId] = useState(i.backup?.id ?? '');
  const [note, setNote] = useState('');
  const choices = (current?: { id: string; name: string }) =>
    current && !people.some((p) => p.id === current.id) ? [current, ...people] : people;
  return (
    <FormDialog
      title={t('decisionTitle')}
      confirm={t('confirmDecision')}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onSubmit={() =>
        onSubmit({
          decision,
          ...(mentorId ? { mentorId } : {}),
          ...(backupId ? { backupId } : {}),
          ...(note.trim() ? { note } : {}),
        })
      }
    >
      <Text as="p">{t('decisionHint')}</Text>
      <Field label={t('decisionField')} validationMessage={fieldError(error, 'decision')}>
        <RadioGroup value={decision} onChange={(_, d) => setDecision(d.value as 'accepted' | 'refused')}>
          <Radio value="accepted" label={t('accepted')} />
          <Radio value="refused" label={t('refused')} />
        </RadioGroup>
      </Field>
      <Field label={t('mentor')} validationMessage={fieldError(error, 'mentorId')}>
        <Select value={mentorId} onChange={(_, d) => setMentorId(d.value)}>
          <option value="">{t('notNamed')}</option>
          {choices(i.mentor).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('backup')} validationMessage={fieldError(error, 'backupId')}>
        <Select value={backupId} onChange={(_, d) => setBackupId(d.value)}>
          <option value="">{t('notNamed')}</option>
          {choices(i.backup).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('note')} validationMessage={fieldError(error, 'note')}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
    </FormDialog>
  );
}

function StopDialog({
  locale,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  locale: Locale;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(body: Record<string, unknown>): void;
}) {
  const { t } = useTranslation('workflow');
  const [by, setBy] = useState<StoppedBy | ''>('');
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('stopTitle')}
      confirm={t('confirmStop')}
      busy={busy}
      error={error}
      onCancel={onCancel}
      // Sent as typed: the API says what is missing, in the user's language, field by field.
      onSubmit={() => onSubmit({ ...(by ? { stoppedBy: by } : {}), reason })}
    >
      <Field label={t('stoppedBy')} required validationMessage={fieldError(error, 'stoppedBy')}>
        <RadioGroup value={by} onChange={(_, d) => setBy(d.value as StoppedBy)}>
          {STOPPED_BY.map((s) => (
            <Radio key={s} value={s} label={STOPPED_BY_NAMES[s][locale]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('stopReason')} required validationMessage={fieldError(error, 'reason')}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
}

function CloseDialog({
  internship: i,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  internship: InternshipView;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(body: Record<string, unknown>): void;
}) {
  const { t } = useTranslation('workflow');
  const [reason, setReason] = useState('');
  const missing = i.gate && !i.gate.ok ? i.gate.reasons : [];
  return (
    <FormDialog
      title={t('closeTitle')}
      confirm={t('confirmClose')}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onSubmit={() => onSubmit(reason.trim() ? { waiverReason: reason } : {})}
    >
      {missing.length > 0 && (
        <>
          <Text as="p">{t('waiverHint')}</Text>
          <List>
            {missing.map((r) => (
              <ListItem key={r.code}>{r.message}</ListItem>
            ))}
          </List>
          <Field label={t('waiverReason')} validationMessage={fieldError(error, 'waiverReason')}>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

/** "YYYY-MM-DDTHH:mm" in the user's own clock, as a datetime-local input wants it. */
const localNow = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

/** The intake interview with the toolbox's question set (B3), rendered from the domain's questionnaire. */
function InterviewDialog({
  locale,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  locale: Locale;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(body: Record<string, unknown>): void;
}) {
  const { t } = useTranslation('workflow');
  const [at, setAt] = useState(localNow);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const set = (key: string) => (_: unknown, d: { value: string }) =>
    setAnswers({ ...answers, [key]: d.value });
  return (
    <FormDialog
      title={t('interviewTitle')}
      confirm={t('confirmInterview')}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onSubmit={() =>
        onSubmit({
          interviewAt: new Date(at).toISOString(),
          answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== '')),
        })
      }
    >
      <Field label={t('interviewAt')} required validationMessage={fieldError(error, 'interviewAt')}>
        <Input type="datetime-local" value={at} onChange={(_, d) => setAt(d.value)} />
      </Field>
      {QUESTIONNAIRES.intake.questions.map((q) => (
        <Field
          key={q.key}
          label={q.text[locale]}
          hint={q.help?.[locale]}
          required={q.required}
          validationMessage={fieldError(error, `answers.${q.key}`)}
        >
          <QuestionInput question={q} locale={locale} value={answers[q.key] ?? ''} onChange={set(q.key)} />
        </Field>
      ))}
    </FormDialog>
  );
}

function QuestionInput({
  question: q,
  locale,
  value,
  onChange,
}: {
  question: Question;
  locale: Locale;
  value: string;
  onChange(e: unknown, d: { value: string }): void;
}) {
  const { t } = useTranslation('workflow');
  switch (q.kind) {
    case 'yesNo':
      return (
        <Select value={value} onChange={onChange}>
          <option value="">{t('choose')}</option>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </Select>
      );
    case 'scale5':
      return (
        <Select value={value} onChange={onChange}>
          <option value="">{t('choose')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {n === 1
                ? `1 – ${SCALE5_ANCHORS.low[locale]}`
                : n === 5
                  ? `5 – ${SCALE5_ANCHORS.high[locale]}`
                  : n}
            </option>
          ))}
        </Select>
      );
    case 'choice':
    case 'trafficLight':
      return (
        <Select value={value} onChange={onChange}>
          <option value="">{t('choose')}</option>
          {(q.choices ?? []).map((c) => (
            <option key={c.key} value={c.key}>
              {c.text[locale]}
            </option>
          ))}
        </Select>
      );
    case 'date':
      return <Input type="date" value={value} onChange={onChange} />;
    case 'number':
      return <Input type="number" value={value} onChange={onChange} />;
    default:
      return <Textarea value={value} onChange={onChange} />;
  }
}

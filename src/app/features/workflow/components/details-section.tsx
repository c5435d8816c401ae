import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InternshipView } from '../../../../domain/views';
import type { PersonOptionView } from '../../../../domain/views-workflow';
import { ApiRequestError } from '../../../lib/api-client';
import { useInternshipWrite, usePeople, useRefreshInternship } from '../api/use-workflow';
import { ApiErrorBar, fieldError } from './api-error-bar';
import { ConflictPanel, type ConflictRow } from './conflict-panel';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Draft {
  topic: string;
  startDate: string;
  endDate: string;
  mentorId: string;
  backupId: string;
}

const draftOf = (i: InternshipView): Draft => ({
  topic: i.topic,
  startDate: i.startDate,
  endDate: i.endDate,
  mentorId: i.mentor?.id ?? '',
  backupId: i.backup?.id ?? '',
});

/** Only what the user changed is sent: a PATCH must not rewrite fields they did not touch. */
function changes(from: Draft, to: Draft): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const k of Object.keys(to) as (keyof Draft)[])
    if (to[k] !== from[k]) out[k] = (k === 'mentorId' || k === 'backupId') && to[k] === '' ? null : to[k];
  return out;
}

/** The internship's own fields, for the coordinator; a concurrent change is shown, never overwritten (container). */
export function DetailsSection({ internship }: { internship: InternshipView }) {
  const write = useInternshipWrite(internship.id);
  const refresh = useRefreshInternship(internship.id);
  const people = usePeople(true);
  const [conflict, setConflict] = useState<{
    mine: Draft;
    sent: Record<string, unknown>;
    current: InternshipView;
  }>();
  const [saved, setSaved] = useState(false);

  const save = (body: Record<string, unknown>, etag: string, mine: Draft) => {
    setSaved(false);
    write.mutate(
      { method: 'PATCH', path: '', body, etag },
      {
        onSuccess: () => {
          setConflict(undefined);
          setSaved(true);
        },
        onError: (e) => {
          if (e instanceof ApiRequestError && e.status === 409 && e.current)
            setConflict({ mine, sent: body, current: e.current as InternshipView });
        },
      },
    );
  };

  return (
    <DetailsCard
      // A new version read (saved, or taken from someone else) starts a fresh form.
      key={internship.etag}
      internship={internship}
      people={people.data ?? []}
      busy={write.isPending}
      error={write.error instanceof ApiRequestError && write.error.status === 409 ? undefined : write.error}
      saved={saved}
      conflict={conflict}
      onSave={(draft) => save(changes(draftOf(internship), draft), internship.etag, draft)}
      onKeepMine={() => conflict && save(conflict.sent, conflict.current.etag, conflict.mine)}
      onTakeTheirs={() => {
        setConflict(undefined);
        write.reset();
        void refresh();
      }}
    />
  );
}

function DetailsCard({
  internship: i,
  people,
  busy,
  error,
  saved,
  conflict,
  onSave,
  onKeepMine,
  onTakeTheirs,
}: {
  internship: InternshipView;
  people: PersonOptionView[];
  busy: boolean;
  error: unknown;
  saved: boolean;
  conflict?: { mine: Draft; current: InternshipView };
  onSave(d: Draft): void;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(i));
  const set = (k: keyof Draft) => (_: unknown, d: { value: string }) => setDraft({ ...draft, [k]: d.value });
  const nameOf = (id: string, fallback?: string) =>
    people.find((p) => p.id === id)?.name ?? fallback ?? (id ? id : '');
  // The people list may not contain someone already named (e.g. a former employee): keep them choosable.
  const options = (current?: { id: string; name: string }) =>
    current && !people.some((p) => p.id === current.id) ? [current, ...people] : people;
  const rows = (mine: Draft, c: InternshipView): ConflictRow[] => [
    { label: t('topic'), mine: mine.topic, theirs: c.topic },
    { label: t('startDate'), mine: mine.startDate, theirs: c.startDate },
    { label: t('endDate'), mine: mine.endDate, theirs: c.endDate },
    { label: t('mentor'), mine: nameOf(mine.mentorId, i.mentor?.name), theirs: c.mentor?.name ?? '' },
    { label: t('backup'), mine: nameOf(mine.backupId, i.backup?.name), theirs: c.backup?.name ?? '' },
  ];
  return (
    <Card className={styles.card}>
      <Text as="h2" size={500} weight="semibold">
        {t('detailsTitle')}
      </Text>
      {conflict && (
        <ConflictPanel
          rows={rows(conflict.mine, conflict.current)}
          busy={busy}
          onKeepMine={onKeepMine}
          onTakeTheirs={onTakeTheirs}
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(draft);
        }}
      >
        <div className={styles.grid}>
          <Field label={t('topic')} validationMessage={fieldError(error, 'topic')}>
            <Input value={draft.topic} onChange={set('topic')} />
          </Field>
          <Field label={t('startDate')} validationMessage={fieldError(error, 'startDate')}>
            <Input type="date" value={draft.startDate} onChange={set('startDate')} />
          </Field>
          <Field label={t('endDate')} validationMessage={fieldError(error, 'endDate')}>
            <Input type="date" value={draft.endDate} onChange={set('endDate')} />
          </Field>
          <Field label={t('mentor')} validationMessage={fieldError(error, 'mentorId')}>
            <Select value={draft.mentorId} onChange={set('mentorId')}>
              <option value="">{t('notNamed')}</option>
              {options(i.mentor).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('backup')} validationMessage={fieldError(error, 'backupId')}>
            <Select value={draft.backupId} onChange={set('backupId')}>
              <option value="">{t('notNamed')}</option>
              {options(i.backup).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy || conflict !== undefined}>
            {t('saveChanges')}
          </Button>
        </div>
      </form>
      {error !== undefined && error !== null && <ApiErrorBar error={error} />}
      {saved && !conflict && (
        <MessageBar intent="success">
          <MessageBarBody>{t('saved')}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}

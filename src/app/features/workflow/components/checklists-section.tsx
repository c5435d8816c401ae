import {
  Badge,
  Button,
  Card,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import type { InternshipView, PersonView } from '../../../../domain/views';
import type { ChecklistItemView, ChecklistsView } from '../../../../domain/views-workflow';
import { formatDate } from '../../../components/format';
import { QueryState } from '../../../components/query-state';
import { ApiRequestError } from '../../../lib/api-client';
import { useChecklistChange, useChecklists, type ChecklistChange } from '../api/use-workflow';
import { ApiErrorBar, fieldError } from './api-error-bar';
import { ConflictPanel } from './conflict-panel';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  meta: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Conflict {
  change: ChecklistChange;
  current: ChecklistItemView;
}

/** The internship's checklists (container): tick, assign, due date, comment, hide; conflicts shown per item. */
export function ChecklistsSection({ internship, locale }: { internship: InternshipView; locale: Locale }) {
  const query = useChecklists(internship.id);
  const change = useChecklistChange(internship.id);
  const [conflict, setConflict] = useState<Conflict>();
  const send = (c: ChecklistChange, after?: () => void) =>
    change.mutate(c, {
      onSuccess: () => {
        setConflict(undefined);
        after?.();
      },
      onError: (e) => {
        if (e instanceof ApiRequestError && e.status === 409 && e.current)
          setConflict({ change: c, current: e.current as ChecklistItemView });
      },
    });
  // Who an item can be given to: the people of this internship (everyone who works on it).
  const people = [internship.coordinator, internship.mentor, internship.backup, internship.intern].filter(
    (p): p is PersonView => !!p && p.id !== '',
  );
  return (
    <QueryState query={query}>
      {(data) => (
        <Checklists
          data={data}
          locale={locale}
          people={people}
          busy={change.isPending}
          error={
            change.error instanceof ApiRequestError && change.error.status === 409 ? undefined : change.error
          }
          conflict={conflict}
          onChange={send}
          onTakeTheirs={() => {
            setConflict(undefined);
            change.reset();
            void query.refetch();
          }}
        />
      )}
    </QueryState>
  );
}

function Checklists({
  data,
  locale,
  people,
  busy,
  error,
  conflict,
  onChange,
  onTakeTheirs,
}: {
  data: ChecklistsView;
  locale: Locale;
  people: PersonView[];
  busy: boolean;
  error: unknown;
  conflict?: Conflict;
  onChange(c: ChecklistChange, after?: () => void): void;
  onTakeTheirs(): void;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const [editing, setEditing] = useState<ChecklistItemView>();
  if (data.checklists.length === 0) return null;
  const describe = (i: ChecklistItemView) =>
    [
      i.dueDate && `${t('due')}: ${formatDate(i.dueDate, locale)}`,
      i.assignee && `${t('assignedTo')}: ${i.assignee.name}`,
      i.done &&
        i.doneBy &&
        i.doneAt &&
        t('doneBy', { name: i.doneBy.name, date: formatDate(i.doneAt.slice(0, 10), locale) }),
      i.note && `${t('comment')}: ${i.note}`,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Card className={styles.card}>
      <Text as="h2" size={500} weight="semibold">
        {t('checklistsTitle')}
      </Text>
      {error !== undefined && error !== null && !editing && <ApiErrorBar error={error} />}
      {data.checklists.map((list) => (
        <section key={list.kind} aria-labelledby={`checklist-${list.kind}`}>
          <div className={styles.heading}>
            <Text as="h3" size={400} weight="semibold" id={`checklist-${list.kind}`}>
              {t(`kind_${list.kind}`)}
            </Text>
            <Badge appearance="tint" color={list.open === 0 ? 'success' : 'warning'}>
              {t('openCount', { count: list.open })}
            </Badge>
          </div>
          <ul className={styles.list}>
            {list.items.map((i) => (
              <li key={i.key} className={styles.item}>
                <div className={styles.row}>
                  <Checkbox
                    checked={i.done}
                    disabled={!data.canWrite || busy}
                    label={i.text}
                    onChange={(_, d) =>
                      onChange({ itemKey: i.itemKey, etag: i.etag, done: d.checked === true })
                    }
                  />
                  {i.optional && <Badge appearance="outline">{t('optional')}</Badge>}
                  {i.hidden && <Badge appearance="outline">{t('hiddenItem')}</Badge>}
                  {data.canWrite && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={t('editItem', { item: i.text })}
                      onClick={() => setEditing(i)}
                    >
                      {t('edit')}
                    </Button>
                  )}
                </div>
                {describe(i) && <Text className={styles.meta}>{describe(i)}</Text>}
                {conflict?.current.key === i.key && (
                  <ConflictPanel
                    busy={busy}
                    rows={conflictRows(conflict, t, locale, people)}
                    onKeepMine={() => onChange({ ...conflict.change, etag: conflict.current.etag })}
                    onTakeTheirs={onTakeTheirs}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {editing && (
        <ItemDialog
          item={editing}
          people={people}
          canHide={data.canHide}
          busy={busy}
          error={error}
          onCancel={() => setEditing(undefined)}
          onSave={(c) => onChange(c, () => setEditing(undefined))}
        />
      )}
    </Card>
  );
}

function conflictRows(c: Conflict, t: (k: string) => string, locale: Locale, people: PersonView[]) {
  const mine = c.change;
  const cur = c.current;
  const yesNo = (b: boolean | undefined) => (b ? t('yes') : t('no'));
  const rows = [];
  if (mine.done !== undefined)
    rows.push({ label: t('status_done'), mine: yesNo(mine.done), theirs: yesNo(cur.done) });
  if (mine.assigneeId !== undefined)
    rows.push({
      label: t('assignedTo'),
      mine: people.find((p) => p.id === mine.assigneeId)?.name ?? '',
      theirs: cur.assignee?.name ?? '',
    });
  if (mine.dueDate !== undefined)
    rows.push({
      label: t('due'),
      mine: mine.dueDate ? formatDate(mine.dueDate, locale) : '',
      theirs: cur.dueDate ? formatDate(cur.dueDate, locale) : '',
    });
  if (mine.comment !== undefined)
    rows.push({ label: t('comment'), mine: mine.comment, theirs: cur.note ?? '' });
  if (mine.hidden !== undefined)
    rows.push({ label: t('hiddenItem'), mine: yesNo(mine.hidden), theirs: yesNo(cur.hidden) });
  return rows;
}

function ItemDialog({
  item,
  people,
  canHide,
  busy,
  error,
  onCancel,
  onSave,
}: {
  item: ChecklistItemView;
  people: PersonView[];
  canHide: boolean;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onSave(c: ChecklistChange): void;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const [assignee, setAssignee] = useState(item.assignee?.id ?? '');
  const [due, setDue] = useState(item.dueDate ?? '');
  const [comment, setComment] = useState(item.note ?? '');
  const [hidden, setHidden] = useState(item.hidden);
  const options =
    item.assignee && !people.some((p) => p.id === item.assignee!.id) ? [item.assignee, ...people] : people;
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const c: ChecklistChange = { itemKey: item.itemKey, etag: item.etag };
            if (assignee !== (item.assignee?.id ?? '')) c.assigneeId = assignee || null;
            if (due !== (item.dueDate ?? '')) c.dueDate = due || null;
            if (comment !== (item.note ?? '')) c.comment = comment;
            if (hidden !== item.hidden) c.hidden = hidden;
            onSave(c);
          }}
        >
          <DialogBody>
            <DialogTitle>{item.text}</DialogTitle>
            <DialogContent className={styles.form}>
              {item.hint && <Text as="p">{item.hint}</Text>}
              <Field label={t('assignedTo')} validationMessage={fieldError(error, 'assigneeId')}>
                <Select value={assignee} onChange={(_, d) => setAssignee(d.value)}>
                  <option value="">{t('nobody')}</option>
                  {options.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('due')} validationMessage={fieldError(error, 'dueDate')}>
                <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
              </Field>
              <Field label={t('comment')} validationMessage={fieldError(error, 'comment')}>
                <Textarea value={comment} onChange={(_, d) => setComment(d.value)} />
              </Field>
              {canHide && (
                <Checkbox
                  // For a hidden item the box reads "show again": ticked means not hidden.
                  checked={item.hidden ? !hidden : hidden}
                  label={item.hidden ? t('unhide') : t('hide')}
                  onChange={(_, d) => setHidden(item.hidden ? d.checked !== true : d.checked === true)}
                />
              )}
              {error !== undefined && error !== null && <ApiErrorBar error={error} />}
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={onCancel}>
                {t('cancel')}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

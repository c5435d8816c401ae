import {
  Button,
  Card,
  Field,
  Input,
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
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import { emptyPlan, type InternshipPlan, type Milestone, type ProjectBrief } from '../../../../domain/plan';
import type { InternshipView } from '../../../../domain/views';
import { formatDate } from '../../../components/format';
import { ApiRequestError } from '../../../lib/api-client';
import { useInternshipWrite, useRefreshInternship, type InternshipWrite } from '../api/use-workflow';
import { ApiErrorBar, fieldError } from './api-error-bar';
import { ConfirmRemove } from './confirm-remove';
import { ConflictPanel } from './conflict-panel';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  projects: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** A change to the plan, computed from the version it applies to (so "keep mine" can re-apply it on theirs). */
type PlanChange = (base: InternshipView) => Omit<InternshipWrite, 'etag'>;

const newKey = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The plan as the PUT takes it: projects, milestones and roles (the training record is appended separately). */
const planBody = (p: InternshipPlan) => {
  const { trainingRecord: _kept, ...rest } = p;
  return rest;
};

const planPut = (p: InternshipPlan): Omit<InternshipWrite, 'etag'> => ({
  method: 'PUT',
  path: '/plan',
  body: planBody(p),
});

const MILESTONE_STATUSES: readonly Milestone['status'][] = ['open', 'inProgress', 'done'];

/** The internship plan: projects as briefs, milestones with SMART criteria, the training record (container). */
export function PlanSection({ internship, locale }: { internship: InternshipView; locale: Locale }) {
  const write = useInternshipWrite(internship.id);
  const refresh = useRefreshInternship(internship.id);
  const [conflict, setConflict] = useState<{ change: PlanChange; current: InternshipView }>();
  const apply = (change: PlanChange, base: InternshipView, after?: () => void) =>
    write.mutate(
      { ...change(base), etag: base.etag },
      {
        onSuccess: () => {
          setConflict(undefined);
          after?.();
        },
        onError: (e) => {
          if (e instanceof ApiRequestError && e.status === 409 && e.current)
            setConflict({ change, current: e.current as InternshipView });
        },
      },
    );
  return (
    <PlanCard
      internship={internship}
      locale={locale}
      canWrite={internship.allowed.includes('plan.write')}
      busy={write.isPending}
      error={write.error instanceof ApiRequestError && write.error.status === 409 ? undefined : write.error}
      conflict={conflict}
      onChange={(change, after) => apply(change, internship, after)}
      onKeepMine={() => conflict && apply(conflict.change, conflict.current)}
      onTakeTheirs={() => {
        setConflict(undefined);
        write.reset();
        void refresh();
      }}
    />
  );
}

function PlanCard({
  internship: i,
  locale,
  canWrite,
  busy,
  error,
  conflict,
  onChange,
  onKeepMine,
  onTakeTheirs,
}: {
  internship: InternshipView;
  locale: Locale;
  canWrite: boolean;
  busy: boolean;
  error: unknown;
  conflict?: { change: PlanChange; current: InternshipView };
  onChange(change: PlanChange, after?: () => void): void;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const plan = i.plan ?? emptyPlan();
  const projectTitle = (key?: string) => plan.projects.find((p) => p.key === key)?.title ?? '';
  const milestoneTitle = (key?: string) => plan.milestones.find((m) => m.key === key)?.title ?? '';
  const summary = (p: InternshipPlan | undefined) =>
    [
      ...(p?.projects ?? []).map((x) => x.title),
      ...(p?.milestones ?? []).map((x) => x.title),
      ...(p?.trainingRecord ?? []).map((x) => `${x.date}: ${x.note}`),
    ].join('; ');
  const mineSummary = (body: unknown) => {
    const b = body as InternshipPlan & { date?: string; note?: string };
    // A training record entry is sent alone; a plan change is sent whole.
    return b.note && b.date ? `${b.date}: ${b.note}` : summary(b);
  };
  return (
    <Card className={styles.card}>
      <Text as="h2" size={500} weight="semibold">
        {t('planTitle')}
      </Text>
      {conflict && (
        <ConflictPanel
          busy={busy}
          rows={[
            {
              label: t('planTitle'),
              mine: mineSummary(conflict.change(i).body),
              theirs: summary(conflict.current.plan),
            },
          ]}
          onKeepMine={onKeepMine}
          onTakeTheirs={onTakeTheirs}
        />
      )}
      {error !== undefined && error !== null && <ApiErrorBar error={error} />}

      <Text as="h3" size={400} weight="semibold">
        {t('projects')}
      </Text>
      {plan.projects.length === 0 ? (
        <Text as="p">{t('noProjects')}</Text>
      ) : (
        <ul className={styles.projects}>
          {plan.projects.map((p) => (
            <li key={p.key}>
              <Text weight="semibold">{p.title}</Text>
              {p.deadline && ` (${t('deadline')}: ${formatDate(p.deadline, locale)})`}
              <Text as="p">{p.description}</Text>
              {p.context && <Text as="p">{`${t('context')}: ${p.context}`}</Text>}
              {p.contacts && <Text as="p">{`${t('contacts')}: ${p.contacts}`}</Text>}
              {p.qualityCriteria && <Text as="p">{`${t('qualityCriteria')}: ${p.qualityCriteria}`}</Text>}
              {canWrite && (
                <ConfirmRemove
                  what={p.title}
                  disabled={busy}
                  onConfirm={() =>
                    onChange((base) => {
                      const now = base.plan ?? emptyPlan();
                      // Its milestones stay, no longer tied to a project.
                      return planPut({
                        ...now,
                        projects: now.projects.filter((x) => x.key !== p.key),
                        milestones: now.milestones.map(({ projectKey, ...m }) =>
                          projectKey === p.key ? m : { ...m, ...(projectKey ? { projectKey } : {}) },
                        ),
                      });
                    })
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <ProjectForm
          busy={busy}
          error={error}
          onAdd={(project, done) =>
            onChange((base) => {
              const p = base.plan ?? emptyPlan();
              return {
                method: 'PUT',
                path: '/plan',
                body: planBody({ ...p, projects: [...p.projects, project] }),
              };
            }, done)
          }
        />
      )}

      <Text as="h3" size={400} weight="semibold" id="milestones-title">
        {t('milestones')}
      </Text>
      {plan.milestones.length === 0 ? (
        <Text as="p">{t('noMilestones')}</Text>
      ) : (
        <Table size="small" aria-labelledby="milestones-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('milestoneTitle')}</TableHeaderCell>
              <TableHeaderCell>{t('smart')}</TableHeaderCell>
              <TableHeaderCell>{t('dueDate')}</TableHeaderCell>
              <TableHeaderCell>{t('project')}</TableHeaderCell>
              <TableHeaderCell>{t('milestoneStatus')}</TableHeaderCell>
              {canWrite && <TableHeaderCell>{t('planActions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.milestones.map((m) => (
              <TableRow key={m.key}>
                <TableCell>{m.title}</TableCell>
                <TableCell>{m.smartCriteria}</TableCell>
                <TableCell>{m.dueDate ? formatDate(m.dueDate, locale) : ''}</TableCell>
                <TableCell>{projectTitle(m.projectKey)}</TableCell>
                <TableCell>
                  {canWrite ? (
                    <Select
                      size="small"
                      aria-label={`${t('milestoneStatus')}: ${m.title}`}
                      value={m.status}
                      disabled={busy}
                      onChange={(_, d) =>
                        onChange((base) => {
                          const now = base.plan ?? emptyPlan();
                          return planPut({
                            ...now,
                            milestones: now.milestones.map((x) =>
                              x.key === m.key ? { ...x, status: d.value as Milestone['status'] } : x,
                            ),
                          });
                        })
                      }
                    >
                      {MILESTONE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`status_${s}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    t(`status_${m.status}`)
                  )}
                </TableCell>
                {canWrite && (
                  <TableCell>
                    <ConfirmRemove
                      what={m.title}
                      disabled={busy}
                      onConfirm={() =>
                        onChange((base) => {
                          const now = base.plan ?? emptyPlan();
                          return planPut({
                            ...now,
                            milestones: now.milestones.filter((x) => x.key !== m.key),
                          });
                        })
                      }
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canWrite && (
        <MilestoneForm
          projects={plan.projects}
          busy={busy}
          onAdd={(milestone, done) =>
            onChange((base) => {
              const p = base.plan ?? emptyPlan();
              return {
                method: 'PUT',
                path: '/plan',
                body: planBody({ ...p, milestones: [...p.milestones, milestone] }),
              };
            }, done)
          }
        />
      )}

      <Text as="h3" size={400} weight="semibold">
        {t('trainingRecord')}
      </Text>
      {plan.trainingRecord.length === 0 ? (
        <Text as="p">{t('noEntries')}</Text>
      ) : (
        <ul className={styles.projects}>
          {plan.trainingRecord.map((e) => (
            <li key={e.key}>
              {formatDate(e.date, locale)}
              {e.milestoneKey ? ` – ${milestoneTitle(e.milestoneKey)}` : ''}: {e.note}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <EntryForm
          milestones={plan.milestones}
          busy={busy}
          error={error}
          onAdd={(entry, done) =>
            onChange(() => ({ method: 'POST', path: '/plan/training-record', body: entry }), done)
          }
        />
      )}
    </Card>
  );
}

const submitting = (f: () => void) => (e: FormEvent) => {
  e.preventDefault();
  f();
};

function ProjectForm({
  busy,
  error,
  onAdd,
}: {
  busy: boolean;
  error: unknown;
  onAdd(p: ProjectBrief, done: () => void): void;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const empty = { title: '', description: '', context: '', contacts: '', qualityCriteria: '', deadline: '' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof empty) => (_: unknown, d: { value: string }) => setV({ ...v, [k]: d.value });
  const err = (k: string) => fieldError(error, `projects.${k}`);
  return (
    <form
      className={styles.form}
      aria-label={t('addProject')}
      onSubmit={submitting(() => {
        const p: ProjectBrief = { key: newKey('p'), title: v.title, description: v.description };
        if (v.context.trim()) p.context = v.context;
        if (v.contacts.trim()) p.contacts = v.contacts;
        if (v.qualityCriteria.trim()) p.qualityCriteria = v.qualityCriteria;
        if (v.deadline) p.deadline = v.deadline;
        onAdd(p, () => setV(empty));
      })}
    >
      <div className={styles.grid}>
        <Field label={t('projectTitle')} required validationMessage={err('title')}>
          <Input value={v.title} onChange={set('title')} />
        </Field>
        <Field label={t('deadline')}>
          <Input type="date" value={v.deadline} onChange={set('deadline')} />
        </Field>
      </div>
      <Field label={t('description')} required>
        <Textarea value={v.description} onChange={set('description')} />
      </Field>
      <div className={styles.grid}>
        <Field label={t('context')}>
          <Textarea value={v.context} onChange={set('context')} />
        </Field>
        <Field label={t('contacts')}>
          <Textarea value={v.contacts} onChange={set('contacts')} />
        </Field>
        <Field label={t('qualityCriteria')}>
          <Textarea value={v.qualityCriteria} onChange={set('qualityCriteria')} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button type="submit" disabled={busy}>
          {t('addProject')}
        </Button>
      </div>
    </form>
  );
}

function MilestoneForm({
  projects,
  busy,
  onAdd,
}: {
  projects: ProjectBrief[];
  busy: boolean;
  onAdd(m: Milestone, done: () => void): void;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const empty = { title: '', smartCriteria: '', dueDate: '', projectKey: '', status: 'open' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof empty) => (_: unknown, d: { value: string }) => setV({ ...v, [k]: d.value });
  return (
    <form
      className={styles.form}
      aria-label={t('addMilestone')}
      onSubmit={submitting(() => {
        const m: Milestone = {
          key: newKey('m'),
          title: v.title,
          smartCriteria: v.smartCriteria,
          status: v.status as Milestone['status'],
        };
        if (v.dueDate) m.dueDate = v.dueDate;
        if (v.projectKey) m.projectKey = v.projectKey;
        onAdd(m, () => setV(empty));
      })}
    >
      <div className={styles.grid}>
        <Field label={t('milestoneTitle')} required>
          <Input value={v.title} onChange={set('title')} />
        </Field>
        <Field label={t('dueDate')}>
          <Input type="date" value={v.dueDate} onChange={set('dueDate')} />
        </Field>
        <Field label={t('project')}>
          <Select value={v.projectKey} onChange={set('projectKey')}>
            <option value="">{t('noProject')}</option>
            {projects.map((p) => (
              <option key={p.key} value={p.key}>
                {p.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('milestoneStatus')}>
          <Select value={v.status} onChange={set('status')}>
            {(['open', 'inProgress', 'done'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('smart')} hint={t('smartHint')} required>
        <Textarea value={v.smartCriteria} onChange={set('smartCriteria')} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" disabled={busy}>
          {t('addMilestone')}
        </Button>
      </div>
    </form>
  );
}

function EntryForm({
  milestones,
  busy,
  error,
  onAdd,
}: {
  milestones: Milestone[];
  busy: boolean;
  error: unknown;
  onAdd(e: { date: string; note: string; milestoneKey?: string }, done: () => void): void;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const empty = { date: '', note: '', milestoneKey: '' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof empty) => (_: unknown, d: { value: string }) => setV({ ...v, [k]: d.value });
  return (
    <form
      className={styles.form}
      aria-label={t('addEntry')}
      onSubmit={submitting(() =>
        onAdd(
          { date: v.date, note: v.note, ...(v.milestoneKey ? { milestoneKey: v.milestoneKey } : {}) },
          () => setV(empty),
        ),
      )}
    >
      <div className={styles.grid}>
        <Field label={t('entryDate')} required validationMessage={fieldError(error, 'date')}>
          <Input type="date" value={v.date} onChange={set('date')} />
        </Field>
        <Field label={t('entryMilestone')} validationMessage={fieldError(error, 'milestoneKey')}>
          <Select value={v.milestoneKey} onChange={set('milestoneKey')}>
            <option value="">{t('noMilestone')}</option>
            {milestones.map((m) => (
              <option key={m.key} value={m.key}>
                {m.title}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('entryNote')} required validationMessage={fieldError(error, 'note')}>
        <Textarea value={v.note} onChange={set('note')} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" disabled={busy}>
          {t('addEntry')}
        </Button>
      </div>
    </form>
  );
}

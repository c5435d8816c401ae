import {
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_KINDS, type ChecklistKind } from '../../../../domain/checklists';
import { LOCALES, type Locale } from '../../../../domain/i18n';
import type { SettingsInput } from '../../../../domain/policy';
import type { ScheduleRules } from '../../../../domain/schedule';
import type { AnnouncementTeamView, SettingsView } from '../../../../domain/views-policy';
import { QueryState } from '../../../components/query-state';
import { ApiRequestError } from '../../../lib/api-client';
import { useSaveSettings, useSettings } from '../api/use-policy';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(20rem, 1fr))',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  custom: {
    display: 'grid',
    gridTemplateColumns: '2fr 1fr 1fr auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

const RULE_KEYS = [
  'prepareArrivalWorkdaysBefore',
  'week1CheckInWorkday',
  'wellbeingPulseWorkday',
  'followUpEveryWorkdays',
  'followUpMinGapWorkdays',
  'midTermFraction',
  'finalEvaluationLastWorkdays',
  'satisfactionWorkdaysAfterEnd',
  'resultsWorkdaysAfterEnd',
  'escalateToBackupAfterWorkdays',
  'digestAfterWorkdays',
  'sendTime',
  'timeZone',
] as const satisfies readonly (keyof ScheduleRules)[];
const TEXT_RULES = new Set<string>(['sendTime', 'timeZone']);

/** The team preselected in the form: the stored choice, else (never chosen) the only team, like the job. */
function initialTeam(view: SettingsView): string {
  if (view.announcementTeamId !== undefined) return view.announcementTeamId ?? '';
  const installed = view.announcementTeams.filter((t) => t.installed);
  return installed.length === 1 ? installed[0]!.teamId : '';
}

/** Schedule rules, checklist templates, retention and announcements: what coordinators change without code. */
export function SettingsPage() {
  const styles = useStyles();
  const { t } = useTranslation('policy');
  const query = useSettings();
  return (
    <section aria-labelledby="settings-title" className={styles.page}>
      <Text as="h2" id="settings-title" size={500} weight="semibold">
        {t('settings.title')}
      </Text>
      <Text as="p">{t('settings.intro')}</Text>
      <QueryState query={query}>{(v) => <SettingsForm view={v} />}</QueryState>
    </section>
  );
}

type Override = SettingsInput['checklistOverrides'][number];
type Custom = SettingsInput['customChecklistItems'][number];

function SettingsForm({ view }: { view: SettingsView }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('policy');
  const save = useSaveSettings();
  const [etag, setEtag] = useState(view.etag);
  // Rules are edited as text so an emptied field means "the default", not 0.
  const [rules, setRules] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(view.scheduleRules).map(([k, v]) => [k, String(v)])),
  );
  const [retention, setRetention] = useState(String(view.retentionMonths));
  const [announcements, setAnnouncements] = useState(view.announcements);
  const [teams, setTeams] = useState<AnnouncementTeamView[]>(view.announcementTeams);
  const [team, setTeam] = useState(() => initialTeam(view));
  // Untouched and never chosen: the choice stays "the only team" (not sent), so a team added later still counts.
  const [teamChosen, setTeamChosen] = useState(view.announcementTeamId !== undefined);
  const [overrides, setOverrides] = useState<Override[]>(view.checklistOverrides);
  const [customs, setCustoms] = useState<Custom[]>(view.customChecklistItems);
  const [kind, setKind] = useState<ChecklistKind>('logistics');
  const [lang, setLang] = useState<Locale>(i18n.language as Locale);
  const [status, setStatus] = useState<'saved' | 'conflict' | null>(null);

  const builtIn = useMemo(() => view.templates.filter((x) => !x.custom && x.kind === kind), [view, kind]);
  const override = (key: string) => overrides.find((o) => o.templateKey === key);
  const setOverride = (key: string, change: (o: Override) => Override) =>
    setOverrides((all) => {
      const next = change(all.find((o) => o.templateKey === key) ?? { templateKey: key });
      const empty = !next.hidden && !next.due && Object.values(next.text ?? {}).every((v) => !v);
      const rest = all.filter((o) => o.templateKey !== key);
      return empty ? rest : [...rest, next];
    });

  const fieldError = (path: string) =>
    save.error instanceof ApiRequestError
      ? save.error.fields.find((f) => f.path === path)?.message
      : undefined;

  const input = (): SettingsInput => ({
    scheduleRules: Object.fromEntries(
      Object.entries(rules)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, TEXT_RULES.has(k) ? v.trim() : Number(v.replace(',', '.'))]),
    ),
    checklistOverrides: overrides.map((o) =>
      o.text ? { ...o, text: Object.fromEntries(Object.entries(o.text).filter(([, v]) => v)) } : o,
    ),
    customChecklistItems: customs,
    retentionMonths: Number(retention),
    announcements,
    ...(teamChosen ? { announcementTeamId: team || null } : {}),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    save.mutate(
      { input: input(), etag },
      {
        onSuccess: (v) => {
          setEtag(v.etag);
          setStatus('saved');
        },
        onError: (err) => {
          if (err instanceof ApiRequestError && err.status === 409 && err.current) {
            const now = err.current as SettingsView;
            setEtag(now.etag);
            setRules(Object.fromEntries(Object.entries(now.scheduleRules).map(([k, v]) => [k, String(v)])));
            setRetention(String(now.retentionMonths));
            setAnnouncements(now.announcements);
            setTeams(now.announcementTeams);
            setTeam(initialTeam(now));
            setTeamChosen(now.announcementTeamId !== undefined);
            setOverrides(now.checklistOverrides);
            setCustoms(now.customChecklistItems);
            setStatus('conflict');
          }
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className={styles.page} aria-labelledby="settings-title">
      {status === 'conflict' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {status === 'saved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('saved')}</MessageBarBody>
        </MessageBar>
      )}
      {save.error && status !== 'conflict' && (
        <MessageBar intent="error">
          <MessageBarBody>{save.error.message}</MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <Text as="h3" weight="semibold">
          {t('settings.schedule')}
        </Text>
        <div className={styles.grid}>
          {RULE_KEYS.map((k) => (
            <Field
              key={k}
              label={t(`settings.rules.${k}`)}
              hint={t('settings.scheduleHint', { value: String(view.defaultScheduleRules[k]) })}
              validationMessage={fieldError(`scheduleRules.${k}`)}
            >
              <Input
                name={k}
                inputMode={TEXT_RULES.has(k) ? 'text' : 'decimal'}
                value={rules[k] ?? ''}
                onChange={(_, d) => setRules((r) => ({ ...r, [k]: d.value }))}
              />
            </Field>
          ))}
        </div>
      </Card>
      <Card>
        <div className={styles.row}>
          <Field label={t('settings.retentionMonths')} validationMessage={fieldError('retentionMonths')}>
            <Input
              type="number"
              min={1}
              max={120}
              value={retention}
              onChange={(_, d) => setRetention(d.value)}
            />
          </Field>
          <Switch
            checked={announcements}
            onChange={(_, d) => setAnnouncements(d.checked)}
            label={t('settings.announcements')}
          />
        </div>
        <Field
          label={t('settings.announcementTeam')}
          hint={teams.length ? t('settings.announcementTeamHint') : t('settings.announcementTeamEmpty')}
          validationMessage={fieldError('announcementTeamId')}
        >
          <Select
            name="announcementTeamId"
            value={team}
            onChange={(_, d) => {
              setTeam(d.value);
              setTeamChosen(true);
            }}
          >
            <option value="">{t('settings.announcementTeamNone')}</option>
            {teams.map((x) => {
              const label = `${x.teamName} — ${x.general ? t('settings.generalChannel') : (x.channelName ?? t('settings.otherChannel'))}`;
              return (
                <option key={x.teamId} value={x.teamId}>
                  {x.installed ? label : t('settings.announcementTeamRemoved', { team: label })}
                </option>
              );
            })}
          </Select>
        </Field>
      </Card>
      <Card>
        <Text as="h3" weight="semibold">
          {t('settings.checklists')}
        </Text>
        <Text as="p">{t('settings.checklistsIntro')}</Text>
        <div className={styles.row}>
          <Field label={t('settings.kind')}>
            <Select value={kind} onChange={(_, d) => setKind(d.value as ChecklistKind)}>
              {CHECKLIST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`settings.kinds.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('settings.language')}>
            <Select value={lang} onChange={(_, d) => setLang(d.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {l.toUpperCase()}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {builtIn.map((tpl) => {
          const o = override(tpl.key);
          return (
            <div key={tpl.key} className={styles.item} data-template={tpl.key}>
              <Field label={t('settings.itemText', { item: tpl.text[lang] })}>
                <Input
                  lang={lang}
                  value={o?.text?.[lang] ?? tpl.text[lang]}
                  onChange={(_, d) =>
                    setOverride(tpl.key, (x) => ({
                      ...x,
                      text: { ...x.text, [lang]: d.value === tpl.text[lang] ? '' : d.value },
                    }))
                  }
                />
              </Field>
              <Checkbox
                checked={Boolean(o?.hidden)}
                label={t('settings.hide', { item: tpl.text[lang] })}
                onChange={(_, d) =>
                  setOverride(tpl.key, (x) => ({ ...x, hidden: Boolean(d.checked) || undefined }))
                }
              />
            </div>
          );
        })}
        {customs
          .map((c, i) => [c, i] as const)
          .filter(([c]) => c.kind === kind)
          .map(([c, i]) => {
            const label = c.text[lang] || t('settings.newItem');
            const update = (next: Partial<Custom>) =>
              setCustoms((all) => all.map((x, j) => (j === i ? { ...x, ...next } : x)));
            return (
              <div key={c.key} className={styles.custom}>
                <Field
                  label={`${t('settings.custom')}: ${t('settings.itemText', { item: label })}`}
                  validationMessage={fieldError(`customChecklistItems.${i}.text`)}
                >
                  <Input
                    lang={lang}
                    value={c.text[lang] ?? ''}
                    onChange={(_, d) => update({ text: { ...c.text, [lang]: d.value } })}
                  />
                </Field>
                <Field label={t('settings.anchor')}>
                  <Select
                    value={c.due.anchor}
                    onChange={(_, d) =>
                      update({ due: { ...c.due, anchor: d.value as Custom['due']['anchor'] } })
                    }
                  >
                    {(['decision', 'start', 'end'] as const).map((a) => (
                      <option key={a} value={a}>
                        {t(`settings.anchors.${a}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('settings.workdays')}>
                  <Input
                    type="number"
                    value={String(c.due.workdays)}
                    onChange={(_, d) => update({ due: { ...c.due, workdays: Number(d.value) } })}
                  />
                </Field>
                <Button onClick={() => setCustoms((all) => all.filter((_, j) => j !== i))}>
                  {t('settings.removeItem', { item: label })}
                </Button>
              </div>
            );
          })}
        <div>
          <Button
            onClick={() =>
              setCustoms((all) => [
                ...all,
                {
                  key: `custom.${kind}.${Date.now().toString(36)}`,
                  kind,
                  text: {},
                  due: { anchor: 'start', workdays: 0 },
                },
              ])
            }
          >
            {t('settings.addItem')}
          </Button>
        </div>
      </Card>
      <div>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
